/** app-static-mounts: a plugin app's `static/` folder served under the static URL at a prefix its class's attribute names (FreedomBox's web_server.py). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mountSitesOf } from '../../src/frameworks/python/app-static-mounts.js';

const mount = (urlprefix: string, call = '_mount_static_directory(static_dir, urlprefix)'): string =>
  [
    'def init():',
    '    for app in App.list():',
    '        module = sys.modules[app.__module__]',
    '        module_path = os.path.dirname(module.__file__)',
    "        static_dir = os.path.join(module_path, 'static')",
    `        urlprefix = ${urlprefix}`,
    `        ${call}`,
    '',
  ].join('\n');

test('app-static-mounts: the folder beside the class\'s module, mounted under the static URL by the class\'s attribute', () => {
  assert.deepEqual(mountSitesOf('web.py', mount('"%s%s" % (web_framework.get_static_url(), app.app_id)')), [{ object: 'app', attribute: 'app_id', at: 'web.py:7' }]);
  assert.deepEqual(mountSitesOf('web.py', mount('settings.STATIC_URL + app.slug', 'mount(urlprefix, static_dir)')), [{ object: 'app', attribute: 'slug', at: 'web.py:7' }]);
});

test('app-static-mounts: no site when the URL is not under the static URL, names no attribute of the app, or the folder is not the module\'s', () => {
  assert.deepEqual(mountSitesOf('web.py', mount("'/plugins/' + app.app_id")), []);
  assert.deepEqual(mountSitesOf('web.py', mount('get_static_url() + name')), []);
  assert.deepEqual(mountSitesOf('web.py', mount('get_static_url() + app.get_id()')), []);
  assert.deepEqual(mountSitesOf('web.py', mount('get_static_url() + app.app_id').replace('sys.modules[app.__module__]', 'importlib.import_module(name)')), []);
  assert.deepEqual(mountSitesOf('web.py', mount('get_static_url() + app.app_id', 'log(urlprefix)')), []);
});
