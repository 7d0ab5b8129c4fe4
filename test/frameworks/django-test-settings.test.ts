/** Django test settings swaps (override_settings, modify_settings, self.settings), on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('django-test-settings');
test('django-test-settings: has a basic fixture', () => assert.ok(cases.includes('django-test-settings-basic')));
for (const name of cases) test(`django-test-settings: ${name}`, () => checkFrameworkFixture(name));
