/** app-static-mounts: a plugin app's `static/` folder served under the static URL at a prefix its class's attribute names (FreedomBox's web_server.py). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classAttributeLiteral, mountSitesOf } from '../../src/frameworks/python/app-static-mounts.js';

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

test("app-static-mounts: the prefix is a class body's literal, not a def's local or a docstring line", () => {
  assert.deepEqual(classAttributeLiteral("class A(App):\n    '''Doc.'''\n\n    app_id = 'ddns'  # the id\n", 'app_id'), { value: 'ddns', line: 4 });
  assert.deepEqual(classAttributeLiteral("class A(\n        App):\r\n\r\n    app_id = 'ddns'\r\n", 'app_id'), { value: 'ddns', line: 4 });
  assert.equal(classAttributeLiteral("def configure():\n    app_id = 'local'\n", 'app_id'), null);
  assert.equal(classAttributeLiteral("class A:\n    def f(self):\n        app_id = 'local'\n", 'app_id'), null);
  assert.equal(classAttributeLiteral('class A:\n    """Doc.\n\n    app_id = \'local\'\n    """\n', 'app_id'), null);
  assert.deepEqual(classAttributeLiteral("def f():\n    app_id = 'x'\n\n\nclass B:\n    app_id = 'b'\n", 'app_id'), { value: 'b', line: 6 });
});

// Not a speed budget: the old lazy assignment pattern took 3.5 s on a 40,000-space line and many
// minutes on these; the timeout only keeps a regression from hanging the suite.
test('app-static-mounts: a long run of spaces in a line near the mount, or many def locals, finishes', { timeout: 60_000 }, () => {
  const spaces = ' '.repeat(400_000);
  const text = mount('get_static_url() + app.app_id').replace('        urlprefix =', `        note = a${spaces}b\n        urlprefix =`);
  assert.deepEqual(mountSitesOf('web.py', text), [{ object: 'app', attribute: 'app_id', at: 'web.py:8' }]);
  const locals = `def f():\n${"    app_id = 'x'\n".repeat(200_000)}`;
  assert.equal(classAttributeLiteral(locals, 'app_id'), null);
});
