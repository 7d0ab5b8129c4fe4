/**
 * The language registry is the one place a language is described: these tests hold the derived
 * tables (extension and shebang maps, the schema's language enums) to it, so a language added
 * there reaches every stage and the published contract, and none is added anywhere else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_RECORDS, LANGUAGES, familyOf, isDocLanguage, isSourceLanguage, languageRecord } from '../../src/languages/registry.js';
import { languageFromPath, languageFromShebang } from '../../src/discover/language.js';
import { countLines } from '../../src/extract/metrics.js';
import { isFingerprinted } from '../../src/analyses/duplicates/fingerprint.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/audit.schema.json'), 'utf8'));
const ids = LANGUAGE_RECORDS.map((r) => r.id);

test('each record is filed under its own id', () => {
  for (const [key, record] of Object.entries(LANGUAGES)) assert.equal(record.id, key);
});

test('no extension, file name or prefix belongs to two languages', () => {
  const owners = new Map<string, string>();
  for (const r of LANGUAGE_RECORDS) {
    for (const claim of [...r.extensions.map((e) => `ext ${e}`), ...(r.fileNames ?? []).map((n) => `name ${n}`), ...(r.fileNamePrefixes ?? []).map((p) => `prefix ${p}`)]) {
      assert.equal(owners.get(claim), undefined, `${claim} is claimed by ${owners.get(claim)} and ${r.id}`);
      owners.set(claim, r.id);
    }
    for (const e of r.extensions) assert.match(e, /^\.[a-z0-9]+$/, `${r.id}: extensions are lower-case with their dot`);
  }
});

test('every extension, name and shebang of a record finds that record', () => {
  for (const r of LANGUAGE_RECORDS) {
    for (const e of r.extensions) assert.equal(languageFromPath(`dir/file${e}`), r.id, e);
    for (const n of r.fileNames ?? []) assert.equal(languageFromPath(`dir/${n}`), r.id, n);
    for (const p of r.fileNamePrefixes ?? []) assert.equal(languageFromPath(`dir/${p}prod`), r.id, p);
  }
  assert.equal(languageFromPath('etc/cron.d/backup'), 'crontab');
  assert.equal(languageFromPath('bin/tool'), null, 'extension-less: the shebang decides');
  assert.equal(languageFromPath('.bashrc'), null);
  assert.equal(languageFromPath('image.png'), 'other');
  assert.equal(languageFromPath('dir/constructor'), null, 'a name that is an Object.prototype key is no language');
  assert.equal(languageFromShebang('#!/usr/bin/env python3.12'), 'python');
  assert.equal(languageFromShebang('#!/usr/bin/env -S node --enable-source-maps'), 'javascript');
  assert.equal(languageFromShebang('#!/usr/bin/env tsx'), 'typescript');
  assert.equal(languageFromShebang('#!/bin/bash -e'), 'shell');
  assert.equal(languageFromShebang('#!/usr/bin/perl'), null);
});

test('derived sets: source, docs, families, fingerprints, comment styles', () => {
  assert.deepEqual(ids.filter(isSourceLanguage), ['python', 'javascript', 'typescript', 'shell', 'vue', 'svelte', 'astro', 'marko', 'tsrx']);
  assert.deepEqual(ids.filter(isDocLanguage), ['markdown', 'mdx', 'rst', 'text']);
  assert.equal(familyOf('typescript'), familyOf('javascript'));
  assert.equal(familyOf('other'), 'other');
  assert.equal(languageRecord('other'), undefined);
  for (const r of LANGUAGE_RECORDS) {
    assert.equal(isFingerprinted(r.id), r.tokens !== undefined, r.id);
    if (r.ecosystem) assert.ok(r.extractor, `${r.id}: a language with imports has an extractor to find them`);
  }
  assert.deepEqual(countLines('# c\nx = 1\n\n', 'python'), { lines: 3, codeLines: 1 });
  assert.deepEqual(countLines('// c\n/* d\n * e */\nx()\n', 'typescript'), { lines: 4, codeLines: 1 });
  assert.deepEqual(countLines('# title\ntext\n', 'markdown'), { lines: 2, codeLines: 2 });
});

/** Every enum in the schema that lists languages, by where it is. */
const languageEnums = (node: unknown, path: string, out: Map<string, string[]>): Map<string, string[]> => {
  if (Array.isArray(node)) node.forEach((n, i) => languageEnums(n, `${path}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum) && o.enum.includes('python')) out.set(path, o.enum as string[]);
    for (const [k, v] of Object.entries(o)) languageEnums(v, `${path}/${k}`, out);
  }
  return out;
};

test('docs/audit.schema.json lists exactly the registry\'s languages', () => {
  const enums = languageEnums(schema, '', new Map());
  const all = [...ids, 'other'];
  const withImports = LANGUAGE_RECORDS.filter((r) => r.ecosystem).map((r) => r.id);
  const expected = new Map([
    ['/properties/summary/properties/languages/items/properties/language', all],
    ['/$defs/file/properties/language', all],
    ['/$defs/imports/properties/findings/items/properties/language', withImports],
  ]);
  assert.deepEqual([...enums.keys()].sort(), [...expected.keys()].sort(), 'the schema has these language enums');
  for (const [path, want] of expected) {
    assert.deepEqual([...enums.get(path)!].sort(), [...want].sort(), `${path}: add or remove the ids the registry has (src/languages/registry.ts)`);
  }
});
