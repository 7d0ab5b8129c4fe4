/** The doctest-imports reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('doctest-imports');
test('doctest-imports: has a basic fixture', () => assert.ok(cases.includes('doctest-imports-basic')));
for (const name of cases) test(`doctest-imports: ${name}`, () => checkFrameworkFixture(name));
