/** The tsc-in-place reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tsc-in-place');
test('tsc-in-place: has a basic fixture', () => assert.ok(cases.includes('tsc-in-place-basic')));
for (const name of cases) test(`tsc-in-place: ${name}`, () => checkFrameworkFixture(name));
