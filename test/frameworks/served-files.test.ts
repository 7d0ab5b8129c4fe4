/** The served-files reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('served-files');
test('served-files: has a basic fixture', () => assert.ok(cases.includes('served-files-basic')));
for (const name of cases) test(`served-files: ${name}`, () => checkFrameworkFixture(name));
