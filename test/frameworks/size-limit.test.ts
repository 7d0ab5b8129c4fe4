/** The size-limit reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('size-limit');
test('size-limit: has a basic fixture', () => assert.ok(cases.includes('size-limit-basic')));
for (const name of cases) test(`size-limit: ${name}`, () => checkFrameworkFixture(name));
