/**
 * The Alembic reader: env.py and the revisions are reached from whatever runs `alembic upgrade`,
 * on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('alembic');
test('alembic: has a basic fixture', () => assert.ok(cases.includes('alembic-basic')));
test('alembic: has the set_main_option fixtures', () => assert.ok(['alembic-db-manage', 'alembic-set-no-ini', 'alembic-set-hostile'].every((c) => cases.includes(c))));
for (const name of cases) test(`alembic: ${name}`, () => checkFrameworkFixture(name));
