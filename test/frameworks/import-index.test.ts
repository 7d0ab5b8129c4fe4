/**
 * The per-scan import index the JS readers share (frameworks/js/import-index.ts): relativeImporters,
 * which resolves only the imports whose last part could name the file, must answer what resolving
 * every relative import of every code file answers, in the same order; filesImporting, the code
 * files with an accepted non-relative specifier, in jsCodeFiles' order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filesImporting, filesJoiningTo, relativeImporters, relativeImports } from '../../src/frameworks/js/import-index.js';
import { jsCodeFiles, resolveToolPath } from '../../src/frameworks/js/support.js';
import { Manifests } from '../../src/manifests/store.js';
import { emptyFacts, type FileFacts } from '../../src/model/facts.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import { dirname, joinRepo } from '../../src/util/path.js';
import { assertProperty } from '../helpers/property.js';

const contextOf = (texts: Map<string, string>, facts: Map<string, FileFacts>): FrameworkContext => {
  const manifests = new Manifests({ files: new Set(texts.keys()), readText: (path) => texts.get(path) ?? null });
  return { files: manifests.files, readText: manifests.text, manifests, facts: (path) => facts.get(path), commands: [], entries: [], module: () => [] };
};

const PATHS = ['a.ts', 'src/a.ts', 'src/b.js', 'src/b.tsx', 'src/lib/index.ts', 'src/lib/c.mjs', 'src/lib.d.ts', 'pkg/index.js', 'pkg/a.config.ts', 'x.json', 'node_modules/m/index.js'];
const SPECIFIERS = ['.', '..', './', './a', './a.js', './a.ts', './b', './b.js', '../a', '../lib', './lib', './lib/', './lib/index', './lib/c', './lib/c.mjs', '../pkg', '../../pkg/index.js', './a.config', './a.config.js', 'child_process', 'node:child_process', 'lodash', 'constructor'];

test('relativeImporters and filesImporting: what a full walk finds, in its order', () => {
  const file = fc.record({ path: fc.constantFrom(...PATHS), specs: fc.array(fc.constantFrom(...SPECIFIERS), { maxLength: 5 }) });
  assertProperty(
    fc.property(fc.array(file, { maxLength: 12 }), (files) => {
      const texts = new Map<string, string>();
      const facts = new Map<string, FileFacts>();
      for (const f of files) {
        texts.set(f.path, '');
        facts.set(f.path, { ...emptyFacts(), imports: f.specs.map((specifier, i) => ({ specifier, syntax: 'import', line: i + 1, names: [], guard: null })) });
      }
      const ctx = contextOf(texts, facts);
      const all = jsCodeFiles(ctx).flatMap((from) => (facts.get(from)?.imports ?? []).filter((imp) => imp.specifier.startsWith('.')).map((imp) => ({ from, imp })));
      assert.deepEqual(relativeImports(ctx), all);
      for (const target of PATHS) {
        const walked = all.filter((r) => r.from !== target && resolveToolPath(ctx, dirname(r.from), r.imp.specifier) === target);
        assert.deepEqual(relativeImporters(ctx, target), walked, target);
      }
      const spawning = new Set(['child_process', 'node:child_process']);
      const want = jsCodeFiles(ctx).filter((f) => (facts.get(f)?.imports ?? []).some((imp) => !imp.specifier.startsWith('.') && spawning.has(imp.specifier)));
      assert.deepEqual(filesImporting(ctx, (s) => spawning.has(s)), want);
    }),
  );
});

/**
 * filesJoiningTo joins only the imports whose last part can end a wanted path: what joining every
 * relative import of every code file finds. The specifiers climb (`..`, `../`, `./lib/..`), end in
 * a slash or a dot, and name files and folders; the wanted paths are files, folders and the root.
 * It fails when `.` or `..` is left out of the parts asked (a `..` import naming `src`).
 */
test('filesJoiningTo: the files a join of every relative import finds', () => {
  const JOIN_SPECIFIERS = [...SPECIFIERS, '../..', '../', './lib/..', './lib/.', './.', './/a', './lib//c.mjs', '../src/lib/', './a/../b'];
  const WANTED = ['', 'src', 'src/a', 'src/a.ts', 'src/lib', 'src/lib/index', 'pkg', 'pkg/index.js', 'a', 'src/b', 'lib'];
  const file = fc.record({ path: fc.constantFrom(...PATHS), specs: fc.array(fc.constantFrom(...JOIN_SPECIFIERS), { maxLength: 5 }) });
  assertProperty(
    fc.property(fc.array(file, { maxLength: 12 }), fc.subarray(WANTED), (files, wanted) => {
      const texts = new Map<string, string>();
      const facts = new Map<string, FileFacts>();
      for (const f of files) {
        texts.set(f.path, '');
        facts.set(f.path, { ...emptyFacts(), imports: f.specs.map((specifier, i) => ({ specifier, syntax: 'import', line: i + 1, names: [], guard: null })) });
      }
      const ctx = contextOf(texts, facts);
      const paths = new Set(wanted);
      const walked = jsCodeFiles(ctx).filter((from) =>
        (facts.get(from)?.imports ?? []).some((imp) => {
          if (!imp.specifier.startsWith('.')) return false;
          const joined = joinRepo(dirname(from), imp.specifier);
          return joined !== null && paths.has(joined);
        }),
      );
      assert.deepEqual([...filesJoiningTo(ctx, paths)].sort(), walked.sort());
    }),
  );
});
