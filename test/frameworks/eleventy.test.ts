/** Eleventy: the scripts its config passes through into the built site (addPassthroughCopy) are roots with the kind of what builds the site. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('eleventy');
test('eleventy: has a basic fixture', () => assert.ok(cases.includes('eleventy-basic')));
for (const name of cases) test(`eleventy: ${name}`, () => checkFrameworkFixture(name));
