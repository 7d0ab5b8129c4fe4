/**
 * string-place against the start build (review s60-rv4): stop 60 keeps a property value's `{` in the
 * text's openers map, where the start build scanned back for it every time. The reference below is the
 * start build's stringPlace, copied; the property asks both, in text order, about a random subset of a
 * random text's strings (as parameter-requires asks only about the strings that name a module), at
 * small windows so that the window's edge is met, each with its own openers map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringPlace, type StringPlace } from '../../src/frameworks/js/string-place.js';
import { quotedSpans } from '../../src/languages/javascript/text-skips.js';
import { IDENTIFIER_SOURCE } from '../../src/languages/javascript/js-text.js';
import { assertProperty } from '../helpers/property.js';

// ---- the start build's (ff5fff87) string-place.ts, unchanged but for names ----
const CALLEE = new RegExp(`(?:^|[^\\w$.]|this\\s*\\.\\s*)(${IDENTIFIER_SOURCE})\\s*$`);
const INDEXED = /[\w$)\]]/;
const RETURNS_ITS_OBJECT = /(?:(?<![\w$.])Object\s*\.\s*(?:freeze|seal|preventExtensions|assign)|(?<![\w$.])defineConfig)\s*$/;
const spanEndingAt = (spans: readonly number[], at: number): number => {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const end = spans[2 * mid + 1];
    if (end === at + 1) return spans[2 * mid];
    if (end <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
};
const lastNonSpace = (text: string, from: number): number => {
  let i = from;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
};
const openerBefore = (text: string, spans: readonly number[], at: number, from: number, openers: Map<number, number>, window: number): number => {
  let open = -1;
  for (let j = from - 1, depth = 0; open < 0 && j >= 0 && at - j <= window; j--) {
    const ch = text[j];
    if (ch === "'" || ch === '"' || ch === '`') {
      const start = spanEndingAt(spans, j);
      if (start >= 0) j = start;
      const sibling = depth === 0 ? openers.get(j) : undefined;
      if (sibling !== undefined) open = sibling;
    } else if (ch === ')' || ch === ']' || ch === '}') depth++;
    else if (ch === '(' || ch === '[' || ch === '{') {
      if (depth === 0) open = j;
      else depth--;
    }
  }
  return open;
};
const valuePlace = (text: string, spans: readonly number[], at: number, colon: number, window: number): StringPlace => {
  const brace = openerBefore(text, spans, at, colon, new Map(), window);
  if (brace < 0 || text[brace] !== '{') return { kind: 'value' };
  const around = lastNonSpace(text, brace - 1);
  if (around < 0 || (text[around] !== '(' && text[around] !== ',')) return { kind: 'value' };
  const call = text[around] === '(' ? around : openerBefore(text, spans, brace, around, new Map(), window);
  if (call < 0 || text[call] !== '(') return { kind: 'value' };
  const prev = lastNonSpace(text, call - 1);
  if (prev < 0 || !/[\w$)]/.test(text[prev])) return { kind: 'value' };
  const callee = text.slice(Math.max(0, prev - 200), prev + 1);
  if (RETURNS_ITS_OBJECT.test(callee)) return { kind: 'value' };
  return { kind: 'argument', callee: CALLEE.exec(callee)?.[1] ?? null };
};
const startBuildPlace = (text: string, spans: readonly number[], at: number, openers: Map<number, number>, window: number): StringPlace => {
  const before = lastNonSpace(text, at - 1);
  if (before < 0) return { kind: 'other' };
  const c = text[before];
  if (c === ':') return valuePlace(text, spans, at, before, window);
  if (c !== ',' && c !== '[' && c !== '(') return { kind: 'other' };
  const open = c === ',' ? openerBefore(text, spans, at, before, openers, window) : before;
  if (open < 0) return { kind: 'other' };
  openers.set(at, open);
  const prev = lastNonSpace(text, open - 1);
  if (text[open] === '[') return prev >= 0 && INDEXED.test(text[prev]) ? { kind: 'other' } : { kind: 'element' };
  if (text[open] === '(') return { kind: 'argument', callee: CALLEE.exec(text.slice(Math.max(0, prev - 200), prev + 1))?.[1] ?? null };
  return { kind: 'other' };
};
// ---- end of the start build's ----

const PIECES = ["'a/b'", "'c'", '"d/e"', ',', ', ', ':', ' : ', '?', '[', ']', '{', '}', '(', ')', 'f', 'x', 'load', ' ', '\n', '1', 'Object.freeze', 'k: ', 'x ? ', "x ? 'd' : 'v'", "['c'?'d':'v','e']"];

/** Every string's start in the text, and the same text's answers from both, for the strings picked. */
const compare = (text: string, pick: boolean[], window: number): void => {
  const spans = quotedSpans(text);
  const mine = new Map<number, number>();
  const theirs = new Map<number, number>();
  for (let s = 0, k = 0; s < spans.length; s += 2, k++) {
    if (!pick[k % pick.length]) continue;
    const at = spans[s];
    assert.deepEqual(stringPlace(text, spans, at, mine, window), startBuildPlace(text, spans, at, theirs, window), `${JSON.stringify(text)} at ${at} window ${window}`);
  }
};

test('stringPlace gives what the start build gave, strings asked in order at windows 7 to 10,000 (seed 60)', () => {
  assertProperty(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (pieces, pick) => {
      const text = pieces.join('');
      for (const window of [7, 10, 13, 20, 10_000]) compare(text, pick, window);
    }),
    { numRuns: 5000, seed: 60 },
  );
});

test("stringPlace: an element after a ternary's value takes no opener past its window through the value", () => {
  // The start build's answer: 'v' kept no opener, and 'e' reached no [ within 10 characters.
  const text = "['c'?'d':'v','e']";
  const spans = quotedSpans(text);
  const openers = new Map<number, number>();
  assert.deepEqual(stringPlace(text, spans, text.indexOf("'v'"), openers, 10), { kind: 'value' });
  assert.deepEqual(stringPlace(text, spans, text.indexOf("'e'"), openers, 10), { kind: 'other' });
  assert.deepEqual(stringPlace(text, spans, text.indexOf("'e'"), new Map(), 10), startBuildPlace(text, spans, text.indexOf("'e'"), new Map(), 10));
});
