/** The TSTyche reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tstyche');
test('tstyche: has a basic fixture', () => assert.ok(cases.includes('tstyche-basic')));
for (const name of cases) test(`tstyche: ${name}`, () => checkFrameworkFixture(name));
