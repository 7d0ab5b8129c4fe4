/** The folder-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('folder-requires');
test('folder-requires: has a basic fixture', () => assert.ok(cases.includes('folder-requires-basic')));
for (const name of cases) test(`folder-requires: ${name}`, () => checkFrameworkFixture(name));
