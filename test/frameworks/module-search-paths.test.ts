/** The module-search-paths reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('module-search-paths');
test('module-search-paths: has the basic, addPath and ungated fixtures', () => {
  for (const name of ['module-search-paths-basic', 'module-search-paths-addpath', 'module-search-paths-ungated']) assert.ok(cases.includes(name), name);
});
for (const name of cases) test(`module-search-paths: ${name}`, () => checkFrameworkFixture(name));
