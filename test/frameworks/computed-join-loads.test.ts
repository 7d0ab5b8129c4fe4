/**
 * The computed-join-loads reader on fixture repos: a `require`/`import` of a path joined from a
 * folder census settles, computed whole parts and a literal file name (netlify-cli's recipes and
 * function templates), and where it stops (a computed part under the module's own folder, a name
 * assigned again, a computed file name, a load in a comment, two folders for one computed part).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('computed-join-loads');
test('computed-join-loads: has a basic fixture', () => assert.ok(cases.includes('computed-join-loads-basic')));
for (const name of cases) test(`computed-join-loads: ${name}`, () => checkFrameworkFixture(name));
