/** The knex reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

// knex-migrator-* fixtures are the knex-migrator reader's.
const cases = frameworkCases('knex').filter((name) => !name.startsWith('knex-migrator-'));
test('knex: has a basic fixture', () => assert.ok(cases.includes('knex-basic')));
for (const name of cases) test(`knex: ${name}`, () => checkFrameworkFixture(name));
