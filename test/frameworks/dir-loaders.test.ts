/** The dir-loaders reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('dir-loaders');
test('dir-loaders: has a basic fixture', () => assert.ok(cases.includes('dir-loaders-basic')));
for (const name of cases) test(`dir-loaders: ${name}`, () => checkFrameworkFixture(name));
