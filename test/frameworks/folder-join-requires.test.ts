/** The folder-join-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('folder-join-requires');
test('folder-join-requires: has a basic fixture', () => assert.ok(cases.includes('folder-join-requires-basic')));
for (const name of cases) test(`folder-join-requires: ${name}`, () => checkFrameworkFixture(name));
