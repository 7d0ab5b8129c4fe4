/**
 * The broccoli-own-files reader on fixture repos: a Broccoli tree of the module's own folder
 * (`new UnwatchedDir(__dirname)`, `__dirname`) with a literal `files` list or a module-level list
 * (ember-cli's EMBER_CLI_FILES), and where it stops (another folder, a parameter, a name assigned
 * again, a call in a comment).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('broccoli-own-files');
test('broccoli-own-files: has a basic fixture', () => assert.ok(cases.includes('broccoli-own-files-basic')));
test('broccoli-own-files: has an other-folder (negative) fixture', () => assert.ok(cases.includes('broccoli-own-files-other-folder')));
test('broccoli-own-files: has a fixture of a folder held by a local assigned twice (ember-cli testem)', () => assert.ok(cases.includes('broccoli-own-files-held-folder')));
for (const name of cases) test(`broccoli-own-files: ${name}`, () => checkFrameworkFixture(name));
