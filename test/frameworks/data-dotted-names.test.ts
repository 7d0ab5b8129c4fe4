/** The data-dotted-names reader: a data file's dotted value names a module its package imports by a computed name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataDottedNames } from '../../src/frameworks/python/data-dotted-names.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('data-dotted-names');
test('data-dotted-names: has a basic fixture', () => assert.ok(cases.includes('data-dotted-names-basic')));
for (const name of cases) test(`data-dotted-names: ${name}`, () => checkFrameworkFixture(name));

test('data-dotted-names: whole strings (keys too, marked), not prose or YAML comments', () => {
  assert.deepEqual(dataDottedNames('{"function": "a.b.c",\n "a.b.d": {}, "x": "see a.b.e"}', false), [
    { name: 'a.b.c', line: 1, key: false },
    { name: 'a.b.d', line: 2, key: true },
  ]);
  assert.deepEqual(dataDottedNames('x:\n  - a.b.c\n  key: a.b.d\n# a.b.e\nkey: a.b.f and more\n\'a.b.g\' : 1\n', true), [
    { name: 'a.b.c', line: 2, key: false },
    { name: 'a.b.d', line: 3, key: false },
    { name: 'a.b.g', line: 6, key: true },
  ]);
  assert.deepEqual(dataDottedNames('plugin = "a.b.c"\nname = "a b.c"\n"a.b.d" = 1\n', false), [
    { name: 'a.b.c', line: 1, key: false },
    { name: 'a.b.d', line: 3, key: true },
  ]);
});
