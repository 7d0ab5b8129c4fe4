/** The module-name-files reader: a file holding one dotted name, in a folder the package's computed importer names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heldModuleName } from '../../src/frameworks/python/module-name-files.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('module-name-files');
test('module-name-files: has a basic fixture', () => assert.ok(cases.includes('module-name-files-basic')));
for (const name of cases) test(`module-name-files: ${name}`, () => checkFrameworkFixture(name));

test('module-name-files: one dotted name, comments dropped; two names, prose or a bare word hold none', () => {
  assert.deepEqual(heldModuleName('# SPDX-License-Identifier: AGPL-3.0\n\nplinth.modules.ssh\n'), { name: 'plinth.modules.ssh', line: 3 });
  assert.equal(heldModuleName('a.b\na.c\n'), null);
  assert.equal(heldModuleName('see a.b for details\n'), null);
  assert.equal(heldModuleName('ssh\n'), null);
  assert.equal(heldModuleName(`a.b\n${'#'.repeat(600)}\n`), null);
});
