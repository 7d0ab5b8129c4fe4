/** Stop 51: code an oslo.config option's default names, loaded by the option (trove's network driver and cluster strategies), on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('config-defaults');
test('config-defaults: has a basic fixture', () => assert.ok(cases.includes('config-defaults-basic')));
for (const name of cases) test(`config-defaults: ${name}`, () => checkFrameworkFixture(name));
