/**
 * Packages a resource API call is anchored at (a literal, or an f-string over a module constant),
 * which the call imports, on a fixture repo with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('resource-anchors');
test('resource-anchors: has a basic fixture', () => assert.ok(cases.includes('resource-anchors-basic')));
for (const name of cases) test(`resource-anchors: ${name}`, () => checkFrameworkFixture(name));
