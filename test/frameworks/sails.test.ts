/** The sails reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('sails');
test('sails: has a fixture', () => assert.ok(cases.length > 0));
for (const name of cases) test(`sails: ${name}`, () => checkFrameworkFixture(name));
