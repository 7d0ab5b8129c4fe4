/** Stop 49: code an oslo.config option with literal choices selects (glance's image cache driver), on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('config-choices');
test('config-choices: has a basic fixture', () => assert.ok(cases.includes('config-choices-basic')));
for (const name of cases) test(`config-choices: ${name}`, () => checkFrameworkFixture(name));
