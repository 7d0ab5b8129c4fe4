/** The shared pieces of the JS text readers: an identifier, and a bracket's balanced text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balancedText, IDENTIFIER } from '../../src/languages/javascript/js-text.js';

test('IDENTIFIER: a whole name, $ and _ included, nothing else; it keeps no state between tests', () => {
  for (const name of ['a', '$el', '_x1', 'camelCase', 'a$b']) assert.ok(IDENTIFIER.test(name), name);
  for (const text of ['', '1a', 'a.b', 'a b', ' a', 'a-b', 'f()']) assert.ok(!IDENTIFIER.test(text), text);
  assert.ok(IDENTIFIER.test('a') && IDENTIFIER.test('a'));
});

test('balancedText: the bracket at the position through its match, over strings and escapes', () => {
  const text = `f(a, g(")"), ['(', "\\")"], { k: '}' }) + 1`;
  assert.equal(balancedText(text, 1), `(a, g(")"), ['(', "\\")"], { k: '}' })`);
  assert.equal(balancedText(text, text.indexOf('[')), `['(', "\\")"]`);
  assert.equal(balancedText(text, text.indexOf('{')), `{ k: '}' }`);
  // Only its own kind counts.
  assert.equal(balancedText('(a[)]', 0), '(a[)');
});

test('balancedText: null for a position without an opener, an unclosed bracket, or a match past the window', () => {
  assert.equal(balancedText('f(a)', 0), null);
  assert.equal(balancedText('f(a', 1), null);
  assert.equal(balancedText(`(${'x'.repeat(20)})`, 0, 10), null);
  assert.equal(balancedText(`(${'x'.repeat(20)})`, 0, 22), `(${'x'.repeat(20)})`);
});
