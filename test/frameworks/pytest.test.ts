/**
 * The pytest reader: test packages' __init__.py, pytest_plugins and `-p` plugins, on fixture
 * repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('pytest');
test('pytest: has a plugins fixture', () => assert.ok(cases.includes('pytest-plugins')));
for (const name of cases) test(`pytest: ${name}`, () => checkFrameworkFixture(name));
