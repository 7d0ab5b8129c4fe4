/** tsconfig-augmentations: every fixture test/fixtures/entries/tsconfig-augmentations-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import detector, { sourceAugmentation } from '../../src/entries/tsconfig-augmentations.js';
import { detectorCases } from '../helpers/run-detector.js';
import { lineAt } from '../../src/util/lines.js';
import { commentEnd, quotedEnd } from '../../src/languages/javascript/text-skips.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

test(`${detector.id}: an augmentation counts only as code at the start of a line`, () => {
  assert.deepEqual(sourceAugmentation("export {}\ndeclare global {\n}\n"), { what: 'declare global', line: 2 });
  assert.deepEqual(sourceAugmentation("import x from 'y'\n\ndeclare  module \"y\" {\n}\n"), { what: 'declare module "y"', line: 3 });
  // In a comment, a string or a template literal, or not at the start of a line: none.
  assert.equal(sourceAugmentation("// declare module 'a' {}\n"), null);
  assert.equal(sourceAugmentation("/*\ndeclare global {}\n*/\n"), null);
  assert.equal(sourceAugmentation("const s = `\ndeclare module 'a' {}\n`\n"), null);
  assert.equal(sourceAugmentation("namespace N {\n  declare module 'a' {}\n}\n"), null);
  // The first in code wins over an earlier one in a comment.
  assert.deepEqual(sourceAugmentation("/*\ndeclare global {}\n*/\ndeclare module 'b' {\n}\n"), { what: "declare module 'b'", line: 4 });
  // Unclosed comment: nothing after it is code, and nothing throws.
  assert.equal(sourceAugmentation("/* never closed\ndeclare global {}\n"), null);
});

test(`${detector.id}: one forward walk: thousands of augmentation lines inside a template literal cost one skip (review 3 #2)`, { timeout: 20_000 }, () => {
  // A codegen test's expectations: 15,000 column-0 `declare module` lines in one template literal
  // (rescanning from the start for each match took 70 s; the hang guard above is the check).
  const lines = Array.from({ length: 15_000 }, (_, i) => `declare module "m${i}" { export const v${i}: number }`);
  const text = `export const expected = \`\n${lines.join('\n')}\n\`;\n`;
  assert.equal(sourceAugmentation(text), null);
  // A real one after the literal is still found, on its line.
  assert.deepEqual(sourceAugmentation(`${text}declare global {\n}\n`), { what: 'declare global', line: 15_003 });
  // Matches inside a comment, then a string, then code.
  assert.deepEqual(sourceAugmentation("/*\ndeclare global {}\n*/\nconst s = '\\\ndeclare module \"a\"'\n`\ndeclare global\n`\ndeclare module 'c' {\n}\n"), { what: "declare module 'c'", line: 9 });
});

/** Stop 49's walk, one character at a time: the stop-50 walk skips plain code by a search and must agree with it. */
const referenceAugmentation = (text: string): { what: string; line: number } | null => {
  const pattern = /^declare[ \t]+(global\b|module[ \t]*(['"])([^'"\n]+)\2)/gm;
  let code = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    while (code < m.index) {
      const c = text.charCodeAt(code);
      const end = c === 39 || c === 34 || c === 96 ? quotedEnd(text, code) : commentEnd(text, code);
      code = end < 0 ? code + 1 : end;
    }
    if (code === m.index) return { what: `declare ${m[1].replace(/[ \t]+/g, ' ')}`, line: lineAt(text, m.index) };
    if (pattern.lastIndex < code) pattern.lastIndex = code;
  }
  return null;
};

test(`${detector.id}: the walk that skips plain code finds what a walk by single characters finds`, () => {
  const seed = Date.now() % 100000;
  console.log(`tsconfig-augmentations walk property seed ${seed}`);
  const piece = fc.constantFrom("declare module 'a' {}\n", 'declare global {}\n', "declare module \"b\"\n", "'", '"', '`', '/', '*', '//', '/*', '*/', '\\', '\n', 'x', ' ', '[', ']', 'declare ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(sourceAugmentation(text), referenceAugmentation(text), JSON.stringify(text));
    }),
    { seed, numRuns: 3000 },
  );
});
