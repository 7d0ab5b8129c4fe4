/** The threads-workers reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('threads-workers');
test('threads-workers: has a basic fixture', () => assert.ok(cases.includes('threads-workers-basic')));
for (const name of cases) test(`threads-workers: ${name}`, () => checkFrameworkFixture(name));
