/** The vite-file-routes reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('vite-file-routes');
test('vite-file-routes: has a basic fixture', () => assert.ok(cases.includes('vite-file-routes-basic')));
for (const name of cases) test(`vite-file-routes: ${name}`, () => checkFrameworkFixture(name));
