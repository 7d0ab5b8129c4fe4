/**
 * Hostile input for the duplicates fingerprinter: random text and random sequences of the
 * languages' own tricky syntax (unclosed strings, prefixes, templates, regexes, heredocs) must
 * never throw, and the fingerprint must stay internally consistent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import type { Language } from '../../src/model/file.js';
import { fingerprintFile, lineOfToken } from '../../src/analyses/duplicates/fingerprint.js';
import { findDuplicates } from '../../src/analyses/duplicates/find.js';

const PIECES = [
  ' ', '\n', '\r\n', '\t', '\\', "'", '"', '`', "'''", '"""', 'r"', "b'", 'f"', 'rb"', '${', '}', '{', '/', '//', '/*', '*/', '#', '#!',
  '<<EOF', '<<-X', 'EOF', 'X', '\tX', '(', ')', '[', ']', '=', 'return', 'def', 'x', 'camelCase', 'snake_case', '0x1F', '1e-5', '.5',
  '\u00e9', '\u{1F600}', '\uFEFF', '\0',
];
const tricky = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));
const inputs = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 300 }));
const languages: Language[] = ['python', 'javascript', 'typescript', 'shell'];

const checkConsistent = (text: string, language: Language, abstractIdentifiers: boolean): void => {
  const fp = fingerprintFile('scripts/any_file', text, language, { abstractIdentifiers, k: 5, w: 4 });
  assert.equal(fp.tokenHashes.length, fp.tokens);
  assert.equal(fp.winnowHashes.length, fp.winnowPositions.length);
  for (const p of fp.winnowPositions) assert.ok(p < Math.max(fp.tokens, 1));
  const lines = text.split(/\r\n|\r|\n/).length;
  for (let i = 1; i < fp.lineNumbers.length; i++) assert.ok(fp.lineNumbers[i] > fp.lineNumbers[i - 1], `line numbers ${fp.lineNumbers.join(',')} do not increase`);
  for (const line of fp.lineNumbers) assert.ok(line >= 1 && line <= lines, `line ${line} of ${lines}`);
  if (fp.tokens > 0) assert.ok(lineOfToken(fp, fp.tokens - 1) >= 1);
  assert.equal(fp.terms.length, fp.termCounts.length);
};

test('fingerprintFile never throws and its arrays agree with each other', () => {
  assertProperty(fc.property(inputs, fc.constantFrom(...languages), fc.boolean(), checkConsistent), { numRuns: 3000 });
});

test('regression (found by the property above): an escaped line break ends a would-be regex, so line numbers keep increasing', () => {
  // `/\` then a line break then `*/` was read as one regex literal spanning two lines, counted as
  // tokens on lines 1 and 2, and the template after it was then placed back on line 1.
  const text = '/\\\n*/`';
  for (const language of languages) for (const abstractIdentifiers of [false, true]) checkConsistent(text, language, abstractIdentifiers);
  const fp = fingerprintFile('scripts/any_file', text, 'javascript', { abstractIdentifiers: false, k: 5, w: 4 });
  assert.deepEqual([...fp.lineNumbers], [1, 2]);
});

test('findDuplicates never throws on random files', () => {
  assertProperty(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a/x.py', 'b/x.py', 'c/y.js', 'd/z.ts', 'e/w.sh', 'f/v.py'), tricky), { maxLength: 6 }), (pairs) => {
      const files = new Map(pairs);
      const records = [...files.keys()].map((path) => ({ path, language: (path.endsWith('.py') ? 'python' : path.endsWith('.sh') ? 'shell' : 'javascript') as Language, bytes: 0, lines: 0, codeLines: 0, hash: '', executable: false }));
      const fingerprints = new Map(records.map((r) => [r.path, fingerprintFile(r.path, files.get(r.path)!, r.language, { abstractIdentifiers: false, k: 3, w: 2 })]));
      for (const c of findDuplicates({ files: records, fingerprints, options: { minBlockTokens: 5 } })) {
        assert.ok(c.similarity >= 0 && c.similarity <= 1, `${c.kind} similarity ${c.similarity}`);
        assert.equal(c.actions.length, c.files.length);
      }
    }),
    { numRuns: 1000 },
  );
});
