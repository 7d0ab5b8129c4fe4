/** The env-passed-paths reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('env-passed-paths');
test('env-passed-paths: has a basic fixture', () => assert.ok(cases.includes('env-passed-paths-basic')));
for (const name of cases) test(`env-passed-paths: ${name}`, () => checkFrameworkFixture(name));
