/** The import-conditions reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('import-conditions');
test('import-conditions: has a basic fixture', () => assert.ok(cases.includes('import-conditions-basic')));
for (const name of cases) test(`import-conditions: ${name}`, () => checkFrameworkFixture(name));
