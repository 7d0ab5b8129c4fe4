/**
 * The table loops of a file are read with a fixed number of whole-text passes, however many distinct
 * names it holds (review 4 finding 5: one regular expression per table name or per joined name made a
 * generated 20k-line file quadratic). Counted, not timed: every `new RegExp` the readers build (and
 * every `matchAll` over one, which builds a copy) is counted while a generated file is read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forOfNames, tableReader } from '../../src/frameworks/js/for-in-tables.js';

/** Runs `read` with the global RegExp constructor counting what it builds. */
const countingRegExps = <T>(read: () => T): { result: T; built: number } => {
  const original = globalThis.RegExp;
  let built = 0;
  class Counting extends original {
    constructor(pattern: string | RegExp, flags?: string) {
      super(pattern, flags);
      built++;
    }
  }
  globalThis.RegExp = Counting as RegExpConstructor;
  try {
    return { result: read(), built };
  } finally {
    globalThis.RegExp = original;
  }
};

test('for-in-tables: 5,000 distinct tables, each walked by its own for…in, are read in a fixed number of passes', () => {
  const n = 5_000;
  const lines = ['const path = require("path");'];
  for (let i = 0; i < n; i++) lines.push(`const T${i} = { a: 't${i}.sh' };`);
  for (let i = 0; i < n; i++) lines.push(`for (const k in T${i}) x(path.join(__dirname, T${i}[k]));`);
  const text = lines.join('\n');
  const { result, built } = countingRegExps(() => {
    const reader = tableReader(text);
    return Array.from({ length: n }, (_, i) => reader.valuesAt(text.indexOf(`T${i}[k]`), 'key', 'k', `T${i}`, null)?.values.join(','));
  });
  assert.equal(result[0], 't0.sh');
  assert.equal(result[n - 1], `t${n - 1}.sh`);
  assert.equal(result.filter((v) => v === undefined).length, 0);
  assert.ok(built < 20, `${built} regular expressions built for ${n} tables`);
});

test('for-in-tables: a table assigned anew anywhere in the file is not read', () => {
  const text = 'const T = { a: "a.sh" };\nfor (const k in T) x(path.join(__dirname, T[k]));\nfunction f() { T = other(); }\n';
  assert.equal(tableReader(text).valuesAt(text.indexOf('T[k]'), 'key', 'k', 'T', null), null);
  const kept = 'const T = { a: "a.sh" };\nfor (const k in T) x(path.join(__dirname, T[k]));\nif (T == other) y();\n';
  assert.deepEqual(tableReader(kept).valuesAt(kept.indexOf('T[k]'), 'key', 'k', 'T', null)?.values, ['a.sh']);
});

test('for-in-tables: the for…of names of a 20,000-line file of distinct joined names are found in one pass', () => {
  const lines = ['const path = require("path");', '// list of things', 'for (const item of list) go(item);'];
  for (let i = 0; i < 20_000; i++) lines.push(`x.push(path.join(__dirname, name${i}));`);
  const { result, built } = countingRegExps(() => {
    const names = forOfNames(lines.join('\n'));
    return Array.from({ length: 20_000 }, (_, i) => names.has(`name${i}`)).filter(Boolean).length + (names.has('item') ? 1 : 0);
  });
  assert.equal(result, 1);
  assert.ok(built < 5, `${built} regular expressions built`);
});

test('for-in-tables: an object walked through Object.keys, Object.values or Object.entries (stop 53)', () => {
  const text = [
    'const T = { a: { file: "a.sh" }, b: { file: "b.sh" } };',
    'for (const k of Object.keys(T)) x(path.join(__dirname, T[k].file));',
    'Object.values(T).forEach((v, i) => x(path.join(__dirname, v.file)));',
    'for (const [k2, e] of Object.entries(T)) x(path.join(__dirname, e.file), T[k2].file);',
    'for (const e2 of Object.entries(T)) x(path.join(__dirname, e2[1].file));',
  ].join('\n');
  const reader = tableReader(text);
  const at = (s: string) => text.indexOf(s);
  assert.deepEqual(reader.valuesAt(at('T[k].file'), 'key', 'k', 'T', 'file')?.values, ['a.sh', 'b.sh']);
  assert.deepEqual(reader.valuesAt(at('v.file'), 'item', 'v', null, 'file')?.values, ['a.sh', 'b.sh']);
  assert.equal(reader.valuesAt(at('v.file'), 'item', 'v', null, 'file')?.loop, 'Object.values(…).forEach');
  assert.deepEqual(reader.valuesAt(at('e.file'), 'item', 'e', null, 'file')?.values, ['a.sh', 'b.sh']);
  assert.deepEqual(reader.valuesAt(at('T[k2].file'), 'key', 'k2', 'T', 'file')?.values, ['a.sh', 'b.sh']);
  // Where it stops: a pair held whole hands no item, and forOfNames knows the item names only.
  assert.equal(reader.valuesAt(at('e2[1]'), 'item', 'e2', null, 'file'), null);
  assert.deepEqual([...forOfNames(text)].sort(), ['e', 'e2', 'k', 'v']);
});
