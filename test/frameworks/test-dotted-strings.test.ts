/** The test-dotted-strings reader: repo modules a collected test names by a dotted string, on fixture repos with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('test-dotted-strings');
test('test-dotted-strings: has the basic fixture', () => {
  assert.ok(cases.includes('test-dotted-strings-basic'));
  assert.ok(cases.includes('test-dotted-strings-namespace'));
});
for (const name of cases) test(`test-dotted-strings: ${name}`, () => checkFrameworkFixture(name));
