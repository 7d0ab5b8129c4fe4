/**
 * Property tests for .vue, .svelte and .astro: whatever markup arrives, the code view keeps every
 * offset and line break and holds only the file's own characters, extraction never throws and
 * names lines inside the file; and in generated well-formed components every import is found at
 * the line it is written on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { languageRecord } from '../../src/languages/registry.js';

const SFC = ['vue', 'svelte', 'astro'] as const;

const TOKENS = [
  '<script>', '<script setup lang="ts">', '<script lang="tsx">', '<script context="module">', '<script module>', '<script is:inline>',
  '<script src="./a.ts">', '<script type="application/ld+json">', '</script>', '</SCRIPT >', '<template>', '</template>', '<style>', '</style>',
  '<svelte:head>', '</svelte:head>', '<!--', '-->', '---', '---\n', '<div a={b}>', '</div>', '<br/>', '{', '}', '<', '>', '"', "'", '`', '=',
  'import "./x";', 'import type { T } from "./t";', 'export const a = 1;', 'return 1;', 'const a = b', '(c)', '//', '/*', '*/',
  '\n', '\r\n', ' ', 'x', '😀', '\u2028', '\0',
];
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 200 }), fc.tuple(soup, fc.string({ unit: 'binary', maxLength: 40 }), soup).map((t) => t.join('')));

test('the code view keeps every offset and line break, and holds only the file\'s own characters', () => {
  assertProperty(
    fc.property(anyText, fc.constantFrom(...SFC), (text, language) => {
      const view = languageRecord(language)!.codeView!(`c.${language}`, text).text;
      assert.equal(view.length, text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r') assert.equal(view[i], c, `line break at ${i}`);
        else assert.ok(view[i] === c || view[i] === ' ', `offset ${i}: ${JSON.stringify(view[i])} is not the file's ${JSON.stringify(c)}`);
      }
    }),
    { numRuns: 400 },
  );
});

test('extraction never throws and names lines inside the file', () => {
  assertProperty(
    fc.property(anyText, fc.constantFrom(...SFC), (text, language) => {
      const facts = languageRecord(language)!.extractor!.extract(`c.${language}`, text);
      const lineCount = text.split('\n').length;
      const allowed = new Set([`${language}/syntax-error`, 'javascript/syntax-error', 'javascript/too-deeply-nested', 'javascript/too-costly-to-parse']);
      for (const d of facts.diagnostics) {
        assert.ok(allowed.has(d.id), `unexpected diagnostic ${d.id}: ${d.message}`);
        if (d.location?.line !== undefined) assert.ok(d.location.line >= 1 && d.location.line <= lineCount);
      }
      for (const i of facts.imports) assert.ok(i.line >= 1 && i.line <= lineCount, `line ${i.line} outside 1..${lineCount}`);
    }),
    { numRuns: 400 },
  );
});

/** A well-formed component: blocks of markup and scripts, each script a few imports, with the line each import is on. */
const component = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('markup' as const), lines: fc.array(fc.constantFrom('<p>{a < b}</p>', '<Comp :x="y" />', 'text', '', '<div>', '</div>', '{#if x}', '<!-- <script>import "./no"</script> -->'), { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('script' as const), open: fc.constantFrom('<script>', '<script setup lang="ts">', '<script lang="ts">', '<script context="module">'), imports: fc.integer({ min: 0, max: 4 }) }),
    ),
    { maxLength: 6 },
  )
  .map((blocks) => {
    const lines: string[] = [];
    const expected: [string, number][] = [];
    let n = 0;
    for (const b of blocks) {
      if (b.kind === 'markup') {
        lines.push('<template>', ...b.lines, '</template>');
        continue;
      }
      lines.push(b.open);
      for (let i = 0; i < b.imports; i++) {
        const spec = `./m${n++}`;
        lines.push(`import x${n} from "${spec}";`, '');
        expected.push([spec, lines.length - 1]);
      }
      lines.push('</script>');
    }
    return { lines, expected };
  });

test('in a well-formed .vue file every script import is found at its own line', () => {
  assertProperty(
    fc.property(component, fc.boolean(), ({ lines, expected }, crlf) => {
      const text = lines.join(crlf ? '\r\n' : '\n');
      const facts = languageRecord('vue')!.extractor!.extract('c.vue', text);
      assert.deepEqual(facts.diagnostics, []);
      assert.deepEqual(facts.imports.map((i) => [i.specifier, i.line]), expected);
    }),
    { numRuns: 200 },
  );
});
