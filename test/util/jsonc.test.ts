/**
 * JSONC: comments and trailing commas blanked with offsets kept. stripJsonc copies the text in
 * pieces (stop 55); every string must come out as the character-array walk it replaced gave it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonc, stripJsonc } from '../../src/util/jsonc.js';

/** The walk before stop 55, one array slot per UTF-16 unit. */
const reference = (text: string): string => {
  const out = text.split('');
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] !== '\n') out[i] = ' ';
        i++;
      }
      if (i < n) out[i] = out[i + 1] = ' ';
      i += 2;
    } else if (c === ',') {
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text[j] === '/' && text[j + 1] === '/') {
          while (j < n && text[j] !== '\n') j++;
        } else if (text[j] === '/' && text[j + 1] === '*') {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? n : end + 2;
        } else {
          break;
        }
      }
      if (text[j] === '}' || text[j] === ']') out[i] = ' ';
      i++;
    } else {
      i++;
    }
  }
  return out.join('');
};

test('stripJsonc: the same text as the character walk for any mix of strings, comments and commas', () => {
  const seed = Date.now() % 100000;
  console.log(`stripJsonc property seed ${seed}`);
  const piece = fc.constantFrom('"', '\\', '/', '*', ',', '}', ']', '{', '[', '\n', '\r', ' ', '\t', '\v', '\u00a0', '\u2028', '\ufeff', 'a', ':', '1', 'é', '\u{1F600}', '//', '/*', '*/', '/*/', ', }', ',\n]');
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (t) => {
      assert.equal(stripJsonc(t), reference(t), JSON.stringify(t));
    }),
    { seed, numRuns: 5000 },
  );
});

test('stripJsonc: a text with no comment and no trailing comma is handed back as it is', () => {
  const text = '{ "a": "x // y, }", "b": [1, 2] }';
  assert.equal(stripJsonc(text), text);
  assert.equal(stripJsonc('{ "a": 1, // c\n "b": [1,] /* d\n e */ }'), '{ "a": 1,     \n "b": [1 ]     \n      }');
  assert.equal(stripJsonc('/*/ x */ 1'), '    x */ 1');
  assert.equal(stripJsonc('[1 /* open'), '[1        ');
});

test('parseJsonc: comments and trailing commas read, an error names its line', () => {
  assert.deepEqual(parseJsonc('{\n  // c\n  "a": [1, 2,],\n}'), { value: { a: [1, 2] } });
  const bad = parseJsonc('{\n  "a": 1\n  "b": 2\n}');
  assert.ok('error' in bad && bad.line === 3);
});
