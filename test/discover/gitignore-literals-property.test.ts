/**
 * gitignore-literals.ts against the `ignore` library itself, on generated rules and paths: the
 * filter may say "no rule can match" only for a path the library answers neither ignored nor
 * re-included. The rules mix literal runs with every character the pattern grammar treats apart
 * (escapes, escaped and trailing spaces, `**`, `?`, `[`…`]` classes and POSIX classes, `!`, `#`,
 * a BOM, CR) and non-ASCII letters whose case folds onto ASCII in some engines (K, ß, ı); the
 * paths are mostly built from the rules' own text, wildcards filled and letters' case flipped, so
 * that a good share of them match. Replay a failure with the seed it prints (test/helpers/property.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Ignore } from 'ignore';
import { gitignoreLiteralFilter } from '../../src/discover/gitignore-literals.js';
import { assertProperty } from '../helpers/property.js';

const ignore = (): Ignore => (createRequire(import.meta.url)('ignore') as typeof import('ignore'))();

const RULE_PIECES = [
  'a', 'b', 'A', 'B', 'k', 'K', 's', 'S', 'i', 'I', '.', '-', '_', '0', '*', '**', '?', '/', '\\', ' ', '[', ']', '!', '^', '#',
  '[a-z]', '[!a]', '[]a]', '[[:alpha:]]', '\u212A', 'ß', 'ı', 'é', '\t', '\\ ', '\\\\', '\\.', '\\a', '\\[', '\\]', '\r', '\uFEFF',
];
const PATH_PIECES = ['a', 'b', 'A', 'B', 'k', 'K', 's', 'S', 'ss', 'SS', 'i', 'I', '.', '-', '_', '0', ' ', '[', ']', '!', '#', '*', '?', '\\', '\u212A', 'ß', 'ı', 'é'];

/** A path segment made from a rule: escapes taken as written, classes and wildcards filled, letters' case flipped by `flips`. */
const segmentFrom = (rule: string, pick: number, fill: string, flips: number): string => {
  const parts = rule.replace(/^!/, '').split('/').filter(Boolean);
  const chosen = parts.length === 0 ? 'a' : parts[pick % parts.length];
  const plain = chosen.replace(/\\(.)/g, '$1').replace(/\[[^\]]*\]?/g, fill).replace(/\*+|\?/g, fill).trim();
  const flipped = [...plain].map((c, i) => ((flips >> i % 16) & 1 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
  return flipped === '' ? 'x' : flipped;
};

const segment = fc.record({
  fromRule: fc.boolean(),
  rule: fc.nat(),
  pick: fc.nat(),
  fill: fc.string({ unit: fc.constantFrom(...PATH_PIECES), maxLength: 2 }),
  flips: fc.nat(0xffff),
  own: fc.string({ unit: fc.constantFrom(...PATH_PIECES), minLength: 1, maxLength: 5 }),
});
const pathShape = fc.record({ segments: fc.array(segment, { minLength: 1, maxLength: 3 }), folder: fc.boolean() });

test('gitignore literals: never rules out a path the ignore library ignores or re-includes (seeded property)', () => {
  let matched = 0;
  assertProperty(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom(...RULE_PIECES), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('\n', '\r\n'),
      fc.array(pathShape, { minLength: 1, maxLength: 12 }),
      (rules, eol, shapes) => {
        const text = rules.join(eol);
        const filter = gitignoreLiteralFilter(text);
        if (filter === null) return true;
        const library = ignore().add(text);
        for (const { segments, folder } of shapes) {
          const path = segments.map((s) => (s.fromRule ? segmentFrom(rules[s.rule % rules.length], s.pick, s.fill, s.flips) : s.own)).join('/') + (folder ? '/' : '');
          let answer: { ignored: boolean; unignored: boolean };
          try {
            answer = library.test(path);
          } catch {
            continue; // a path the library refuses (`..`, `./`): the walk never asks one
          }
          if (!answer.ignored && !answer.unignored) continue;
          matched++;
          if (!filter(path)) return false;
        }
        return true;
      },
    ),
    { numRuns: 3000, seed: 64_3 },
  );
  // The property is only worth something when the library matched many of the generated paths.
  assert.ok(matched > 1000, `only ${matched} generated paths matched a rule`);
});
