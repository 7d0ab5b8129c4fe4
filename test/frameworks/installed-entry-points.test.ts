/** plugins registered in installed distributions' entry_points.txt, on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('installed-entry-points');
test('installed-entry-points: has a basic fixture', () => assert.ok(cases.includes('installed-entry-points-basic')));
test('installed-entry-points: has a pyinstaller fixture', () => assert.ok(cases.includes('installed-entry-points-pyinstaller')));
for (const name of cases) test(`installed-entry-points: ${name}`, () => checkFrameworkFixture(name));

test('hookDirsOf: the folders a PyInstaller hook-dirs function returns, settled from __file__', async () => {
  const { hookDirsOf } = await import('../../src/frameworks/python/installed-entry-points.js');
  const file = 'pkg/_pyinstaller/__init__.py';
  const a = ['import os', '', 'def get_hook_dirs():', '    return [os.path.dirname(__file__)]', ''].join('\n');
  assert.deepEqual(hookDirsOf(a, file, 'get_hook_dirs'), [{ folder: 'pkg/_pyinstaller', line: 4 }]);
  // A folder handed in at run time, or another function's name: nothing.
  const b = ['def get_hook_dirs(base):', '    return [base]', ''].join('\n');
  assert.deepEqual(hookDirsOf(b, file, 'get_hook_dirs'), []);
  assert.deepEqual(hookDirsOf(a, file, 'other'), []);
  // Review 4 of stop 47: a join with commas inside the list's one item; a column-0 comment inside the body.
  const c = ['import os', '', 'def get_hook_dirs():', '# the hooks sit in a folder below', '    return [os.path.join(os.path.dirname(__file__), "hooks"), os.path.dirname(__file__)]', ''].join('\n');
  assert.deepEqual(hookDirsOf(c, file, 'get_hook_dirs'), [{ folder: 'pkg/_pyinstaller/hooks', line: 5 }, { folder: 'pkg/_pyinstaller', line: 5 }]);
});
