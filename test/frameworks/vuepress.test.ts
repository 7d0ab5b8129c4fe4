/** The vuepress reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('vuepress');
test('vuepress: has a theme-and-site fixture', () => assert.ok(cases.includes('vuepress-theme-and-site')));
for (const name of cases) test(`vuepress: ${name}`, () => checkFrameworkFixture(name));
