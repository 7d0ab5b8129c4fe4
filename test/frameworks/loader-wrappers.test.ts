/**
 * Modules loaded through a repo's own loader functions (a package listed, a folder listed or
 * loaded by path, a module name handed through methods), on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-loader-wrappers');
for (const c of ['package', 'folder', 'methods', 'caller-folder', 'class-attrs', 'built-folder', 'astroid', 'dotted-head', 'dotted-head-other-file', 'listed-object-private', 'oslo-extensions', 'oslo-service', 'generator-packages', 'rebound-param', 'shadowed-closure', 'rebound-module', 'registry', 'keyed']) test(`loader-wrappers: has a ${c} fixture`, () => assert.ok(cases.includes(`python-loader-wrappers-${c}`)));
for (const name of cases) test(`loader-wrappers: ${name}`, () => checkFrameworkFixture(name));

test('templateParts: module-name templates by %, .format and f-strings', async () => {
  const { templateParts } = await import('../../src/frameworks/python/loader-templates.js');
  assert.deepEqual(templateParts('"radicale.%s.%s" % (module_name, type_)'), ['radicale.', { expr: 'module_name' }, '.', { expr: 'type_' }, '']);
  assert.deepEqual(templateParts("'pkg.%s' % kind"), ['pkg.', { expr: 'kind' }, '']);
  assert.deepEqual(templateParts('"app.{}.{}".format(kind, name)'), ['app.', { expr: 'kind' }, '.', { expr: 'name' }, '']);
  assert.deepEqual(templateParts('"app.{1}.{0}".format(name, kind)'), ['app.', { expr: 'kind' }, '.', { expr: 'name' }, '']);
  assert.deepEqual(templateParts('f"app.{area}.{page}"'), ['app.', { expr: 'area' }, '.', { expr: 'page' }, '']);
  // Not templates: a count that does not match, a plain name, a call.
  assert.equal(templateParts('"a.%s.%s" % (x,)'), null);
  // An argument .format does not use is no placeholder.
  assert.deepEqual(templateParts('"a.{}".format(x, y)'), ['a.', { expr: 'x' }, '']);
  assert.equal(templateParts('module'), null);
  assert.equal(templateParts('get_name(x)'), null);
  // A dotted value after `%` is one placeholder, as in a tuple.
  assert.deepEqual(templateParts("'%s.admin' % config.name"), ['', { expr: 'config.name' }, '.admin']);
});

test('templateParts: `+` concatenation, only when asked', async () => {
  const { templateParts } = await import('../../src/frameworks/python/loader-templates.js');
  const plus = (t: string) => templateParts(t, { concatenation: true });
  assert.equal(templateParts("'pkg.' + name"), null);
  assert.deepEqual(plus("'pkg.' + name"), ['pkg.', { expr: 'name' }]);
  assert.deepEqual(plus("__name__ + '.drivers.' + name + '.Driver'"), [{ expr: '__name__' }, '.drivers.', { expr: 'name' }, '.Driver']);
  // Adjacent literals are one part; a `+` inside a literal or brackets splits nothing.
  assert.deepEqual(plus("app + '.' + 'admin'"), [{ expr: 'app' }, '.admin']);
  assert.deepEqual(plus("'a+b.' + f(x + y)"), ['a+b.', { expr: 'f(x + y)' }]);
  // The other forms read as before.
  assert.deepEqual(plus("'pkg.%s' % kind"), ['pkg.', { expr: 'kind' }, '']);
  assert.equal(plus('name'), null);
  assert.equal(plus("'a' + "), null);
});

test('templateFolders: each computed part is one path segment (or part of one) of an existing folder', async () => {
  const { templateParts } = await import('../../src/frameworks/python/loader-templates.js');
  const { templateFolders } = await import('../../src/frameworks/python/template-folders.js');
  const subfolders = new Map<string, string[]>([
    ['', ['pkg']],
    ['pkg', ['pkg/provider', 'pkg/x_plugins', 'pkg/y_plugins', 'pkg/other']],
    ['pkg/provider', ['pkg/provider/layout', 'pkg/provider/source']],
    ['pkg/provider/layout', ['pkg/provider/layout/deep']],
  ]);
  // The loader joins the value onto its own folder, pkg/.
  const settle = (value: string): string => `pkg/${value}`;
  const folders = (text: string): string[] => templateFolders(templateParts(text)!, settle, subfolders);
  assert.deepEqual(folders("'provider/%s' % provider_type"), ['pkg/provider/layout', 'pkg/provider/source']);
  assert.deepEqual(folders('f"provider/{kind}"'), ['pkg/provider/layout', 'pkg/provider/source']);
  assert.deepEqual(folders('"{}_plugins".format(kind)'), ['pkg/x_plugins', 'pkg/y_plugins']);
  // One segment only: provider/layout/deep is not `provider/*`.
  assert.ok(!folders("'provider/%s' % k").includes('pkg/provider/layout/deep'));
  // No literal name part: any folder, so nothing; a folder that is not there: nothing.
  assert.deepEqual(folders("'%s' % kind"), []);
  assert.deepEqual(folders("'missing/%s' % kind"), []);
  // A loader that does not settle the value: nothing.
  assert.deepEqual(templateFolders(templateParts("'provider/%s' % k")!, () => null, subfolders), []);
});
