/** The folder-URL reads reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('folder-url-reads');
test('folder-url-reads: has its fixtures', () => assert.deepEqual(cases.sort(), ['folder-url-reads-basic']));
for (const name of cases) test(`folder-url-reads: ${name}`, () => checkFrameworkFixture(name));
