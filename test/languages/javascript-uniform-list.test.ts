/**
 * The resolver's lists (added conditions, compiler extensions, alias rules) come in one V8 array
 * kind whatever made them, so its hot functions see one array map (uniform-list.ts says why).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { EMPTY_LIST, uniformList } from '../../src/languages/javascript/resolution/uniform-list.js';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag is set: V8's own test of whether two objects have one hidden class.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

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
