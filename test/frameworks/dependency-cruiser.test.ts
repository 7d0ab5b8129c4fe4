/** dependency-cruiser: its default config, the config `depcruise --config x` names, what they extend and the webpack config they resolve with are tooling roots. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('dependency-cruiser');
test('dependency-cruiser: has a basic fixture', () => assert.ok(cases.includes('dependency-cruiser-basic')));
for (const name of cases) test(`dependency-cruiser: ${name}`, () => checkFrameworkFixture(name));
