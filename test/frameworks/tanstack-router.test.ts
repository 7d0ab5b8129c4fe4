/** The tanstack-router reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tanstack-router');
test('tanstack-router: has a basic fixture', () => assert.ok(cases.includes('tanstack-router-basic')));
for (const name of cases) test(`tanstack-router: ${name}`, () => checkFrameworkFixture(name));
