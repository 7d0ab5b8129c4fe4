/**
 * packedMap stands in for Array.prototype.map where the result is kept in a file's facts: it must
 * give the same elements in the same order, empty arrays and holes in the input included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packedMap } from '../../src/languages/javascript/packed-map.js';

test('packedMap gives what map gives', () => {
  const inputs: unknown[][] = [[], [1], ['a', 'b', 'c'], [{ name: 'x' }, null, undefined, 0], Array.from({ length: 100 }, (_, i) => i)];
  for (const xs of inputs) {
    assert.deepEqual(packedMap(xs, (x) => ({ x })), xs.map((x) => ({ x })));
    assert.deepEqual(packedMap(xs, String), xs.map((x) => String(x)));
  }
});

test('packedMap calls f once per element, in order', () => {
  const seen: number[] = [];
  packedMap([3, 1, 2], (x) => seen.push(x));
  assert.deepEqual(seen, [3, 1, 2]);
});
