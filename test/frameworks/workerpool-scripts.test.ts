/**
 * The workerpool-scripts reader on a fixture repo: `workerpool.pool(script)` anchored at the
 * module's folder starts workers on that file, and where it stops (a bare string, another
 * module's `pool`, no script).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('workerpool-scripts');
test('workerpool-scripts: has a basic fixture', () => assert.ok(cases.includes('workerpool-scripts-basic')));
for (const name of cases) test(`workerpool-scripts: ${name}`, () => checkFrameworkFixture(name));
