/** The loader-modules reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('loader-modules');
test('loader-modules: has a basic fixture', () => assert.ok(cases.includes('loader-modules-basic')));
for (const name of cases) test(`loader-modules: ${name}`, () => checkFrameworkFixture(name));
