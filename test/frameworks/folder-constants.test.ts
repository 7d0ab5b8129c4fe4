/** The folder-constants reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { anchoredDeclarations } from '../../src/frameworks/js/folder-constants.js';

const cases = frameworkCases('folder-constants');
test('folder-constants: has a basic fixture', () => assert.ok(cases.includes('folder-constants-basic')));
for (const name of cases) test(`folder-constants: ${name}`, () => checkFrameworkFixture(name));

// A one-line bundle with many module places: each line is looked back on once (hang guard only).
test('folder-constants: a long one-line text is read in one pass', { timeout: 60_000 }, () => {
  const line = `const DIR = path.join(__dirname, 'x');${'f(__dirname);'.repeat(200_000)}`;
  const found = [...anchoredDeclarations(`${line}\n${line}`)];
  assert.deepEqual(found.map((d) => [d.name, d.index]), [['DIR', 0], ['DIR', line.length + 1]]);
});
