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
import { importsPackage } from '../../src/frameworks/python/python-files.js';
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
