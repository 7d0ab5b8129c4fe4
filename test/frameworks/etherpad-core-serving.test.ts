/** The etherpad-core-serving reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('etherpad-core-serving');
test('etherpad-core-serving: has a basic fixture', () => assert.ok(cases.includes('etherpad-core-serving-basic')));
for (const name of cases) test(`etherpad-core-serving: ${name}`, () => checkFrameworkFixture(name));
