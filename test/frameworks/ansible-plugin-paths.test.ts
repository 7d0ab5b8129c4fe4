/** The ansible-plugin-paths reader: Ansible plugin folders a Python package names by Ansible's settings, on fixture repos with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('ansible-plugin-paths');
test('ansible-plugin-paths: has the basic fixture', () => {
  assert.ok(cases.includes('ansible-plugin-paths-basic'));
});
for (const name of cases) test(`ansible-plugin-paths: ${name}`, () => checkFrameworkFixture(name));
