/** The folder-packages reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('folder-packages');
test('folder-packages: has a basic fixture', () => assert.ok(cases.includes('folder-packages-basic')));
for (const name of cases) test(`folder-packages: ${name}`, () => checkFrameworkFixture(name));
