/** The module-name-files reader: a file holding one dotted name, in a folder the package's computed importer names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heldModuleName } from '../../src/frameworks/python/module-name-files.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('module-name-files');
// Review of stop 63: a `+ '.setup'` appended to some other name (other-suffix) and a folder named only in a comment (comment-only) load nothing.
for (const c of ['basic', 'other-suffix', 'comment-only']) test(`module-name-files: has a ${c} fixture`, () => assert.ok(cases.includes(`module-name-files-${c}`)));
for (const name of cases) test(`module-name-files: ${name}`, () => checkFrameworkFixture(name));

test('module-name-files: one dotted name, comments dropped; two names, prose or a bare word hold none', () => {
  assert.deepEqual(heldModuleName('# SPDX-License-Identifier: AGPL-3.0\n\nplinth.modules.ssh\n'), { name: 'plinth.modules.ssh', line: 3 });
  assert.equal(heldModuleName('a.b\na.c\n'), null);
  assert.equal(heldModuleName('see a.b for details\n'), null);
  assert.equal(heldModuleName('ssh\n'), null);
  assert.equal(heldModuleName(`a.b\n${'#'.repeat(600)}\n`), null);
});
