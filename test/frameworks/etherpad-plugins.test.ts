/** The etherpad-plugins reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('etherpad-plugins');
test('etherpad-plugins: has a basic fixture', () => assert.ok(cases.includes('etherpad-plugins-basic')));
for (const name of cases) test(`etherpad-plugins: ${name}`, () => checkFrameworkFixture(name));
