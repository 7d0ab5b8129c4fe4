/**
 * shareAHash and sharingAHash (analyses/duplicates/group.ts) decide which same-name pairs are
 * compared at all: two files meet only when their winnowed fingerprint sets intersect. Both ways
 * of asking (a merge per pair for a small group, an index of every hash for a large one) must
 * answer exactly what a set of one file's hashes answers for the other's, for any sorted,
 * de-duplicated arrays, with values above V8's small integers (as most 32-bit hashes are), empty
 * arrays and one shared value at either end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shareAHash, sharingAHash } from '../../src/analyses/duplicates/group.js';
import { sortedUnique } from '../../src/analyses/duplicates/sets.js';
import { assertProperty } from '../helpers/property.js';

/** Few distinct values (so arrays often meet), from both ends of the 32-bit range. */
const value = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0xffff_ffd0, max: 0xffff_ffff }), fc.integer({ min: 0, max: 0xffff_ffff }));
const hashSet = fc.array(value, { maxLength: 30 }).map((v) => sortedUnique(Uint32Array.from(v)));

const oracle = (a: Uint32Array, b: Uint32Array): boolean => {
  const inA = new Set(a);
  return b.some((h) => inA.has(h));
};

test('shareAHash: true exactly when the two hash sets intersect (seed 58)', () => {
  assertProperty(
    fc.property(hashSet, hashSet, (a, b) => {
      assert.equal(shareAHash(a, b), oracle(a, b));
      assert.equal(shareAHash(b, a), oracle(a, b));
    }),
    { numRuns: 3000, seed: 58 },
  );
});

test('shareAHash: a value shared at either end, or none, or an empty side', () => {
  const big = Uint32Array.of(1, 5, 0xfffffff0, 0xffffffff);
  assert.equal(shareAHash(big, Uint32Array.of(0xffffffff)), true);
  assert.equal(shareAHash(Uint32Array.of(0, 1), big), true);
  assert.equal(shareAHash(big, Uint32Array.of(2, 3, 0xfffffff1)), false);
  assert.equal(shareAHash(big, new Uint32Array(0)), false);
  assert.equal(shareAHash(new Uint32Array(0), new Uint32Array(0)), false);
});

test('sharingAHash: the merge and the index answer every pair of a group alike (seed 58)', () => {
  assertProperty(
    fc.property(fc.array(hashSet, { minLength: 2, maxLength: 12 }), (sets) => {
      // Members are positions in the group; the group names representatives in any order.
      const group = sets.map((_, i) => sets.length - 1 - i);
      const merged = sharingAHash(group, sets);
      const indexed = sharingAHash(group, sets, 0);
      for (let x = 0; x < group.length; x++) {
        for (let y = x + 1; y < group.length; y++) {
          const expected = oracle(sets[group[x]], sets[group[y]]);
          assert.equal(merged(x, y), expected);
          assert.equal(indexed(x, y), expected);
        }
      }
    }),
    { numRuns: 500, seed: 58 },
  );
});
