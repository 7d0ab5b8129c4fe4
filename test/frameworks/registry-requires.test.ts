/** The registry-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('registry-requires');
test('registry-requires: has a basic fixture', () => assert.ok(cases.includes('registry-requires-basic')));
for (const name of cases) test(`registry-requires: ${name}`, () => checkFrameworkFixture(name));
