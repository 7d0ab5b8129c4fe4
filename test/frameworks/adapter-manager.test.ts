/** The adapter-manager reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('adapter-manager');
test('adapter-manager: has a basic fixture', () => assert.ok(cases.includes('adapter-manager-basic')));
for (const name of cases) test(`adapter-manager: ${name}`, () => checkFrameworkFixture(name));
