/** Programs spawned by an absolute path held in a constant, on a fixture filesystem tree with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('spawned-paths');
test('spawned-paths: has a basic fixture', () => assert.ok(cases.includes('spawned-paths-basic')));
for (const name of cases) test(`spawned-paths: ${name}`, () => checkFrameworkFixture(name));
