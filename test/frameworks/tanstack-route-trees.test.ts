/** The tanstack-route-trees reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tanstack-route-trees');
test('tanstack-route-trees: has its fixtures', () => {
  for (const name of ['missing', 'no-dependency', 'tree-present', 'typed-router', 'typed-router-loaded', 'two-roots']) assert.ok(cases.includes(`tanstack-route-trees-${name}`), name);
});
for (const name of cases) test(`tanstack-route-trees: ${name}`, () => checkFrameworkFixture(name));
