/** The anchored-paths reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('anchored-paths');
test('anchored-paths: has a basic fixture', () => assert.ok(cases.includes('anchored-paths-basic')));
for (const name of cases) test(`anchored-paths: ${name}`, () => checkFrameworkFixture(name));
