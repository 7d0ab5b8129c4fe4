/** The folder-constants reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('folder-constants');
test('folder-constants: has a basic fixture', () => assert.ok(cases.includes('folder-constants-basic')));
for (const name of cases) test(`folder-constants: ${name}`, () => checkFrameworkFixture(name));
