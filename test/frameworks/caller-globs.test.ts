/**
 * The caller-globs reader on a fixture repo: a function that globs its pattern in its caller's
 * folder (get-caller-file) and requires each match (ember-cli's requireAsHash), and where it stops
 * (a pattern not a literal at the call, a glob that is not recursive, a require of one literal
 * file, a cwd that is not the caller's folder, a function of the same name from another module).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('caller-globs');
test('caller-globs: has a basic fixture', () => assert.ok(cases.includes('caller-globs-basic')));
for (const name of cases) test(`caller-globs: ${name}`, () => checkFrameworkFixture(name));
