/** The webdriverio reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('webdriverio');
test('webdriverio: has a basic fixture', () => assert.ok(cases.includes('webdriverio-basic')));
for (const name of cases) test(`webdriverio: ${name}`, () => checkFrameworkFixture(name));
