/**
 * blocks.ts packs a seed (diagonal, position) and a run's span (start, stop) into one number when
 * they fit below 2^26 tokens, and keeps a tuple path for larger files. No real file reaches 64M
 * tokens, so these tests reach the tuple paths by a fingerprint that claims that many tokens (the
 * packing looks at `tokens` only) and by runs placed past 2^26: both paths must give the same answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { orderByHash, pairSimilarity, sharedRuns, similarityOf, type SharedRun } from '../../src/analyses/duplicates/blocks.js';
import { fingerprintFile } from '../../src/analyses/duplicates/fingerprint.js';

const PAST_PACKING = 2 ** 26;

const body = (name: string): string =>
  Array.from({ length: 12 }, (_, i) => `export function ${name}${i}(items: number[], limit: number): number {\n  let total = ${i};\n  for (const item of items) if (item > limit) total += item * ${i + 1};\n  return total;\n}\n`).join('\n');

test('sharedRuns: a file past the seed packing gets the runs the packed seeds give', () => {
  const a = fingerprintFile('a.ts', `const head = 1;\n${body('shared')}\nexport const tailA = 2;\n`, 'typescript');
  const b = fingerprintFile('b.ts', `import { x } from './x';\nconsole.log(x);\n${body('shared')}`, 'typescript');
  const packed = sharedRuns(a, orderByHash(a), b, orderByHash(b), null, 20);
  assert.ok(packed.length > 0, 'the two texts share a run');
  const bigA = { ...a, tokens: PAST_PACKING };
  const bigB = { ...b, tokens: PAST_PACKING + 1 };
  assert.deepEqual(sharedRuns(bigA, orderByHash(bigA), b, orderByHash(b), null, 20), packed);
  assert.deepEqual(sharedRuns(a, orderByHash(a), bigB, orderByHash(bigB), null, 20), packed);
});

test('pairSimilarity: runs past the span packing cover what the same runs cover below it', () => {
  const a = fingerprintFile('a.ts', body('one'), 'typescript');
  const b = fingerprintFile('b.ts', body('two'), 'typescript');
  // overlapping, nested, touching and apart, in no order
  const runs: SharedRun[] = [
    { startA: 40, startB: 5, length: 30 },
    { startA: 0, startB: 0, length: 25 },
    { startA: 10, startB: 60, length: 5 },
    { startA: 25, startB: 90, length: 10 },
    { startA: 100, startB: 120, length: 1 },
  ];
  const below = pairSimilarity(runs, a, b);
  const shifted = (offset: number): SharedRun[] => runs.map((r) => ({ ...r, startA: r.startA + offset, startB: r.startB + offset }));
  // every span past 2^26, and only the last one past it (the packing gives up midway)
  assert.deepEqual(pairSimilarity(shifted(PAST_PACKING), a, b), below);
  assert.deepEqual(pairSimilarity(shifted(PAST_PACKING - 101), a, b), below);
  // union in a: [0, 35) [40, 70) [100, 101); in b: [0, 35) [60, 65) [90, 100) [120, 121)
  assert.equal(below.similarity, (66 + 51) / (a.tokens + b.tokens));
});

test('similarityOf gives what pairSimilarity gives over the same pair\'s runs, packed or not', () => {
  const piece = fc.constantFrom(body('shared'), body('other'), 'let a = 1;\n', 'a = a + 1;\n', 'if (a) { b(); }\n', 'return a;\n', 'x.y(z);\n');
  const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
  assertProperty(
    fc.property(text, text, fc.integer({ min: 1, max: 40 }), (ta, tb, minTokens) => {
      const a = fingerprintFile('a.ts', ta, 'typescript', { abstractIdentifiers: false, k: 5, w: 4 });
      const b = fingerprintFile('b.ts', tb, 'typescript', { abstractIdentifiers: false, k: 5, w: 4 });
      const want = pairSimilarity(sharedRuns(a, orderByHash(a), b, orderByHash(b), null, minTokens), a, b);
      assert.deepEqual(similarityOf(a, orderByHash(a), b, orderByHash(b), minTokens), want);
      // the path for files past the seed packing
      const bigA = { ...a, tokens: PAST_PACKING };
      assert.deepEqual(similarityOf(bigA, orderByHash(bigA), b, orderByHash(b), minTokens), pairSimilarity(sharedRuns(bigA, orderByHash(bigA), b, orderByHash(b), null, minTokens), bigA, b));
    }),
    { numRuns: 300 },
  );
});
