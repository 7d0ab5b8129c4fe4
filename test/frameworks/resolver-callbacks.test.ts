/** The resolver-callbacks reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('resolver-callbacks');
test('resolver-callbacks: has a basic fixture', () => assert.ok(cases.includes('resolver-callbacks-basic')));
for (const name of cases) test(`resolver-callbacks: ${name}`, () => checkFrameworkFixture(name));
