/** The served-public-literals reader (scripts a serve or asset helper names by a literal public/ path) on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('served-public-literals');
test('served-public-literals: has a basic fixture', () => assert.ok(cases.includes('served-public-literals-basic')));
for (const name of cases) test(`served-public-literals: ${name}`, () => checkFrameworkFixture(name));
