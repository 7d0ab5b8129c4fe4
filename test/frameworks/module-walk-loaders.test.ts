/** Loaders that walk a package object with twisted.python.modules and load each module (twisted/plugin.py's getCache). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('module-walk-loaders');
// Stop 62: app/plugins/ftp_plugin.py runs (getPlugins hands getCache `package = _pluginsPackage()`, which imports app.plugins);
// app/other/thing.py stays dead (listNames walks it without loading; getOther's package is handed in at run time).
// Review: and though docs() shows `getCache(package)` over app.other in its docstring (a call in a docstring runs nothing).
test('module-walk-loaders: has a basic fixture', () => assert.ok(cases.includes('module-walk-loaders-basic')));
for (const name of cases) test(`module-walk-loaders: ${name}`, { timeout: 120_000 }, () => checkFrameworkFixture(name));

test('moduleWalkers: a def walking getModule(p.__name__).iterModules() and loading what it finds', async () => {
  const { moduleWalkers } = await import('../../src/frameworks/python/module-walk-loaders.js');
  const walker = 'def walk(x, package):\n    mod = getModule(package.__name__)\n    for m in mod.walkModules():\n        m.load()\n';
  assert.deepEqual(moduleWalkers('a.py', walker).map((w) => [w.name, w.param]), [['walk', 1]]);
  // No load; a module named by a literal, not a parameter: no walker.
  assert.deepEqual(moduleWalkers('a.py', 'def walk(package):\n    mod = getModule(package.__name__)\n    for m in mod.iterModules():\n        print(m)\n'), []);
  assert.deepEqual(moduleWalkers('a.py', 'def walk(package):\n    mod = getModule("app.plugins")\n    for m in mod.iterModules():\n        m.load()\n'), []);
  assert.doesNotThrow(() => moduleWalkers('a.py', `def walk(package):\n    mod = getModule(${' '.repeat(100_000)}\n`));
});
