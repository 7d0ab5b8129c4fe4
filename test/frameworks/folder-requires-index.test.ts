/**
 * folder-requires-index (review s60-rv4): MatchesByKey answers a folder expression's joins and reads
 * from the text's openings by their first argument, where the start build scanned the whole text
 * with the key's own pattern. The property holds it to that scan (the reference below, copied from
 * the start build), on texts of join/resolve/readFile openings, single-argument calls, quotes with
 * spaces, commas, brackets and an argument past the 512-character lookup. firstArgument's three
 * answers are pinned: a first argument closed before any comma is no key's (null, dropped), one cut
 * by the limit may be any key's (undefined, tried for every key).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstArgument, MatchesByKey, RequireIndex, type RequireCall } from '../../src/frameworks/js/folder-requires-index.js';
import { escapeRegExp } from '../../src/util/regexp.js';
import { assertProperty } from '../helpers/property.js';

// folder-requires.ts's patterns (not exported there), as the reader builds them.
const joinsNamesPattern = (folderExpr: string): RegExp =>
  new RegExp(String.raw`\b(?:join|resolve)\(\s*${escapeRegExp(folderExpr).replace(/\s+/g, '\\s*')}\s*,\s*[A-Za-z_$]`, 'g');
const readsPattern = (folderExpr: string): RegExp =>
  new RegExp(String.raw`\b(?:readFileSync|readFile|createReadStream)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:join|resolve)\(\s*${escapeRegExp(folderExpr).replace(/\s+/g, '\\s*')}\s*,\s*[A-Za-z_$]`, 'g');
const JOINS_A_NAME = /\b(?:join|resolve)\(\s*([A-Za-z_$][\w$]*)\s*,\s*[A-Za-z_$]/g;
const READS_A_NAME = /\b(?:readFileSync|readFile|createReadStream)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:join|resolve)\(\s*([A-Za-z_$][\w$]*)\s*,\s*[A-Za-z_$]/g;
const JOIN_OPENS = /\b(?:join|resolve)\(\s*/g;
const READ_OPENS = /\b(?:readFileSync|readFile|createReadStream)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:join|resolve)\(\s*/g;

/** The start build's answer: every match of the key's own pattern over the whole text. */
const scanFirstIn = (text: string, pattern: RegExp, from: number, to: number): number | null => {
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    if (start < from) continue;
    return start + m[0].length <= to ? start : null;
  }
  return null;
};

const LONG = `'${'x'.repeat(600)}'`;
const KEYS = [
  "path.join(__dirname,'a')",
  "path.join( __dirname , 'a' )",
  "join(__dirname,'a b')",
  "__dirname+'/'",
  "'a b'",
  '(a,b)',
  '[d]',
  'd',
  LONG,
];
const PIECES = [
  'join(', 'resolve(', 'path.join(', 'path . resolve(', 'fs.readFileSync(', 'readFile(path.', 'createReadStream(',
  '__dirname', "'a'", "'a b'", "'a  b'", '"a"', "'", ',', ', ', ' ', '\n', '(', ')', '[', ']', '{', '}', 'd', 'f', 'x',
  '+', "'/'", 'a', 'b', LONG, ...KEYS,
  // A key's own join and read, often enough to match (a long first argument among them).
  ...KEYS.map((k) => `join(${k}, f)`),
  ...KEYS.map((k) => `fs.readFileSync(path.join(${k},f))`),
];

test('MatchesByKey.firstIn gives what the whole-text scan of the key gave (seed 60)', () => {
  assertProperty(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      for (const [patternOf, byName, opens] of [
        [joinsNamesPattern, JOINS_A_NAME, JOIN_OPENS],
        [readsPattern, READS_A_NAME, READ_OPENS],
      ] as const) {
        const matches = new MatchesByKey(text, patternOf, byName, opens);
        for (const key of KEYS) {
          // From the start, at and past each match of the scan, and ending one short of it.
          const asks: [number, number][] = [[0, text.length]];
          for (const m of text.matchAll(patternOf(key))) {
            const at = m.index ?? 0;
            asks.push([at, text.length], [at + 1, text.length], [at, at + m[0].length - 1]);
          }
          for (const [from, to] of asks) {
            const got = matches.firstIn(key, from, to)?.start ?? null;
            assert.equal(got, scanFirstIn(text, patternOf(key), from, to), `${JSON.stringify(text)} key ${key} from ${from} to ${to}`);
          }
        }
      }
    }),
    { numRuns: 1500, seed: 60 },
  );
});

test('firstArgument: a comma ends it, a bracket closing first or the text ending means no key, the limit means any key', () => {
  assert.equal(firstArgument("join( __dirname , 'a b' ), f", 5, 512), "__dirname");
  assert.equal(firstArgument("x(a, b), c", 0, 512), 'x(a,b)');
  // `resolve(p)`: no comma before the call closes; a key is balanced and followed by one.
  assert.equal(firstArgument('resolve(p);', 8, 512), null);
  assert.equal(firstArgument("join('open", 5, 512), null);
  assert.equal(firstArgument('join(a', 5, 512), null);
  // Cut by the limit: the argument may go on to any key.
  assert.equal(firstArgument(`join(${LONG}, f)`, 5, 512), undefined);
  assert.equal(firstArgument(`join(a${' '.repeat(600)}, f)`, 5, 512), undefined);
});

test('RequireIndex.from gives the requires whose argument holds the expression, as testing every require did (seed 60)', () => {
  // folder-requires.ts's containsExpr: the argument without whitespace holds the expression without whitespace.
  const containsExpr = (arg: string, e: string): boolean => arg.replace(/\s+/g, '').includes(e.replace(/\s+/g, ''));
  const piece = fc.constantFrom('path', '.', 'join', '(', ')', '__dirname', ',', ' ', "'a'", "'a b'", 'a', 'b', 'ab', '+', "'/'", '$x', '1');
  const textOf = (pieces: string[]): string => pieces.join('');
  assertProperty(
    fc.property(fc.array(fc.array(piece, { maxLength: 12 }), { maxLength: 8 }), fc.array(fc.array(piece, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (args, exprs) => {
      const requires = args.map((a, i) => Object.assign([`require(${textOf(a)})`, textOf(a)], { index: i * 100 }) as unknown as RequireCall);
      const index = new RequireIndex(requires, () => false, containsExpr, () => false, () => false);
      for (const expr of exprs.map(textOf)) {
        const want = requires.map((_, i) => i).filter((i) => containsExpr(requires[i][1], expr));
        assert.deepEqual(index.from(expr, null, false).many, want, `${JSON.stringify(args.map(textOf))} expr ${JSON.stringify(expr)}`);
      }
    }),
    { numRuns: 3000, seed: 60 },
  );
});
