/** The alias-folders reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const cases = frameworkCases('alias-folders');
test('alias-folders: has a basic fixture', () => assert.ok(cases.includes('alias-folders-basic')));
for (const name of cases) test(`alias-folders: ${name}`, () => checkFrameworkFixture(name));

// Review 3 of stop 45: moduleOf's brace patterns ran `[^}]*` from every `{` to the next `}`, so a
// spread in an `alias: {` object followed by 200 KB of `{` took 47 s (quadratic: 400 KB would be
// minutes). The patterns are linear by construction now (anchored at `import {` / `const {`, one
// brace pair, a bounded stretch either side of the name); this asserts the answer on that text.
test('alias-folders: a text of many { after an alias spread is read in one pass', async () => {
  const dir = scratchDir('census-alias-hostile-');
  writeFileSync(join(dir, 'package.json'), '{ "name": "h", "version": "1.0.0", "main": "index.js" }\n');
  const head = [
    'const fs = require("fs");',
    'const path = require("path");',
    'function f() { const o = {}; for (const n of fs.readdirSync(d)) o[n] = path.join(d, n); return o; }',
    'module.exports = { resolve: { alias: { ...g() } } };',
  ].join('\n');
  writeFileSync(join(dir, 'index.js'), `${head}\n/*${'{'.repeat(400_000)}*/\n`);
  const { audit } = await scanDir(dir);
  assert.equal(audit.files.find((f) => f.path === 'index.js')?.verdict, 'production');
});
