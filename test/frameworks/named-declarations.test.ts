/** The named-declarations reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('named-declarations');
test('named-declarations: has a basic fixture', () => assert.ok(cases.includes('named-declarations-basic')));
for (const name of cases) test(`named-declarations: ${name}`, () => checkFrameworkFixture(name));
