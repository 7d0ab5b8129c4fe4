/** The test-data reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('test-data');
test('test-data: has a basic fixture', () => assert.ok(cases.includes('test-data-basic')));
for (const name of cases) test(`test-data: ${name}`, () => checkFrameworkFixture(name));
