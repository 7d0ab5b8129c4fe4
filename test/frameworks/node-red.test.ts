/** The node-red reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('node-red');
test('node-red: has a basic fixture', () => assert.ok(cases.includes('node-red-basic')));
for (const name of cases) test(`node-red: ${name}`, () => checkFrameworkFixture(name));
