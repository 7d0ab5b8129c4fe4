/**
 * Imports under a flag only tests switch on (limnoria's `if world.testing: from . import test`,
 * languages/python/test-flags.ts): held until the test tier when the flag module sets a false
 * literal and only tests store another value; a production store, a `global` store in the flag's
 * module, `not`/`or` conditions and a flag read from the environment keep a plain import edge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-test-flags');
test('python-test-flags: has the held, stored and global fixtures', () => {
  for (const name of ['held', 'stored', 'global']) assert.ok(cases.includes(`python-test-flags-${name}`), name);
});
for (const name of cases) test(`python-test-flags: ${name}`, () => checkFrameworkFixture(name));
