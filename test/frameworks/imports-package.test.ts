/**
 * importsPackage answers from one index per scan of the .py files by the first dotted part of each
 * import (stop 57): held here to the test it replaced, an import's specifier equal to the name or
 * starting with `name.`, over random trees (relative imports, names that prefix others, dotted and
 * empty names, files outside the scan or not .py, files without facts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileFacts, ImportFact } from '../../src/model/facts.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import { importsPackage, packageImporters } from '../../src/frameworks/python/python-files.js';
import { listedPaths, sortedPaths } from '../../src/util/file-index.js';
import { assertProperty } from '../helpers/property.js';

const SEED = 57;
const PARTS = ['', 'a', 'ab', 'b', 'celery', 'celery_x', 'web'];
const NAMES = [...PARTS, 'a.b', 'celery.web', '.a', 'a.'];
const PATHS = ['m.py', 'pkg/__init__.py', 'pkg/n.py', 'pkg/n.pyi', 'x.js', 'outside.py'];

const importOf = (specifier: string): ImportFact => ({ specifier, syntax: 'import', line: 1, names: [], guard: null });

/** What importsPackage answered before its index. */
const expected = (facts: FileFacts | undefined, name: string): boolean =>
  facts?.imports.some((i) => i.specifier === name || i.specifier.startsWith(`${name}.`)) ?? false;

const specifier = fc.tuple(fc.nat({ max: 3 }), fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 3 })).map(([dots, parts]) => `${'.'.repeat(dots)}${parts.join('.')}`);

test(`importsPackage answers as the per-file test over random trees (property, seed ${SEED})`, () => {
  assertProperty(
    fc.property(
      fc.dictionary(fc.constantFrom(...PATHS), fc.option(fc.array(specifier, { maxLength: 5 }), { nil: undefined })),
      fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 12 }),
      (tree, asks) => {
        const facts = new Map<string, FileFacts>();
        for (const [path, specifiers] of Object.entries(tree)) if (specifiers !== undefined) facts.set(path, { imports: specifiers.map(importOf) } as unknown as FileFacts);
        // outside.py has facts (when drawn) but is not one of the scan's files.
        const files = new Set(Object.keys(tree).filter((p) => p !== 'outside.py'));
        const ctx = { files, facts: (path: string) => facts.get(path) } as unknown as FrameworkContext;
        for (const [path, name] of asks) assert.equal(importsPackage(ctx, path, name), expected(facts.get(path), name), `${path} ${JSON.stringify(name)}`);
      },
    ),
    { seed: SEED, numRuns: 2000 },
  );
});

test('importsPackage: a package, its modules, not a longer name or a relative import', () => {
  const facts = new Map<string, FileFacts>([
    ['app/tasks.py', { imports: ['celery.schedules', '.celery', 'celeryx', 'os.path'].map(importOf) } as unknown as FileFacts],
  ]);
  const ctx = { files: new Set(['app/tasks.py']), facts: (path: string) => facts.get(path) } as unknown as FrameworkContext;
  assert.equal(importsPackage(ctx, 'app/tasks.py', 'celery'), true);
  assert.equal(importsPackage(ctx, 'app/tasks.py', 'os'), true);
  assert.equal(importsPackage(ctx, 'app/tasks.py', 'cel'), false);
  assert.equal(importsPackage(ctx, 'app/tasks.py', 'schedules'), false);
  assert.equal(importsPackage(ctx, 'app/tasks.py', 'flask'), false);
});

/**
 * Issue 19: readers walk packageImporters' list instead of every file, so it must hold exactly the
 * files a walk of the scan's files in that order would keep (.py, importsPackage yes for a name), in
 * that order: the scan's own file order for 'listed' (drawn here unsorted), byString for 'sorted'.
 */
test(`packageImporters lists what a walk of every file would keep, in its order (property, seed ${SEED})`, () => {
  const heads = PARTS.filter((p) => p !== '');
  assertProperty(
    fc.property(
      fc.uniqueArray(fc.constantFrom(...PATHS, 'z.py', 'b/a.py', 'a/b.py'), { maxLength: 9 }),
      fc.array(fc.array(specifier, { maxLength: 4 }), { minLength: 9, maxLength: 9 }),
      fc.array(fc.constantFrom(...heads), { minLength: 1, maxLength: 3 }),
      (paths, specifiers, names) => {
        const facts = new Map<string, FileFacts>(paths.map((path, i) => [path, { imports: specifiers[i].map(importOf) } as unknown as FileFacts]));
        const files = new Set(paths);
        const ctx = { files, facts: (path: string) => facts.get(path) } as unknown as FrameworkContext;
        const kept = (walk: readonly string[]) => walk.filter((f) => f.endsWith('.py') && names.some((n) => importsPackage(ctx, f, n)));
        assert.deepEqual(packageImporters(ctx, names, 'listed'), kept(listedPaths(files)));
        assert.deepEqual(packageImporters(ctx, names, 'sorted'), kept(sortedPaths(files)));
      },
    ),
    { seed: SEED, numRuns: 1000 },
  );
});
