/** The amd-modules reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('amd-modules');
test('amd-modules: has a basic fixture', () => assert.ok(cases.includes('amd-modules-basic')));
for (const name of cases) test(`amd-modules: ${name}`, () => checkFrameworkFixture(name));
