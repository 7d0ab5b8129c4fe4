/** The alias-folders reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('alias-folders');
test('alias-folders: has a basic fixture', () => assert.ok(cases.includes('alias-folders-basic')));
for (const name of cases) test(`alias-folders: ${name}`, () => checkFrameworkFixture(name));
