/** The strapi-v3 reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('strapi-v3');
test('strapi-v3: has a basic fixture', () => assert.ok(cases.includes('strapi-v3-plugin')));
for (const name of cases) test(`strapi-v3: ${name}`, () => checkFrameworkFixture(name));
