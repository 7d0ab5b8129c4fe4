/** The oxlint reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('oxlint');
test('oxlint: has an extends fixture', () => assert.ok(cases.includes('oxlint-extends')));
for (const name of cases) test(`oxlint: ${name}`, () => checkFrameworkFixture(name));
