/**
 * commentsBlanked skips to the next quote or slash by a regular expression (stop 53) instead of
 * stepping over every character: on random texts built from the characters comments and literals
 * care about, it blanks exactly what the character-by-character walk of stop 52 blanked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { commentEnd, commentsBlanked, quotedEnd } from '../../src/languages/javascript/text-skips.js';

/** Stop 52's walk, one character at a time. */
const stepped = (text: string): string => {
  if (!text.includes('/')) return text;
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34 || c === 96) {
      i = quotedEnd(text, i);
      continue;
    }
    const end = commentEnd(text, i);
    if (end < 0) {
      i++;
      continue;
    }
    out.push(text.slice(from, i), text.slice(i, end).replace(/[^\n]/g, ' '));
    from = i = end;
  }
  out.push(text.slice(from));
  return out.join('');
};

const PIECES = ['/', '//', '/*', '*/', '*', "'", '"', '`', '\\', '\n', '[', ']', '${', '}', 'a', ' ', 'x = 1;', '→', '日本'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

test('commentsBlanked blanks what the character walk blanked', () => {
  assertProperty(
    fc.property(text, (t) => {
      assert.equal(commentsBlanked(t), stepped(t), JSON.stringify(t));
    }),
    { numRuns: 5000 },
  );
});

test('commentsBlanked: comments become spaces, line breaks and literals stay', () => {
  assert.equal(commentsBlanked("a /* b\n c */ d // e\n'//' `/*`"), "a     \n      d     \n'//' `/*`");
  assert.equal(commentsBlanked('no slash here'), 'no slash here');
  assert.equal(commentsBlanked('x / y'), 'x / y');
});
