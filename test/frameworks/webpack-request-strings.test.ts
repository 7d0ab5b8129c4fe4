/** The webpack-request-strings reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('webpack-request-strings');
test('webpack-request-strings: has a basic fixture', () => assert.ok(cases.includes('webpack-request-strings-basic')));
for (const name of cases) test(`webpack-request-strings: ${name}`, () => checkFrameworkFixture(name));
