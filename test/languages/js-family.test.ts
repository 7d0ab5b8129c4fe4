/**
 * js-family.ts is the one list of the JavaScript family's languages and extensions: the records
 * take theirs from it, and plan, apply and the framework readers test paths with it without
 * loading the registry. These tests hold the two to each other and keep the module light.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_RECORDS } from '../../src/languages/registry.js';
import { JS_FAMILY_CODE_FILE, JS_FAMILY_EXTENSIONS, JS_FAMILY_FILE, JS_FAMILY_LANGUAGES, endingIn } from '../../src/languages/js-family.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

test('the family is exactly the languages whose imports go through the JS resolver, with their records\' extensions', () => {
  const javascript = LANGUAGE_RECORDS.filter((r) => r.ecosystem === 'javascript');
  assert.deepEqual(javascript.map((r) => r.id).sort(), [...JS_FAMILY_LANGUAGES].sort());
  for (const r of javascript) assert.deepEqual([...r.extensions], [...JS_FAMILY_EXTENSIONS[r.id as keyof typeof JS_FAMILY_EXTENSIONS]], r.id);
});

test('code files: JS, TS (declarations too) and components; MDX pages only in JS_FAMILY_FILE', () => {
  for (const path of ['a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'src/a.ts', 'a.tsx', 'a.mts', 'a.cts', 'types/a.d.ts', 'a.d.mts', 'A.vue', 'A.svelte', 'a.astro', 'a.marko', 'A.tsrx']) {
    assert.ok(JS_FAMILY_CODE_FILE.test(path), path);
    assert.ok(JS_FAMILY_FILE.test(path), path);
  }
  assert.ok(!JS_FAMILY_CODE_FILE.test('docs/page.mdx'));
  assert.ok(JS_FAMILY_FILE.test('docs/page.mdx'));
  // Exact endings: no extension of the family is a prefix of these.
  for (const path of ['a.mjsx', 'a.ctsx', 'a.json', 'a.md', 'a.vue.bak', 'a.jsonc', 'ts', 'a_ts', 'a.vuex']) {
    assert.ok(!JS_FAMILY_CODE_FILE.test(path), path);
    assert.ok(!JS_FAMILY_FILE.test(path), path);
  }
});

test('endingIn matches the extensions literally', () => {
  const pattern = endingIn(['.d.ts', '.c++']);
  assert.ok(pattern.test('x.d.ts'));
  assert.ok(pattern.test('x.c++'));
  assert.ok(!pattern.test('x.dxts'));
  assert.ok(!pattern.test('x.cpp'));
});

test('the module loads nothing but a one-line utility at run time (plan and apply import it at start-up)', () => {
  const source = readFileSync(join(REPO_ROOT, 'src/languages/js-family.ts'), 'utf8');
  const runtime = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
  assert.deepEqual(runtime, ['../util/regexp.js']);
  const util = readFileSync(join(REPO_ROOT, 'src/util/regexp.ts'), 'utf8');
  assert.doesNotMatch(util, /^import\s+(?!type\b)/m);
});
