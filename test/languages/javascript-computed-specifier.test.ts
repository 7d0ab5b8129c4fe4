/**
 * Specifiers built at run time from literal parts: the files they may load are a glob the graph
 * follows, when the literal parts name a folder below the importer's or a file suffix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javascriptExtractor } from '../../src/languages/javascript/extract.js';

const globsOf = (text: string): Array<[string, string | undefined]> =>
  javascriptExtractor
    .extract('src/app.js', text)
    .references.filter((r) => r.form === 'glob')
    .map((r) => [r.target, r.via]);

const OWN_FOLDER = './{*,*/index}.{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}';

test('a template-literal require with a folder and a suffix is a glob over that folder', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./emails/${n}.txt.js`);\n'), [['./emails/*.txt.js', 'computed require']]);
});

test('a + chain in import() keeps its literal parts and one hole per computed part', () => {
  assert.deepEqual(globsOf("export const load = (lang) => import('./locales/' + lang + '.js');\n"), [['./locales/*.js', 'computed import()']]);
  assert.deepEqual(globsOf("export const load = (a, b) => import('./locales/' + a + b + '.json.js');\n"), [['./locales/*.json.js', 'computed import()']]);
});

test('a suffix with an extension is enough', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}.plugin.js`);\n'), [['./*.plugin.js', 'computed require']]);
});

test('./ and one computed name is the importer folder: its module files and its direct subfolders\' index files', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}`);\n'), [[OWN_FOLDER, 'computed require']]);
  assert.deepEqual(globsOf("module.exports = (n) => require('./' + n);\n"), [[OWN_FOLDER, 'computed require']]);
  assert.deepEqual(globsOf('export const load = (n) => import(`./${n}`);\n'), [[OWN_FOLDER, 'computed import()']]);
  const ref = javascriptExtractor.extract('src/app.js', 'module.exports = (n) => require(`./${n}`);\n').references[0];
  assert.deepEqual(ref?.exclude, ['./{*,*/index}.d.{ts,cts,mts}', './*.{test,spec}.*']);
});

test('a file that lists its folder is left to the listing: ./ and a name is no pattern there', () => {
  assert.deepEqual(globsOf("const fs = require('fs');\nfor (const f of fs.readdirSync(__dirname)) require('./' + f);\n"), []);
  assert.deepEqual(globsOf("const glob = require('glob');\nglob.sync('*.model.js', {cwd: __dirname}).forEach((f) => require(`./${f}`));\n"), []);
});

test('the parent folder and one computed name names nothing', () => {
  assert.deepEqual(globsOf("module.exports = (n) => require('../' + n);\n"), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(`../${n}`);\n'), []);
});

test('package names, holes that span folders and glob characters name no files', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`lodash/${n}`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (a, b) => require(`./${a}/${b}.js`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(`./x*/${n}.js`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(n);\n'), []);
});

test('a literal require is an import, not a glob', () => {
  const facts = javascriptExtractor.extract('src/app.js', "require(`./emails/plain.js`);\n");
  assert.deepEqual(facts.references.filter((r) => r.form === 'glob'), []);
  assert.deepEqual(facts.imports.map((i) => i.specifier), ['./emails/plain.js']);
});
