/**
 * TermCounter (terms.ts) counts a file's subject words in a table keyed by ranges of the text; the
 * oracle here is the plain version it replaced (a Map of lower-cased slices), on the words that
 * split, fold and stop differently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { STOP_WORDS, TermCounter } from '../../src/analyses/duplicates/terms.js';

/** The words of text[start, end) as the original splitter cut them (minimum three letters). */
const oracleWords = (text: string, start: number, end: number): string[] => {
  const out: string[] = [];
  const isUpper = (c: number) => c >= 65 && c <= 90;
  const isLower = (c: number) => c >= 97 && c <= 122;
  let from = -1;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    if (!isUpper(c) && !isLower(c)) {
      if (from >= 0 && i - from >= 3) out.push(text.slice(from, i).toLowerCase());
      from = -1;
    } else if (from < 0) from = i;
    else if (isUpper(c)) {
      const prev = text.charCodeAt(i - 1);
      if (isLower(prev) || (isUpper(prev) && i + 1 < end && isLower(text.charCodeAt(i + 1)))) {
        if (i - from >= 3) out.push(text.slice(from, i).toLowerCase());
        from = i;
      }
    }
  }
  return out;
};

const oracleFold = (word: string): string => {
  const n = word.length;
  if (n <= 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return /[sui]s$/.test(word) ? word : word.slice(0, -1);
};

const oracle = (pieces: [string, number, number, number][]): [string, number][] => {
  const counts = new Map<string, number>();
  for (const [text, start, end, weight] of pieces) {
    for (const raw of oracleWords(text, start, end)) {
      if (STOP_WORDS.has(raw)) continue;
      const word = oracleFold(raw);
      counts.set(word, (counts.get(word) ?? 0) + weight);
    }
  }
  return [...counts].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
};

const counted = (counter: TermCounter, pieces: [string, number, number, number][]): [string, number][] => {
  counter.clear();
  for (const [text, start, end, weight] of pieces) counter.addOf(text, start, end, weight);
  const { terms, counts } = counter.sorted();
  return terms.map((t, i) => [t, counts[i]]);
};

test('subject words: camelCase, snake_case, acronyms (IDs is too short), plural folds, stop words (theThe)', () => {
  const counter = new TermCounter();
  assert.deepEqual(counted(counter, [['fetchUserIDs2 fetch_user_ids HTTPServer FETCH-USER', 0, 51, 1]]), [
    ['fetch', 3],
    ['ids', 1],
    ['server', 1],
    ['user', 3],
  ]);
  assert.deepEqual(counted(counter, [['latencies Workers STATUS analysis classes Buses Values theThe ab', 0, 65, 2]]), [
    ['analysis', 2],
    ['buse', 2],
    ['classe', 2],
    ['latency', 2],
    ['status', 2],
    ['worker', 2],
  ]);
  // A range ends a word as the text's end does; the words of the last file are gone after clear().
  assert.deepEqual(counted(counter, [['xxRequestsyy', 2, 10, 1]]), [['request', 1]]);
});

test('TermCounter counts what the plain Map of lower-cased slices counted', () => {
  const piece = fc.constantFrom('fetch', 'User', 'IDs', 'HTTP', 'Server', 'latencies', 'LATENCIES', 'status', 'Statuses', 'class', 'Classes', 'ies', 'Ties',
    'the', 'The', 'values', 'Values', 'types', '_', '-', ' ', '2', 'é', 'aB', 'ABc', 'xyz', 'Xyzs', 'busses', 'ss');
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  const pieces = fc.array(fc.tuple(text, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 5 })), { maxLength: 6 }).map((list) =>
    list.map(([t, a, b, w]): [string, number, number, number] => {
      const start = t.length === 0 ? 0 : a % (t.length + 1);
      return [t, start, start + (t.length - start === 0 ? 0 : b % (t.length - start + 1)), w];
    }));
  const counter = new TermCounter();
  assertProperty(fc.property(pieces, (p) => {
    assert.deepEqual(counted(counter, p), oracle(p));
  }), { numRuns: 2000 });
});

test('sorted(): words that share their first eight letters or more, in the order < gives', () => {
  // Few letters and long words: many words share a long prefix, which the keyed sort leaves to its insertion sort.
  const word = fc.array(fc.constantFrom('a', 'b', 'y', 'z', 's'), { minLength: 3, maxLength: 14 }).map((l) => l.join(''));
  const text = fc.array(word, { minLength: 1, maxLength: 80 }).map((w) => w.join(' '));
  const counter = new TermCounter();
  assertProperty(fc.property(fc.array(fc.tuple(text, fc.integer({ min: 1, max: 3 })), { maxLength: 4 }), (list) => {
    const pieces = list.map(([t, w]): [string, number, number, number] => [t, 0, t.length, w]);
    assert.deepEqual(counted(counter, pieces), oracle(pieces));
  }), { numRuns: 500 });
});

test('sorted(): a file with more distinct words than the keyed sort takes (16,384) is sorted the default way', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const words: string[] = [];
  for (let i = 0; words.length < 17_000; i++) {
    let w = '';
    for (let n = i + 27 * 27; n > 0; n = Math.floor(n / 26)) w += letters[n % 26];
    words.push(`q${w}z`);
  }
  const text = words.reverse().join(' ');
  const counter = new TermCounter();
  assert.deepEqual(counted(counter, [[text, 0, text.length, 1]]), oracle([[text, 0, text.length, 1]]));
});
