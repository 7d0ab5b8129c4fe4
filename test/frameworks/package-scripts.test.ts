/** browser scripts a Python package names by file name, on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('package-scripts');
test('package-scripts: has a basic fixture', () => assert.ok(cases.includes('package-scripts-basic')));
for (const name of cases) test(`package-scripts: ${name}`, () => checkFrameworkFixture(name));
