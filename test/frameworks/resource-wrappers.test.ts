/**
 * Packages a resource API imports when named by a literal anchor with a computed name, or handed
 * to it by a repo function that wraps it, on a fixture repo with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('resource-wrappers');
test('resource-wrappers: has a basic fixture', () => assert.ok(cases.includes('resource-wrappers-basic')));
// Stop 57: a class made inside a def runs with the def: its call on the def's parameter makes the def a wrapper (app.data, dead when the class was read as import-time code); a shadowed module constant (app.old) stays dead.
test('resource-wrappers: has a nested-class fixture', () => assert.ok(cases.includes('resource-wrappers-nested-class')));
for (const name of cases) test(`resource-wrappers: ${name}`, () => checkFrameworkFixture(name));
