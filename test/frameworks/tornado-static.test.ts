/** The tornado-static reader on fixture repos: the scripts a Tornado app's templates load from its static_path folder (a stale bundle no page names stays dead). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tornado-static');
test('tornado-static: has a basic fixture', () => assert.ok(cases.includes('tornado-static-basic')));
for (const name of cases) test(`tornado-static: ${name}`, () => checkFrameworkFixture(name));
