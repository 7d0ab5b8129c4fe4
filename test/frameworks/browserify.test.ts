/** The browserify reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('browserify');
test('browserify: has a basic fixture', () => assert.ok(cases.includes('browserify-basic')));
for (const name of cases) test(`browserify: ${name}`, () => checkFrameworkFixture(name));
