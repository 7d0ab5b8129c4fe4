/** The grunt reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('grunt');
test('grunt: has a fixture', () => assert.ok(cases.length > 0));
for (const name of cases) test(`grunt: ${name}`, () => checkFrameworkFixture(name));
