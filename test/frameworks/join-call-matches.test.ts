/**
 * joinCallMatches (frameworks/js/join-call-matches.ts) tries path-wrappers' JOIN only in the head
 * before each `join(` / `resolve(`; it must give exactly what matchAll of the same pattern with
 * `g` gives, in order, with the same indexes and groups: for heads that open at a word boundary
 * after `$`, run over lines and dots, sit right at the text's start, follow another match, and
 * for texts where the call is not a join at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinCallMatches } from '../../src/frameworks/js/join-call-matches.js';
import { JOIN } from '../../src/frameworks/js/path-wrappers.js';
import { assertProperty } from '../helpers/property.js';

const GLOBAL = new RegExp(JOIN.source, 'g');
const shown = (ms: RegExpMatchArray[]): string[] => ms.map((m) => JSON.stringify([m.index, ...m]));
const same = (text: string): void => assert.deepStrictEqual(shown(joinCallMatches(text, JOIN)), shown([...text.matchAll(GLOBAL)]), JSON.stringify(text));

test('joinCallMatches finds what matchAll finds: heads of every shape', () => {
  for (const text of [
    "return path.join(__dirname, 'a', name)",
    "path.join(__dirname, 'a', name)",
    "x = $path.join(root, 'a', name)",
    "x = a$path.join(root, 'a', name)",
    "x = libPath.default.resolve(this.dir, file)",
    "x = myPath\n  .\n  join(base, 'p', n)",
    "join(__dirname, 'x', y); resolve(dir, 'b', z)",
    "path.join(a, 'b', c)path.join(d, 'e', f)",
    "obj.join(a, 'b', c)",
    "notpath.join(a, 'b', c) and pathx.resolve(q, 'r', s)",
    'a comment with words. then join(base, `/../${file}`, x)',
    "rejoin(a, 'b', c) unresolve(a, 'b', c)",
    "path.join(path.join(__dirname, 'a'), 'b', c)",
    "\u00a0path\u2028.join(a, 'b', c)",
    'no calls here at all',
    '',
  ]) same(text);
});

test('joinCallMatches finds what matchAll finds on texts made of heads, calls and arguments (seed 59)', () => {
  const piece = fc.constantFrom(
    'path', 'Path', 'myPath', '$', 'a', '_', '.', ' ', '\n', '\t', 'default', 'this', '__dirname', 'join(', 'resolve(', '(', ')',
    ',', "'x'", '"y"', '`${n}.js`', '...', 'name', ';', 're', 'un', '\u00a0', '0',
  );
  assertProperty(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => same(pieces.join(''))),
    { numRuns: 4000, seed: 59 },
  );
});
