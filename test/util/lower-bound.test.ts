/** lowerBound: the first index whose key is at or after the value, the same as a scan from the start. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound } from '../../src/util/lower-bound.js';

test('lowerBound at the ends and between equal keys', () => {
  const items = [{ at: 2 }, { at: 5 }, { at: 5 }, { at: 9 }];
  const at = (item: { at: number }) => item.at;
  assert.equal(lowerBound(items, at, 0), 0);
  assert.equal(lowerBound(items, at, 5), 1);
  assert.equal(lowerBound(items, at, 6), 3);
  assert.equal(lowerBound(items, at, 10), 4);
  assert.equal(lowerBound([], at, 3), 0);
});

test('lowerBound agrees with a linear scan on sorted lists', () => {
  const seed = Date.now() % 100000;
  console.log(`lowerBound property seed ${seed}`);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (keys, value) => {
      const sorted = [...keys].sort((a, b) => a - b);
      const linear = sorted.findIndex((k) => k >= value);
      assert.equal(lowerBound(sorted, (k) => k, value), linear === -1 ? sorted.length : linear);
    }),
    { seed, numRuns: 2000 },
  );
});
