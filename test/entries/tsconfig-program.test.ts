/** tsconfig-program: every fixture test/fixtures/entries/tsconfig-program-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import detector, { augmentationIn } from '../../src/entries/tsconfig-program.js';
import { detectorCases } from '../helpers/run-detector.js';
import { lineAt } from '../../src/util/lines.js';
import { commentEnd, quotedEnd } from '../../src/languages/javascript/text-skips.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

/**
 * augmentationIn until stop 63: the multiline pattern searched from line start to line start. The
 * walk now finds each `declare` by a substring search and checks its line's start back from it;
 * both must give the same first augmentation, indented, after `export`, past skips and across
 * every line end `^` knows (\r and U+2028/2029 too).
 */
const patternAugmentation = (text: string, nested: boolean, applies: (module: string) => boolean): { what: string; line: number } | null => {
  const pattern = /^([ \t]*(?:export[ \t]+)?)declare[ \t]+(global\b|module[ \t]*(['"])([^'"\n]+)\3)/gm;
  const skipStart = /['"`/]/g;
  let code = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    while (code < m.index) {
      skipStart.lastIndex = code;
      const next = skipStart.exec(text);
      if (next === null || next.index >= m.index) {
        code = m.index;
        break;
      }
      code = next.index;
      const c = text.charCodeAt(code);
      const end = c === 39 || c === 34 || c === 96 ? quotedEnd(text, code) : commentEnd(text, code);
      code = end < 0 ? code + 1 : end;
    }
    if (code === m.index) {
      if ((nested || m[1] === '') && (m[4] === undefined || applies(m[4]))) return { what: `declare ${m[2].replace(/[ \t]+/g, ' ')}`, line: lineAt(text, m.index) };
      continue;
    }
    if (pattern.lastIndex < code) pattern.lastIndex = code;
  }
  return null;
};

test('augmentationIn: each declare and its line start find what the multiline pattern finds', () => {
  const seed = Date.now() % 100000;
  console.log(`augmentationIn line-start property seed ${seed}`);
  const piece = fc.constantFrom(
    'declare', 'declare ', ' ', '\t', 'export', 'export ', 'x', '\n', '\r', '\u2028', '\u2029',
    "module 'a' {}\n", "module 'b\n", "module 'b", 'module "c"', "module'a'", 'global', 'global {}', 'globalx', "'", '"', '`', '/', '*', '//', '/*', '*/', '\\',
  );
  // A name that runs over a line end `^` knows (`'b\u2028declare global'`) must not let that line's `declare` start a match.
  const applies = (module: string): boolean => !module.startsWith('b');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, nested) => {
      const text = parts.join('');
      assert.deepEqual(augmentationIn(text, { nested, applies }), patternAugmentation(text, nested, applies), JSON.stringify(text));
    }),
    { seed, numRuns: 20_000 },
  );
  // Fixed cases the pieces reach only by chance.
  for (const text of ['a\u2028declare global {}', 'x\rexport  declare module "q" {}', "  export\tdeclare global", 'exportdeclare global', "declare module 'b\u2028declare global'", "declare module 'b\rexport declare global'"]) {
    for (const nested of [true, false]) assert.deepEqual(augmentationIn(text, { nested, applies }), patternAugmentation(text, nested, applies), JSON.stringify(text));
  }
});
