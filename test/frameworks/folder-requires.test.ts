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

/**
 * A minified bundle, one line: `n` named functions that each list the folder they are given, each
 * followed by a require of a name, and a real loader of src/tasks at its end. Each listing walked
 * every require after it (a new RegExp each), every function header before it and the rest of the
 * text (review s59: 480 KB took 39 s, 990 KB 144 s; this 950 KB one 0.6 s after, minutes before).
 */
const listingBundle = (n: number): string => {
  let body = "var fs=require('fs'),path=require('path');";
  for (let i = 0; i < n; i++) body += `function f${i}(a){fs.readdirSync(a)}require(b);`;
  return `${body}var d=path.join(__dirname,'tasks');fs.readdirSync(d).forEach(function(f){require(path.join(d,f))});\n`;
};

/** The same with distinct names outside any function, the listings' region the whole text: `x1=fs.readdirSync(c1);`. */
const distinctListings = (n: number): string => {
  let body = "var fs=require('fs'),path=require('path');";
  for (let i = 0; i < n; i++) body += `x${i}=fs.readdirSync(c${i});y${i}=require(b${i});`;
  return `${body}var d=path.join(__dirname,'tasks');fs.readdirSync(d).forEach(function(f){require(path.join(d,f))});\n`;
};

/**
 * The same with a distinct folder expression per listing, each joined to a name and required, and the
 * real loader written that way too: each expression's requires and joins were searched for over the
 * whole text (s60: 8,000 of them took 17 s in this reader, 0.4 s after).
 */
const distinctFolders = (n: number): string => {
  let body = "var fs=require('fs'),path=require('path');";
  for (let i = 0; i < n; i++) body += `fs.readdirSync(path.join(__dirname,'t${i}')).map(function(f){return path.join(path.join(__dirname,'t${i}'),f)});`;
  return `${body}fs.readdirSync(path.join(__dirname,'tasks')).forEach(function(f){var p=path.join(path.join(__dirname,'tasks'),f);require(p)});\n`;
};

for (const [what, text] of [
  ['named functions that each list a folder', listingBundle(20_000)],
  ['distinct listed names outside any function', distinctListings(18_000)],
  ['distinct folder expressions, each joined to a name', distinctFolders(8_500)],
] as const) {
  test(`folder-requires: a 950 KB minified bundle of ${what} is read in linear time, and its real loader still loads its folder`, { timeout: 120_000 }, async () => {
    assert.ok(text.length > 900_000 && text.length < 1_000_000);
    const dir = repoWith('bundle', text);
    try {
      const { audit } = await scanDir(dir);
      assert.equal(audit.files.find((f) => f.path === 'src/tasks/a.js')?.verdict, 'production');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
