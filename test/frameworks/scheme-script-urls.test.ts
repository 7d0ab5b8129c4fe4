/** The scheme-script-urls reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('scheme-script-urls');
test('scheme-script-urls: has a basic fixture', () => assert.ok(cases.includes('scheme-script-urls-basic')));
for (const name of cases) test(`scheme-script-urls: ${name}`, () => checkFrameworkFixture(name));
