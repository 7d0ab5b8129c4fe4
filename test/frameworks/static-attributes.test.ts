/**
 * Module attributes listing static scripts the app reads and a template serves by a variable
 * (searx plugins' `js_dependencies`), on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('static-attributes');
test('static-attributes: has a plugins fixture (registered, unregistered, an attribute nothing reads)', () => assert.ok(cases.includes('static-attributes-plugins')));
for (const name of cases) test(`static-attributes: ${name}`, () => checkFrameworkFixture(name));
