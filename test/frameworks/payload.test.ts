/** The payload reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('payload');
test('payload: has an app and a monorepo fixture', () => assert.deepEqual(cases, ['payload-app', 'payload-monorepo']));
for (const name of cases) test(`payload: ${name}`, () => checkFrameworkFixture(name));
