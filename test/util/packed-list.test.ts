/**
 * util/packed-list.ts: packedMap stands in for Array.prototype.map where the result is kept (a
 * file's facts): it must give the same elements in the same order, empty arrays and holes in the
 * input included. uniformList gives the resolver's lists (added conditions, compiler extensions,
 * alias rules) one V8 array kind whatever made them, so its hot functions see one array map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { EMPTY_LIST, packedMap, uniformList } from '../../src/util/packed-list.js';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag is set: V8's own test of whether two objects have one hidden class.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

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

test('uniformList keeps the items and their order; an empty list is the one EMPTY_LIST', () => {
  assert.deepStrictEqual(uniformList(['b', 'a', 'b']), ['b', 'a', 'b']);
  const rule = { name: 'x' };
  assert.equal(uniformList([rule])[0], rule);
  assert.equal(uniformList([]), EMPTY_LIST);
  assert.equal(uniformList([1].flatMap(() => [])), EMPTY_LIST);
  assert.equal(EMPTY_LIST.length, 0);
});

test('lists made by a literal, an empty map and a flatMap all get the map of a list of names', () => {
  const names = ['node', 'import'];
  const made: unknown[][] = [[], [].map((x) => x), [1].flatMap(() => ['a']), [1].flatMap(() => []), ['a'].filter(() => false)];
  assert.ok(made.some((list) => !haveSameMap(list, names)), 'V8 makes lists of other kinds (else this test shows nothing)');
  for (const list of made) assert.ok(haveSameMap(uniformList(list as string[]), names));
  assert.ok(haveSameMap(uniformList([{ name: 'a' }]), names));
});
