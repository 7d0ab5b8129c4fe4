/** The env-folders reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('env-folders');
test('env-folders: has a basic fixture', () => assert.ok(cases.includes('env-folders-basic')));
for (const name of cases) test(`env-folders: ${name}`, () => checkFrameworkFixture(name));
