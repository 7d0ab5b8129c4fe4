/**
 * The computed-join-copies reader on a fixture repo: a copy of a folder joined from a folder census
 * settles and computed names (netlify-cli's functions:create copying `functions-templates/<lang>/<name>`),
 * and where it stops (a computed name under the module's own folder, a copy's destination, a base
 * census cannot settle, a name assigned again, a copy in a comment or a string).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const cases = frameworkCases('computed-join-copies');
test('computed-join-copies: has a basic fixture', () => assert.ok(cases.includes('computed-join-copies-basic')));
for (const name of cases) test(`computed-join-copies: ${name}`, () => checkFrameworkFixture(name));

// Review s61-rv2: the copy pattern read a callee's object names with `(?:name\s*\.\s*)*` tried at every
// name, so a long `a.a.a…` chain was quadratic (32 KB: 7.5 s; this 240 KB text: minutes), and the
// cheap mark's `copy[A-Za-z]*` was tried at every `copy` of a `copycopy…` run. Both are linear now.
test('computed-join-copies: a long member chain and a copycopy… run before a copy are read in one pass', { timeout: 120_000 }, async () => {
  const dir = scratchDir('census-cjc-hostile-');
  writeFileSync(join(dir, 'package.json'), '{ "name": "h", "version": "1.0.0", "main": "index.js" }\n');
  mkdirSync(join(dir, 'templates', 'a'), { recursive: true });
  writeFileSync(join(dir, 'templates', 'a', 'index.js'), 'module.exports = 1;\n');
  mkdirSync(join(dir, 'lib'));
  const head = "const fs = require('fs-extra');\nconst path = require('path');\n";
  const copy = "module.exports = (name, dest) => fs.copySync(path.join(__dirname, '../templates', name), dest);\n";
  writeFileSync(join(dir, 'lib', 'index.js'), `${head}x${'.x'.repeat(120_000)};\n${'copy'.repeat(40_000)};\n${copy}`);
  writeFileSync(join(dir, 'index.js'), "module.exports = require('./lib/index.js');\n");
  const { audit } = await scanDir(dir);
  assert.match(audit.files.find((f) => f.path === 'templates/a/index.js')?.evidence?.join('\n') ?? '', /lib\/index\.js:5, which copies it by a computed path \(fs\.copySync\(/);
});
