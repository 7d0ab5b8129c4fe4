/** The bun test reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('bun-test');
test('bun test: has a basic fixture', () => assert.ok(cases.includes('bun-test-basic')));
for (const name of cases) test(`bun test: ${name}`, () => checkFrameworkFixture(name));
