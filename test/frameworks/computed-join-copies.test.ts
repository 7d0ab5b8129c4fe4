/**
 * The computed-join-copies reader on a fixture repo: a copy of a folder joined from a folder census
 * settles and computed names (netlify-cli's functions:create copying `functions-templates/<lang>/<name>`),
 * and where it stops (a computed name under the module's own folder, a copy's destination, a base
 * census cannot settle, a name assigned again, a copy in a comment or a string).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('computed-join-copies');
test('computed-join-copies: has a basic fixture', () => assert.ok(cases.includes('computed-join-copies-basic')));
for (const name of cases) test(`computed-join-copies: ${name}`, () => checkFrameworkFixture(name));
