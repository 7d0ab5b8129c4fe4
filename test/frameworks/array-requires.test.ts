/** The array-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('array-requires');
test('array-requires: has a basic fixture', () => assert.ok(cases.includes('array-requires-basic')));
for (const name of cases) test(`array-requires: ${name}`, () => checkFrameworkFixture(name));
