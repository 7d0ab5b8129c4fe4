/** The setup-tests reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('setup-tests');
test('setup-tests: has a fixture', () => assert.ok(cases.includes('setup-tests-cra')));
for (const name of cases) test(`setup-tests: ${name}`, () => checkFrameworkFixture(name));
