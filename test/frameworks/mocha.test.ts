/** The mocha reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('mocha');
test('mocha: has a basic fixture', () => assert.ok(cases.includes('mocha-basic')));
for (const name of cases) test(`mocha: ${name}`, () => checkFrameworkFixture(name));
