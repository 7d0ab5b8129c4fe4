/** The copied-folder-paths reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('copied-folder-paths');
test('copied-folder-paths: has a basic fixture', () => assert.ok(cases.includes('copied-folder-paths-basic')));
for (const name of cases) test(`copied-folder-paths: ${name}`, () => checkFrameworkFixture(name));
