/**
 * The walked-folder-tables reader on fixture repos: every source file's verdict and evidence chain.
 * `-basic` is nightwatch's shape (a table of folders, a recursive walker, a loader requiring
 * path.join(dirPath, fileName)); a table key the join does not read (`templatePath`) stays dead.
 * `-copied` walks the table's folder but copies each file: nothing is required, so it stays dead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('walked-folder-tables');
test('walked-folder-tables: has a basic fixture', () => assert.ok(cases.includes('walked-folder-tables-basic')));
test('walked-folder-tables: has a copied (negative) fixture', () => assert.ok(cases.includes('walked-folder-tables-copied')));
for (const name of cases) test(`walked-folder-tables: ${name}`, () => checkFrameworkFixture(name));
