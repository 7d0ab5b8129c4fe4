/** Stylelint: local plugins, extends, custom syntax and processors (also in overrides and package.json) are tooling roots. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('stylelint');
test('stylelint: has a basic fixture', () => assert.ok(cases.includes('stylelint-basic')));
for (const name of cases) test(`stylelint: ${name}`, () => checkFrameworkFixture(name));
