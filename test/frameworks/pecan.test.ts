/** The Pecan reader: a config module's 'root' controller, read by conf_from_file(config.__file__) or `pecan serve`, on fixture repos with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('pecan');
test('pecan: has the scaffold and serve fixtures', () => {
  assert.ok(cases.includes('pecan-scaffold'));
  assert.ok(cases.includes('pecan-serve'));
  assert.ok(cases.includes('pecan-retired-app'));
});
for (const name of cases) test(`pecan: ${name}`, () => checkFrameworkFixture(name));
