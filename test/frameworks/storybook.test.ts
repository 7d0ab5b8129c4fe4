/** The storybook reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('storybook');
test('storybook: has a basic fixture', () => assert.ok(cases.includes('storybook-basic')));
for (const name of cases) test(`storybook: ${name}`, () => checkFrameworkFixture(name));
