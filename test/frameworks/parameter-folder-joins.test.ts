/** Stop 59: joins onto a parameter that the file's callers fill with a folder of the module (brunch's bin/brunch loadBrunch). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { joinCallees } from '../../src/frameworks/js/parameter-folder-joins.js';

const cases = frameworkCases('parameter-folder-joins');
// cli.js (require of join(libPath, files.old)), run-cli.js (forked) and helper.js (completed as node does) are
// named; local.js (only a folder of the working directory is passed) and generated.js (only written) stay dead.
test('parameter-folder-joins: has a basic fixture', () => assert.ok(cases.includes('parameter-folder-joins-basic')));
for (const name of cases) test(`parameter-folder-joins: ${name}`, () => checkFrameworkFixture(name));

test('parameter-folder-joins: the names a file joins by', () => {
  assert.deepEqual(joinCallees("var sysPath = require('path');\nvar join = sysPath.join;\n"), ['path.join', 'path.resolve', 'sysPath.join', 'sysPath.resolve', 'join']);
  assert.deepEqual(joinCallees("const { join: pj, resolve } = require('node:path');\n"), ['path.join', 'path.resolve', 'pj', 'resolve']);
  assert.deepEqual(joinCallees("var join = other.join;\n"), ['path.join', 'path.resolve']);
});
