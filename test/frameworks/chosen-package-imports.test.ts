/**
 * Modules imported from a subpackage chosen at run time (`__import__(pkg, …, [mod], level=1)` with
 * both names a def's parameters), on a fixture repo with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('chosen-package-imports');
test('chosen-package-imports: has a basic fixture', () => assert.ok(cases.includes('chosen-package-imports-basic')));
for (const name of cases) test(`chosen-package-imports: ${name}`, () => checkFrameworkFixture(name));
