/** The path-wrappers reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('path-wrappers');
test('path-wrappers: has a basic fixture', () => assert.ok(cases.includes('path-wrappers-basic')));
test('path-wrappers: has a fixture whose constants are one declarator list', () => assert.ok(cases.includes('path-wrappers-declarator-list')));
test('path-wrappers: has a fixture of minified bundles (the path module under a short name)', () => assert.ok(cases.includes('path-wrappers-minified')));
test('path-wrappers: has a fixture of a helper held as an object property, called with computed paths (Quasar)', () => assert.ok(cases.includes('path-wrappers-property')));
for (const name of cases) test(`path-wrappers: ${name}`, () => checkFrameworkFixture(name));
