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

test('a template-literal require with a folder and a suffix is a glob over that folder', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./emails/${n}.txt.js`);\n'), [['./emails/*.txt.js', 'computed require']]);
});

test('a + chain in import() keeps its literal parts and one hole per computed part', () => {
  assert.deepEqual(globsOf("export const load = (lang) => import('./locales/' + lang + '.js');\n"), [['./locales/*.js', 'computed import()']]);
  assert.deepEqual(globsOf("export const load = (a, b) => import('./locales/' + a + b + '.json.js');\n"), [['./locales/*.json.js', 'computed import()']]);
});

test('a suffix with an extension is enough; a bare computed name in the importer folder is not', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}.plugin.js`);\n'), [['./*.plugin.js', 'computed require']]);
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}`);\n'), []);
  assert.deepEqual(globsOf("module.exports = (n) => require('../' + n);\n"), []);
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
