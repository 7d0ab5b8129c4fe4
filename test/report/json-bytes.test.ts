/**
 * report/json-bytes.ts writes JSON.stringify(value, null, 2)'s text as UTF-8 itself: held to the
 * stringifier byte for byte on generated values (odd strings: lone surrogates, control characters,
 * U+2028, pairs; numbers of every form; toJSON, boxed primitives, left-out members), and the Audit's
 * chunks (report/json.ts) on the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Audit } from '../../src/model/audit.js';
import { JsonBytes } from '../../src/report/json-bytes.js';
import { jsonChunks } from '../../src/report/json.js';

/** A small deterministic generator (mulberry32), so a failure repeats. */
const random = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const UNITS = [0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x20, 0x22, 0x2f, 0x5c, 0x41, 0x7e, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0x2028, 0x2029, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfeff, 0xfffd, 0xffff];

const stringOf = (next: () => number): string => {
  const length = Math.floor(next() * 12);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.4) text += String.fromCharCode(0x61 + Math.floor(next() * 26));
    else if (r < 0.5) text += '😀'; // a well-formed pair
    else text += String.fromCharCode(UNITS[Math.floor(next() * UNITS.length)]);
  }
  return text;
};

const NUMBERS = [0, -0, 1, -1, 7, 10, 99, 100, 12345, 2147483647, 2147483648, -2147483648, 4294967296, Number.MAX_SAFE_INTEGER, 1e21, 1e-7, 0.1, 1.5, -3.25, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity];

const valueOf = (next: () => number, depth: number): unknown => {
  const r = next();
  if (r < 0.25) return stringOf(next);
  if (r < 0.35) return NUMBERS[Math.floor(next() * NUMBERS.length)];
  if (r < 0.38) return next() * 1e6 - 5e5;
  if (r < 0.42) return next() < 0.5;
  if (r < 0.45) return null;
  if (r < 0.48) return [undefined, () => 1, Symbol('s')][Math.floor(next() * 3)];
  if (r < 0.5) return [new Number(3.5), new String('boxed\u2028'), new Boolean(false), new Date(0)][Math.floor(next() * 4)];
  if (r < 0.53) {
    const inner = depth > 3 ? 1 : valueOf(next, depth + 1);
    return next() < 0.3 ? { toJSON: () => undefined } : { toJSON: (key: string) => ({ key, inner }) };
  }
  if (depth > 4) return stringOf(next);
  if (r < 0.75) return Array.from({ length: Math.floor(next() * 5) }, () => valueOf(next, depth + 1));
  const record: Record<string, unknown> = {};
  const keys = Math.floor(next() * 6);
  for (let i = 0; i < keys; i++) record[next() < 0.2 ? String(Math.floor(next() * 20)) : stringOf(next)] = valueOf(next, depth + 1);
  return record;
};

const written = (value: unknown): string => {
  const out = new JsonBytes(16);
  if (!out.value(value, '', 0)) return 'undefined';
  return out.bytes.subarray(0, out.length).toString('utf8');
};

test('json-bytes: generated values are written as JSON.stringify(value, null, 2) in UTF-8', () => {
  const next = random(19);
  for (let i = 0; i < 5_000; i++) {
    const value = valueOf(next, 0);
    assert.equal(written(value), JSON.stringify(value, null, 2) ?? 'undefined', `value ${i}`);
  }
});

test('json-bytes: odd strings one by one', () => {
  const strings = ['', '"', '\\', '\u2028\u2029', '\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '\ud83d\ude00', '\ud83d', 'x\ud83d', '\u0000\u001f\u007f', '\b\f\n\r\t', 'é€😀', '\uffff'];
  for (const s of strings) {
    assert.equal(written(s), JSON.stringify(s), JSON.stringify(s));
    // Lone surrogates are escaped, so the bytes are the UTF-8 of the stringifier's text.
    assert.ok(Buffer.from(written(s)).equals(Buffer.from(JSON.stringify(s), 'utf8')));
  }
  for (const n of NUMBERS) assert.equal(written(n), JSON.stringify(n), String(n));
  assert.throws(() => written(1n), TypeError);
});

test('json-bytes: class instances with accessors and toJSON, keys that look like indexes', () => {
  class Edge {
    from = 'a.py';
    #made = 'made';
    get label(): string {
      return this.#made;
    }
    toJSON(): object {
      return { from: this.from, label: this.label, within: undefined };
    }
  }
  const value = { 2: 'two', b: new Edge(), 1: [new Edge(), undefined], nested: { gone: undefined, f: () => 1 } };
  assert.equal(written(value), JSON.stringify(value, null, 2));
});

test('json: the Audit\'s chunks join to JSON.stringify on generated top-level members and long arrays', () => {
  const next = random(64);
  for (let round = 0; round < 40; round++) {
    const audit: Record<string, unknown> = {};
    for (let k = 0; k < 6; k++) {
      const key = `k${k}`;
      audit[key] = next() < 0.5 ? Array.from({ length: Math.floor(next() * 200) }, () => valueOf(next, 1)) : valueOf(next, 1);
    }
    const bytes = Buffer.concat([...jsonChunks(audit as unknown as Audit)].map((c) => Buffer.from(c)));
    assert.ok(bytes.equals(Buffer.from(`${JSON.stringify(audit, null, 2)}\n`, 'utf8')), `round ${round}`);
  }
});
