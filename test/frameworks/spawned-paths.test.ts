/** Programs spawned by an absolute path held in a constant, on a fixture filesystem tree with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('spawned-paths');
test('spawned-paths: has a basic fixture', () => assert.ok(cases.includes('spawned-paths-basic')));
// A hang guard, no clock assertion: spawned-paths-mends' hostile.py (names read through themselves, chains fanning out, 64 spawn calls) once ran for minutes.
for (const name of cases) test(`spawned-paths: ${name}`, { timeout: 120_000 }, () => checkFrameworkFixture(name));
