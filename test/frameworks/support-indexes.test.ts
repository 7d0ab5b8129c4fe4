/**
 * The per-scan lists the JS readers share (frameworks/js/support.ts): codeFilesMarked, made from
 * one walk of the files' marks, must list exactly the code files mayHold lets through, in
 * jsCodeFiles' order; toolPackages, found once per question, must be the packages that declare
 * one of the tool's packages or hold its config, and each ask gets a list of its own; filesIn,
 * read from the folder's names, the files directly in the folder whose name matches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeFilesMarked, dependsOn, filesIn, jsCodeFiles, jsPackages, mayHold, toolPackages } from '../../src/frameworks/js/support.js';
import { TEXT_MARKS, type TextMark } from '../../src/languages/javascript/text-marks.js';
import { Manifests } from '../../src/manifests/store.js';
import { emptyFacts, type FileFacts } from '../../src/model/facts.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import { assertProperty } from '../helpers/property.js';

const contextOf = (texts: Map<string, string>, facts: Map<string, FileFacts>): FrameworkContext => {
  const manifests = new Manifests({ files: new Set(texts.keys()), readText: (path) => texts.get(path) ?? null });
  return { files: manifests.files, readText: manifests.text, manifests, facts: (path) => facts.get(path), commands: [], entries: [], module: () => [] };
};

const NAMES = ['a.ts', 'b.js', 'c.mjs', 'd.tsx', 'e.json', 'f.d.ts', 'node_modules/x/g.js', 'h.md'];
const DIRS = ['', 'src', 'src/lib', 'pkg'];

test('codeFilesMarked: the code files mayHold lets through, in order, for any marks recorded and asked', () => {
  const file = fc.record({
    dir: fc.constantFrom(...DIRS),
    name: fc.constantFrom(...NAMES),
    // undefined: no facts; null: facts without marks (unknown); a list: the marks recorded
    marks: fc.option(fc.option(fc.subarray([...TEXT_MARKS]), { nil: null }), { nil: undefined }),
  });
  assertProperty(
    fc.property(fc.array(file, { maxLength: 24 }), fc.array(fc.subarray([...TEXT_MARKS], { minLength: 1 }), { minLength: 1, maxLength: 5 }), (files, asks) => {
      const texts = new Map<string, string>();
      const facts = new Map<string, FileFacts>();
      for (const f of files) {
        const path = f.dir === '' ? f.name : `${f.dir}/${f.name}`;
        texts.set(path, '');
        if (f.marks === undefined) continue;
        facts.set(path, f.marks === null ? emptyFacts() : { ...emptyFacts(), textMarks: f.marks });
      }
      const ctx = contextOf(texts, facts);
      for (const marks of [...asks, ...asks]) {
        const want = jsCodeFiles(ctx).filter((path) => mayHold(ctx, path, marks as TextMark[]));
        assert.deepEqual(codeFilesMarked(ctx, marks as TextMark[]), want, marks.join(' '));
      }
    }),
    { numRuns: 400 },
  );
});

test('toolPackages: the packages declaring the tool or holding its config, a list of its own per ask', () => {
  const texts = new Map([
    ['package.json', JSON.stringify({ name: 'root', devDependencies: { vitest: '1' } })],
    ['a/package.json', JSON.stringify({ name: 'a', dependencies: { '@size-limit/file': '1' } })],
    ['a/vitest.config.ts', ''],
    ['b/package.json', JSON.stringify({ name: 'b' })],
    ['b/vitest.config.ts', ''],
    ['b/src/vitest.config.ts', ''],
    ['c/package.json', JSON.stringify({ name: 'c' })],
    ['c/sub/vitest.config.ts', ''],
  ]);
  const ctx = contextOf(texts, new Map());
  // in jsPackages' order: by path, so a/package.json before package.json
  const dirs = (list: { dir: string }[]) => list.map((p) => p.dir);
  assert.deepEqual(dirs(toolPackages(ctx, ['vitest'], null)), ['']);
  assert.deepEqual(dirs(toolPackages(ctx, ['vitest'], /^vitest\.config\./)), ['a', 'b', '']);
  // a pattern and a package name spelled alike are different questions
  assert.deepEqual(dirs(toolPackages(ctx, [/^@size-limit\//], null)), ['a']);
  assert.deepEqual(dirs(toolPackages(ctx, ['^@size-limit\\/'], null)), []);
  assert.deepEqual(dirs(toolPackages(ctx, [/^@size-limit\//i], null)), ['a']);
  const first = toolPackages(ctx, ['vitest'], /^vitest\.config\./);
  first.pop();
  assert.deepEqual(dirs(toolPackages(ctx, ['vitest'], /^vitest\.config\./)), ['a', 'b', '']);
  for (const p of jsPackages(ctx)) assert.equal(toolPackages(ctx, ['vitest'], null).includes(p), dependsOn(p, 'vitest'));
});

test('filesIn: the files directly in the folder whose name matches', () => {
  const texts = new Map(['x.config.ts', 'a/x.config.ts', 'a/b/x.config.ts', 'a/y.config.ts', 'a/x.config.ts.bak', 'ab/x.config.ts'].map((p) => [p, '']));
  const ctx = contextOf(texts, new Map());
  assert.deepEqual(filesIn(ctx, 'a', /^x\.config\.ts$/), ['a/x.config.ts']);
  assert.deepEqual(filesIn(ctx, 'a', /\.config\./), ['a/x.config.ts', 'a/x.config.ts.bak', 'a/y.config.ts']);
  assert.deepEqual(filesIn(ctx, '', /^x\./), ['x.config.ts']);
  assert.deepEqual(filesIn(ctx, 'a/b', /^a/), []);
  assert.deepEqual(filesIn(ctx, 'nope', /./), []);
});
