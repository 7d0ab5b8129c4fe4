/**
 * Property tests: whatever text arrives (random Unicode, lone surrogates, soups of JS tokens,
 * deep nesting), the JS/TS extractors return facts instead of throwing or crashing, with lines
 * inside the file; the resolver answers every specifier with a Resolution.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import type { FileFacts } from '../../src/model/facts.js';
import { javascriptExtractor, typescriptExtractor } from '../../src/languages/javascript/extract.js';
import { createJavaScriptResolver } from '../../src/languages/javascript/resolve.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { Manifests } from '../../src/manifests/store.js';

/** Diagnostics that describe the input. Anything else (`extract-failed`, `walk-failed`) is a bug in census. */
const INPUT_DIAGNOSTICS = new Set(['javascript/syntax-error', 'javascript/too-deeply-nested', 'javascript/too-costly-to-parse']);

const TOKENS = [
  'import', 'export', 'from', 'type', 'require', 'require.resolve', 'import.meta', 'module.exports', 'exports.x',
  '(', ')', '{', '}', '[', ']', '`', '${', "'", '"', '/', '*', '//', '/*', '*/', '\n', '\r\n', '\u2028', '\0', '\\',
  ';', ',', '.', '<', '>', '=', '=>', '?', ':', '!', '&&', '||', '??', '+',
  'try', 'catch', 'finally', 'function', 'class', 'async', 'await', 'if', 'else', 'new', 'return', 'with',
  'spawn', 'exec', 'execSync', 'fork', 'execa', '$', 'Bun.spawn', 'process.argv', 'process.execPath', '__dirname',
  'path.join', 'new URL', 'new Worker', 'cp', 'child_process', "'child_process'", "'./x'", '"../y.js"', '`./z`', '#!', 'x', '1', '😀',
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(' '));
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 20 });
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), tokenSoup, fc.tuple(tokenSoup, loneSurrogates, tokenSoup).map((t) => t.join('')));
const path = fc.constantFrom('src/a.js', 'src/b.ts', 'src/c.tsx', 'lib/d.mjs', 'lib/e.cts', 'bin/f', 'types/g.d.ts');

const checkFacts = (facts: FileFacts, text: string): void => {
  const lineCount = text.split('\n').length;
  for (const d of facts.diagnostics) assert.ok(INPUT_DIAGNOSTICS.has(d.id), `unexpected diagnostic ${d.id}: ${d.message}`);
  for (const item of [...facts.imports, ...facts.commands, ...facts.references]) {
    assert.ok(Number.isInteger(item.line) && item.line >= 1 && item.line <= lineCount, `line ${item.line} outside 1..${lineCount}`);
  }
  assert.ok(Number.isInteger(facts.complexity) && facts.complexity >= 1);
};

test('random and hostile text never throws and keeps lines inside the file', () => {
  assertProperty(
    fc.property(anyText, path, (text, file) => {
      checkFacts(javascriptExtractor.extract(file, text), text);
      checkFacts(typescriptExtractor.extract(file, text), text);
    }),
    { numRuns: 400 },
  );
});

test('deep nesting of every kind is handled without crashing the process', () => {
  const shapes = [
    (n: number) => '('.repeat(n) + ')'.repeat(n),
    (n: number) => '`${'.repeat(n) + '}`'.repeat(n),
    (n: number) => 'if(a)'.repeat(n) + ';',
    (n: number) => 'if(a){}else '.repeat(n) + '{}',
    (n: number) => 'a='.repeat(n) + '1',
    (n: number) => 'a?b:'.repeat(n) + 'c',
    (n: number) => 'new '.repeat(n) + 'A',
    (n: number) => 'x=' + '<a>'.repeat(n) + '</a>'.repeat(n),
  ];
  assertProperty(
    fc.property(fc.constantFrom(...shapes), fc.integer({ min: 1, max: 20000 }), path, (shape, depth, file) => {
      const text = shape(depth);
      checkFacts(javascriptExtractor.extract(file, text), text);
    }),
    { numRuns: 60 },
  );
});

test('the resolver answers any specifier with one Resolution and never throws', () => {
  const resolver = createJavaScriptResolver({
    rootAbs: `${REPO_ROOT}/test/fixtures/javascript/esm-and-cjs`,
    files: new Set(['package.json', 'src/invoice_runner.mjs', 'src/ledger/index.js']),
    manifests: new Manifests({ files: new Set(['package.json', 'src/invoice_runner.mjs', 'src/ledger/index.js']), readText: () => null }),
  });
  const specifier = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '.', '..', '/', '#', '@', '@/', 'node:', 'npm:', './', '../../../../..', '\0'));
  assertProperty(
    fc.property(specifier, fc.constantFrom('src/invoice_runner.mjs', 'src/ledger/index.js', 'deep/er/file.ts'), (spec, from) => {
      const results = resolver.resolve({ specifier: spec, syntax: 'import', line: 1, names: [], guard: null }, from);
      assert.equal(results.length, 1);
      const [r] = results;
      assert.ok(r.to !== null || r.unresolved !== undefined, `no answer for ${JSON.stringify(spec)}`);
    }),
    { numRuns: 300 },
  );
});
