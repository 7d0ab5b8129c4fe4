/** Programs a Python module runs from the program folder a config names (mailman3's bin_dir), on a fixture filesystem tree with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('config-bin-dirs');
test('config-bin-dirs: has a basic fixture', () => assert.ok(cases.includes('config-bin-dirs-basic')));
for (const name of cases) test(`config-bin-dirs: ${name}`, () => checkFrameworkFixture(name));
