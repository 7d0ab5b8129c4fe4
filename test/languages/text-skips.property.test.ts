/**
 * commentsBlanked skips to the next quote or slash by a regular expression (stop 53) instead of
 * stepping over every character: on random texts built from the characters comments and literals
 * care about, it blanks exactly what the character-by-character walk of stop 52 blanked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { blankStep, commentsBlanked } from '../../src/languages/javascript/text-skips.js';

/** The walk one character at a time (stop 52's, with stop 53's regular-expression step). */
const stepped = (text: string): string => {
  if (!text.includes('/')) return text;
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const step = blankStep(text, i);
    if (step.blank) {
      out.push(text.slice(from, i), text.slice(i, step.end).replace(/[^\n]/g, ' '));
      from = step.end;
    }
    i = step.end;
  }
  out.push(text.slice(from));
  return out.join('');
};

const PIECES = ['/', '(', '=', 'return ', 'x', '//', '/*', '*/', '*', "'", '"', '`', '\\', '\n', '[', ']', '${', '}', 'a', ' ', 'x = 1;', '→', '日本'];
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

test('commentsBlanked: a regular expression is no comment, an unclosed /* blanks nothing', () => {
  const trim = "p.replace(/\\/*$/, '');\nf(path.join(a, 'b'));";
  assert.equal(commentsBlanked(trim), trim);
  assert.equal(commentsBlanked("x = /'/g; y('a') // c"), "x = /'/g; y('a')     ");
  assert.equal(commentsBlanked('return /\\/*/.test(s)'), 'return /\\/*/.test(s)');
  assert.equal(commentsBlanked('a / b /* c */'), 'a / b        ');
  assert.equal(commentsBlanked('a /* never closed\nb'), 'a /* never closed\nb');
});
