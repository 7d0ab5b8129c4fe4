/** The vue-cli reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('vue-cli');
test('vue-cli: has a basic fixture', () => assert.ok(cases.includes('vue-cli-basic')));
for (const name of cases) test(`vue-cli: ${name}`, () => checkFrameworkFixture(name));
