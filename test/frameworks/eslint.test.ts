/** The eslint reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('eslint');
test('eslint: has a basic fixture', () => assert.ok(cases.includes('eslint-basic')));
for (const name of cases) test(`eslint: ${name}`, () => checkFrameworkFixture(name));
