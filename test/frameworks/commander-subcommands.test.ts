/**
 * The commander-subcommands reader on fixture repos: `.command(name, description)` spawns
 * `<program>-<name>` beside the script (or its `executableFile`), and where it stops (an action
 * subcommand without a description, a call in a comment, a file that does not import commander).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('commander-subcommands');
test('commander-subcommands: has a basic fixture', () => assert.ok(cases.includes('commander-subcommands-basic')));
for (const name of cases) test(`commander-subcommands: ${name}`, () => checkFrameworkFixture(name));
