/** Stop 59: a repo loader handed to a function as a parameter of its name (powerline's segment.py get_module_attr). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('handed-loaders');
// selectors/vim.py is loaded through the handed get_module_attr; widgets/vim.py, loaded through a parameter
// no repo loader is named after, stays dead.
test('handed-loaders: has a basic fixture', () => assert.ok(cases.includes('handed-loaders-basic')));
for (const name of cases) test(`handed-loaders: ${name}`, () => checkFrameworkFixture(name));
