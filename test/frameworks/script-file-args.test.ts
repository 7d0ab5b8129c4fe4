/** The script-file-args reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('script-file-args');
test('script-file-args: has a basic fixture', () => assert.ok(cases.includes('script-file-args-basic')));
for (const name of cases) test(`script-file-args: ${name}`, () => checkFrameworkFixture(name));
