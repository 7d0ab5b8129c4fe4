/** The tap/tape reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tap-runners');
test('tap-runners: has its fixtures', () => assert.deepEqual(cases.sort(), ['tap-runners-basic', 'tap-runners-default', 'tap-runners-pkgconfig', 'tap-runners-taprc', 'tap-runners-undeclared']));
for (const name of cases) test(`tap-runners: ${name}`, () => checkFrameworkFixture(name));
