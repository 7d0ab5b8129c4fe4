/** The default-app-configs reader: the AppConfig class a package's `default_app_config` names, set in its __init__.py or by the program's startup code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('default-app-configs');
test('default-app-configs: has a basic fixture', () => assert.ok(cases.includes('default-app-configs-basic')));
for (const name of cases) test(`default-app-configs: ${name}`, () => checkFrameworkFixture(name));
