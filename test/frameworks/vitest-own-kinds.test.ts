/**
 * The vitest reader finds benchmark and type-test files (OWN_KINDS) under every vitest package,
 * the repo root's too, and rules most paths out with MAY_BE_OWN_KIND before the globs: that test
 * must pass every path a glob matches, or a benchmark would go unfound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAY_BE_OWN_KIND, OWN_KINDS } from '../../src/frameworks/js/vitest.js';
import { globFiles } from '../../src/frameworks/js/support.js';
import { compileRepoGlob } from '../../src/util/glob.js';
import { Manifests } from '../../src/manifests/store.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import { assertProperty } from '../helpers/property.js';

const PARTS = ['a', 'src', 'x', '.', '-', '-d', 'bench', 'benchmark', 'test', 'spec', 'd', 'ts', 'tsx', 'js', 'mjs', 'cts', 'jsx', 'Bench', '/'];
const path = fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 9 }).map((p) => p.join(''));
const matchers = OWN_KINDS.map((g) => compileRepoGlob(g));

test('vitest: every path OWN_KINDS matches passes MAY_BE_OWN_KIND', () => {
  for (const p of ['basic.bench.ts', 'a/b.benchmark.mjs', 'x.test-d.ts', 'src/y.spec-d.cts', 'z.bench.tsx']) {
    assert.ok(matchers.some((m) => m(p)), p);
    assert.ok(MAY_BE_OWN_KIND(p), p);
  }
  assertProperty(
    fc.property(path, (p) => {
      if (matchers.some((m) => m(p))) assert.ok(MAY_BE_OWN_KIND(p), p);
    }),
    { numRuns: 3000 },
  );
});

test('globFiles: the mayMatch test rules paths out before the globs, the globs still decide', () => {
  const files = new Set(['pkg/a.bench.ts', 'pkg/b.test.ts', 'pkg/c.test-d.ts', 'pkg/node_modules/d.bench.ts', 'other/e.bench.ts']);
  const manifests = new Manifests({ files, readText: () => null });
  const ctx: FrameworkContext = { files, readText: manifests.text, manifests, facts: () => undefined, commands: [], entries: [], module: () => [] };
  const all = globFiles(ctx, 'pkg', OWN_KINDS);
  assert.deepEqual(all.map((f) => f.file), ['pkg/a.bench.ts', 'pkg/c.test-d.ts']);
  assert.deepEqual(globFiles(ctx, 'pkg', OWN_KINDS, MAY_BE_OWN_KIND), all);
  assert.deepEqual(globFiles(ctx, 'pkg', OWN_KINDS, (p) => !p.startsWith('a')).map((f) => f.file), ['pkg/c.test-d.ts']);
});
