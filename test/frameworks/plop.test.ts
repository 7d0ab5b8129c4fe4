/** The plop reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('plop');
// a plopfile whose package depends on plop, one a root script names with --plopfile, one nothing runs
test('plop: has a packages fixture', () => assert.ok(cases.includes('plop-packages')));
for (const name of cases) test(`plop: ${name}`, () => checkFrameworkFixture(name));
