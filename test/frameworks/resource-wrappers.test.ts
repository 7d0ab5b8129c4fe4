/**
 * Packages a resource API imports when named by a literal anchor with a computed name, or handed
 * to it by a repo function that wraps it, on a fixture repo with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('resource-wrappers');
test('resource-wrappers: has a basic fixture', () => assert.ok(cases.includes('resource-wrappers-basic')));
for (const name of cases) test(`resource-wrappers: ${name}`, () => checkFrameworkFixture(name));
