/**
 * .vue, .svelte and .astro files, which reach every stage through their language records: the
 * script blocks are read by the JS/TS extractor at their real line numbers, their imports resolve
 * like TypeScript's, the files get verdicts and count as code (template lines do not), they are
 * fingerprinted as JS, and a malformed component is a warning with its file and line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Audit } from '../../src/model/audit.js';
import { languageRecord } from '../../src/languages/registry.js';
import { findAstroScripts } from '../../src/languages/astro/index.js';
import { findSvelteScripts } from '../../src/languages/svelte/index.js';
import { findVueScripts } from '../../src/languages/vue/index.js';
import { fingerprintFile } from '../../src/analyses/duplicates/fingerprint.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { schemaErrors } from '../helpers/schema.js';

const extract = (language: 'vue' | 'svelte' | 'astro', path: string, text: string) => languageRecord(language)!.extractor!.extract(path, text);

const verdicts = (audit: Audit): Record<string, string> =>
  Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, f.verdict!]));

const importEdges = (audit: Audit): string[] =>
  audit.edges.filter((e) => e.kind === 'import' || e.kind === 'type-import').map((e) => `${e.from}:${e.line} ${e.specifier} -> ${e.to ?? e.unresolved}${e.via ? ` (${e.via})` : ''}`);

test('vue fixture: main.ts → App.vue → components and a composable; an unimported component is dead', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'vue-sfc'));
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(verdicts(audit), {
    'src/App.vue': 'production',
    'src/components/TodoItem.vue': 'production',
    'src/components/TodoList.vue': 'production',
    'src/components/Unused.vue': 'dead',
    'src/composables/useTodos.ts': 'production',
    'src/main.ts': 'production',
    'src/types.ts': 'production',
    'src/utils/format.ts': 'production',
  });
  assert.deepEqual(importEdges(audit), [
    'src/App.vue:11 ./components/TodoList.vue -> src/components/TodoList.vue (relative)',
    'src/App.vue:12 @/composables/useTodos -> src/composables/useTodos.ts (tsconfig-paths)',
    'src/components/TodoItem.vue:6 ../utils/format.js -> src/utils/format.ts (relative)',
    'src/components/TodoList.vue:6 ../types -> src/types.ts (relative)',
    'src/components/TodoList.vue:7 ./TodoItem -> src/components/TodoItem.vue (relative)',
    'src/components/Unused.vue:2 ../utils/format -> src/utils/format.ts (relative)',
    'src/composables/useTodos.ts:1 vue -> external',
    'src/composables/useTodos.ts:2 ../types -> src/types.ts (relative)',
    'src/main.ts:1 vue -> external',
    'src/main.ts:2 ./App.vue -> src/App.vue (relative)',
  ]);
  const evidence = audit.files.find((f) => f.path === 'src/components/TodoItem.vue')!.evidence!;
  assert.ok(evidence.some((hop) => hop.includes('imported by src/components/TodoList.vue:7')), evidence.join(' | '));
  // Code lines are the script blocks' own: App.vue has 4 (two imports, two consts) of its 20 lines.
  assert.deepEqual(audit.summary.languages.find((l) => l.language === 'vue'), { language: 'vue', files: 4, lines: 58, codeLines: 19 });
  assert.equal(audit.files.find((f) => f.path === 'src/App.vue')!.codeLines, 4);
  assert.equal(audit.summary.sourceFiles, 8);
  assert.deepEqual(audit.warnings, []);
});

test('svelte fixture: instance and module scripts (context="module" and Svelte 5 `module`) are read; <svelte:head> scripts are not', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'svelte-sfc'));
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(verdicts(audit), {
    'src/App.svelte': 'production',
    'src/lib/Counter.svelte': 'production',
    'src/lib/Orphan.svelte': 'dead',
    'src/lib/math.ts': 'production',
    'src/lib/stores.ts': 'production',
    'src/main.ts': 'production',
  });
  assert.deepEqual(importEdges(audit), [
    'src/App.svelte:2 ./lib/math -> src/lib/math.ts (relative)',
    'src/App.svelte:7 ./lib/Counter.svelte -> src/lib/Counter.svelte (relative)',
    'src/App.svelte:8 ./lib/stores -> src/lib/stores.ts (relative)',
    'src/lib/Counter.svelte:2 ./stores -> src/lib/stores.ts (relative)',
    'src/lib/Counter.svelte:9 ./math -> src/lib/math.ts (relative)',
    'src/lib/Orphan.svelte:2 ./stores -> src/lib/stores.ts (relative)',
    'src/lib/stores.ts:1 svelte/store -> external',
    'src/main.ts:1 svelte -> external',
    'src/main.ts:2 ./App.svelte -> src/App.svelte (relative)',
  ]);
  assert.deepEqual(audit.warnings, []);
});

test('astro fixture: frontmatter (with a top-level return), bundled <script> and <script src> are read; is:inline is not', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'astro-sfc'));
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(verdicts(audit), {
    // src/pages/index.astro is an Astro page (the astro reader), so what it loads is reached.
    'src/components/Card.astro': 'tooling',
    'src/components/Unused.astro': 'dead',
    'src/layouts/Layout.astro': 'tooling',
    'src/lib/posts.ts': 'tooling',
    'src/pages/index.astro': 'tooling',
    'src/scripts/analytics.ts': 'tooling',
    'src/scripts/search.ts': 'tooling',
  });
  assert.deepEqual(importEdges(audit), [
    'src/components/Card.astro:2 ../lib/posts -> src/lib/posts.ts (relative)',
    'src/components/Unused.astro:2 ./Card.astro -> src/components/Card.astro (relative)',
    'src/pages/index.astro:3 ../layouts/Layout.astro -> src/layouts/Layout.astro (relative)',
    'src/pages/index.astro:4 ../components/Card.astro -> src/components/Card.astro (relative)',
    'src/pages/index.astro:5 ../lib/posts -> src/lib/posts.ts (relative)',
    'src/pages/index.astro:15 ../scripts/search -> src/scripts/search.ts (relative)',
    'src/pages/index.astro:23 ../scripts/analytics.ts -> src/scripts/analytics.ts (relative)',
  ]);
  assert.equal(audit.files.find((f) => f.path === 'src/pages/index.astro')!.summary, 'The home page: every post as a card.');
  assert.deepEqual(audit.warnings, []);
});

test('a .ts file importing ./Comp.vue, or ./Comp with Vue CLI\'s extension list, reaches the component', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-vue-import-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"x","main":"main.ts"}');
    writeFileSync(join(dir, 'main.ts'), "import A from './A.vue';\nimport B from './B';\nconsole.log(A, B);\n");
    writeFileSync(join(dir, 'A.vue'), '<template><p/></template>\n');
    writeFileSync(join(dir, 'B.vue'), '<script>\nexport default {};\n</script>\n');
    const { audit } = await scanDir(dir);
    assert.deepEqual(importEdges(audit), ['main.ts:1 ./A.vue -> A.vue (relative)', 'main.ts:2 ./B -> B.vue (relative)']);
    assert.equal(audit.files.find((f) => f.path === 'A.vue')!.verdict, 'production');
    assert.equal(audit.files.find((f) => f.path === 'A.vue')!.codeLines, 0, 'a template-only component has no code lines');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a malformed component is a warning naming the file and line, and the scan goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-sfc-bad-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"x","main":"main.ts"}');
    writeFileSync(join(dir, 'main.ts'), "import './Ok.vue';\n");
    writeFileSync(join(dir, 'Ok.vue'), "<script setup>\nimport './util';\n</script>\n");
    writeFileSync(join(dir, 'util.ts'), 'export {};\n');
    writeFileSync(join(dir, 'Broken.vue'), "<template>\n  <p/>\n</template>\n\n<script setup lang=\"ts\">\nimport './util';\n");
    writeFileSync(join(dir, 'Broken.svelte'), '<p>hi</p>\n<script>\nlet x = 1;\n');
    writeFileSync(join(dir, 'Broken.astro'), "---\nimport Card from './Card.astro';\n<Card />\n");
    const { audit } = await scanDir(dir);
    assert.deepEqual(audit.warnings.map((w) => [w.id, w.location?.file, w.location?.line]), [
      ['astro/syntax-error', 'Broken.astro', 1],
      ['svelte/syntax-error', 'Broken.svelte', 2],
      ['vue/syntax-error', 'Broken.vue', 5],
    ]);
    assert.match(audit.warnings.find((w) => w.location?.file === 'Broken.vue')!.message, /<script> is never closed/);
    assert.equal(audit.files.find((f) => f.path === 'Broken.vue')!.incomplete, true);
    assert.equal(audit.files.find((f) => f.path === 'util.ts')!.verdict, 'production', 'the rest of the scan is unaffected');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('vue: commented-out scripts, scripts inside <template>, non-JS script types are not code; CRLF and upper-case tags are', () => {
  const text = [
    '<!-- <script>import "./commented"</script> -->',
    '<template>',
    '  <template v-if="x"><p/></template>',
    '  <script>import "./in-template"</script>',
    '</template>',
    '<script type="text/x-template" id="t">import "./x-template"</script>',
    '<SCRIPT lang="TS">',
    'import type { A } from "./types";',
    'import "./real";',
    '</SCRIPT >',
  ].join('\r\n');
  const facts = extract('vue', 'C.vue', text);
  assert.deepEqual(facts.diagnostics, []);
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.line, i.typeOnly === true]), [['./types', 8, true], ['./real', 9, false]]);
  assert.equal(findVueScripts(text).blocks.length, 1);
});

test('vue: <script> and <script setup> are one module; lang="tsx" allows JSX; <script src> is an import', () => {
  const text = '<script lang="tsx">\nexport const Row = () => <tr />;\n</script>\n<script setup lang="ts">\nimport { Row as R } from "./row";\n</script>\n<script src="./logic.ts"></script>\n';
  const facts = extract('vue', 'T.vue', text);
  assert.deepEqual(facts.diagnostics, []);
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.line]), [['./row', 5], ['./logic.ts', 7]]);
  assert.deepEqual(facts.exportedNames, ['Row']);
});

test('a block that ends mid-statement does not run on into the next block', () => {
  const text = '<script>\nconst a = b\n</script>\n<script setup>\n(async () => {})();\nimport "./x";\n</script>\n';
  const facts = extract('vue', 'S.vue', text);
  assert.deepEqual(facts.diagnostics, []);
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.line]), [['./x', 6]]);
});

test('svelte: expressions with `<` in the markup do not hide a later script', () => {
  const text = '<p>{a < b ? "x" : "y"}</p>\n<div on:click={() => n < 3}>\n</div>\n<script lang="ts">\nimport "./later";\n</script>\n';
  const found = findSvelteScripts(text);
  assert.equal(found.blocks.length, 1);
  assert.deepEqual(extract('svelte', 'L.svelte', text).imports.map((i) => [i.specifier, i.line]), [['./later', 5]]);
});

test('astro: a frontmatter with top-level await, import.meta and return parses without an error', () => {
  const text = "---\nimport { load } from '../lib/load';\nconst data = await load(import.meta.url);\nif (!data) return Astro.redirect('/404');\n---\n<p>{data}</p>\n";
  const facts = extract('astro', 'src/pages/p.astro', text);
  assert.deepEqual(facts.diagnostics, []);
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.line]), [['../lib/load', 2]]);
  const broken = extract('astro', 'src/pages/q.astro', '---\nimport a from "./a";\nconst = ;\n---\n');
  assert.deepEqual(broken.diagnostics.map((d) => [d.id, d.location?.line]), [['javascript/syntax-error', 3]], 'other errors are still reported');
});

test('astro: no frontmatter is fine; a script with attributes other than src is left to the browser', () => {
  const text = '<div>hi</div>\n<script type="module">import "/cdn/a.js";</script>\n<script define:vars={{ x }}>import "./b";</script>\n<script>\nimport "./c";\n</script>\n';
  assert.deepEqual(findAstroScripts(text).blocks.length, 1);
  assert.deepEqual(extract('astro', 'P.astro', text).imports.map((i) => [i.specifier, i.line]), [['./c', 5]]);
});

test('fingerprints see the script alone: a .vue component and the same code in a .ts file tokenize alike', () => {
  const code = 'import { ref } from "vue";\nexport function useCounter(start: number) {\n  const n = ref(start);\n  return { n, inc: () => n.value++ };\n}\n';
  const vue = `<template>\n  <button @click="inc">{{ n }}</button>\n</template>\n<script lang="ts">\n${code}</script>\n<style>button { color: red; }</style>\n`;
  const view = languageRecord('vue')!.codeView!('C.vue', vue).text;
  assert.equal(view.length, vue.length, 'the view keeps every offset');
  assert.equal(view.split('\n').length, vue.split('\n').length, 'and every line');
  const a = fingerprintFile('C.vue', vue, 'vue', undefined, view);
  const b = fingerprintFile('c.ts', code, 'typescript');
  assert.deepEqual([...a.tokenHashes], [...b.tokenHashes]);
  assert.deepEqual([...a.lineNumbers], [...b.lineNumbers].map((l) => l + 4), 'token lines are the .vue file\'s');
  assert.notEqual(a.normalizedHash, b.normalizedHash, 'the content hash is the whole file\'s');
});
