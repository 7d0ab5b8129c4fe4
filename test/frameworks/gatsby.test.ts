/** The gatsby reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('gatsby');
test('gatsby: has a site fixture', () => assert.ok(cases.includes('gatsby-site')));
for (const name of cases) test(`gatsby: ${name}`, () => checkFrameworkFixture(name));
