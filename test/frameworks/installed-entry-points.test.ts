/** plugins registered in installed distributions' entry_points.txt, on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('installed-entry-points');
test('installed-entry-points: has a basic fixture', () => assert.ok(cases.includes('installed-entry-points-basic')));
for (const name of cases) test(`installed-entry-points: ${name}`, () => checkFrameworkFixture(name));
