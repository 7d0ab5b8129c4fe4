/** Stop 59: import statements handed as literal source text to exec or an interpreter (bpython's runsource/push). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { importedNames } from '../../src/frameworks/python/source-text-imports.js';

const cases = frameworkCases('source-text-imports');
// _internal.py (push), frontend/_internal.py (runsource over two lines), banner.py (import), plugins.py (exec of
// `from shell import plugins`) are imported; unused.py (only logged), documented.py (in a string that is printed)
// and the f-string's target stay dead.
test('source-text-imports: has a basic fixture', () => assert.ok(cases.includes('source-text-imports-basic')));
for (const name of cases) test(`source-text-imports: ${name}`, () => checkFrameworkFixture(name));

test('source-text-imports: reads the statements of a source text', () => {
  assert.deepEqual(importedNames('from a.b import c as d, e\nimport f.g as h, i\nx = 1'), [
    { name: 'a.b', also: ['a.b.c', 'a.b.e'] },
    { name: 'f.g', also: [] },
    { name: 'i', also: [] },
  ]);
  assert.deepEqual(importedNames('print("import x")'), []);
  assert.deepEqual(importedNames('from . import y'), [{ name: '.', also: ['.y'] }]);
});
