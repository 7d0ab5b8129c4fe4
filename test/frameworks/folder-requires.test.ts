/** The folder-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('folder-requires');
test('folder-requires: has a basic fixture', () => assert.ok(cases.includes('folder-requires-basic')));
for (const name of cases) test(`folder-requires: ${name}`, () => checkFrameworkFixture(name));

/** A repo whose src/index.js is the package's main and whose src/<name>.js holds `text`, with src/tasks/a.js beside. */
const repoWith = (name: string, text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'census-fr-'));
  mkdirSync(join(dir, 'src/tasks'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "hostile", "main": "src/index.js" }\n');
  writeFileSync(join(dir, 'src/index.js'), `require('./${name}')\n`);
  writeFileSync(join(dir, 'src/tasks/a.js'), 'module.exports = 1\n');
  writeFileSync(join(dir, `src/${name}.js`), text);
  return dir;
};

test('folder-requires: thousands of unclosed glob calls read each first argument in place, and the real loader beside them still loads its folder', { timeout: 120_000 }, async () => {
  // Review s55-rm2 #5: each `aGlob(` walked 10,000 characters for its arguments (880 KB: 2 s).
  const hostile = `function f(dir){\n${'aGlob(`${dir}/**/${{a}'.repeat(20_000)}\n}\n`;
  const loader = "const path = require('path')\nconst safeGlobSync = require('glob').sync\nrequire('./hostile')\nfunction load(dir) {\n  const files = safeGlobSync(path.join(dir, '*.js'))\n  for (const f of files) require(f)\n}\nload(path.join(__dirname, 'tasks'))\n";
  const dir = repoWith('loader', loader);
  writeFileSync(join(dir, 'src/hostile.js'), hostile);
  try {
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'src/tasks/a.js')?.verdict, 'production');
    assert.equal(audit.files.find((f) => f.path === 'src/hostile.js')?.verdict, 'production');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('folder-requires: a file of 20,000 unclosed require(join(dir, x, … is not handed to the parser by any reader (it overflowed the native stack: a segfault)', { timeout: 120_000 }, async () => {
  const dir = repoWith('deep', `function g(dir){\n${'require(join(dir, x, '.repeat(20_000)}\n`);
  try {
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'src/deep.js')?.verdict, 'production');
    assert.equal(audit.files.find((f) => f.path === 'src/tasks/a.js')?.verdict, 'dead');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
