/** The ApostropheCMS reader on fixture repos, and its two text readers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { objectKeys } from '../../src/frameworks/js/apostrophe.js';
import { splitModulesImport } from '../../src/languages/javascript/resolution/tool-aliases.js';

const cases = frameworkCases('apostrophe');
test('apostrophe: has an app, a nested-subdirs and a core fixture', () => {
  for (const name of ['apostrophe-app', 'apostrophe-nested', 'apostrophe-core']) assert.ok(cases.includes(name), name);
});
for (const name of cases) test(`apostrophe: ${name}`, () => checkFrameworkFixture(name));

test('apostrophe: Modules/ imports resolve through the admin build alias, to the app or to the apostrophe package', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'apostrophe-app'));
  // Without the alias each was an undeclared package "Modules".
  assert.deepEqual((audit.imports?.findings ?? []).filter((f) => f.specifier.startsWith('Modules/')).map((f) => f.specifier), []);
});

const keysOf = (text: string) => objectKeys(text, text.indexOf('{')).map((k) => k.key);

test('apostrophe: objectKeys reads the top-level keys of an object literal only', () => {
  const text = `{
    // a comment: 'not-a-key': {}
    article: { options: { nested: {} } },
    'article-page': {},
    "@apostrophecms/home-page": { extend: 'x' },
    /* block: {} */
    list: [ { inArray: 1 } ],
    call: f({ inCall: 1 }),
    text: 'a, b: c',
  }`;
  assert.deepEqual(keysOf(text), ['article', 'article-page', '@apostrophecms/home-page', 'list', 'call', 'text']);
});

test('apostrophe: objectKeys reads a computed key bound to a string literal in the same file', () => {
  const text = "const own = 'jsx-test';\nconst x = { [own]: {}, [unknown]: {}, plain: {} };";
  assert.deepEqual(objectKeys(text, text.indexOf('{ [')).map((k) => k.key), ['jsx-test', 'plain']);
});

test('apostrophe: objectKeys stops at the end of its object', () => {
  const text = '{ a: 1 } , b: 2 }';
  assert.deepEqual(keysOf(text), ['a']);
});

test('apostrophe: splitModulesImport splits the module name, scoped or not, from the rest', () => {
  assert.deepEqual(splitModulesImport('Modules/@apostrophecms/schema/mixins/X'), { name: '@apostrophecms/schema', rest: 'mixins/X' });
  assert.deepEqual(splitModulesImport('Modules/article/logic/badge'), { name: 'article', rest: 'logic/badge' });
  assert.equal(splitModulesImport('Modules/article'), null);
  assert.equal(splitModulesImport('Modules/../x/y'), null);
  assert.equal(splitModulesImport('modules/article/x'), null);
});
