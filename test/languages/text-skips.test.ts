/**
 * text-skips.ts: where a comment or quoted literal ends, for the tolerant scanners
 * (function-region.ts, unplugin-auto-import's blanker, TSRX's template finder).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentEnd, insideQuoted, quotedEnd, quotedSpans } from '../../src/languages/javascript/text-skips.js';

test('commentEnd: a line comment stops before its line break, a block comment past its close', () => {
  const line = 'a // b\nc';
  assert.equal(commentEnd(line, 2), line.indexOf('\n'));
  assert.equal(commentEnd('x // to the end', 2), 'x // to the end'.length);
  const block = 'a /* b\n */ c';
  assert.equal(commentEnd(block, 2), block.indexOf('*/') + 2);
  assert.equal(commentEnd('/* never closed', 0), '/* never closed'.length);
  assert.equal(commentEnd('/**/x', 0), 4);
});

test('commentEnd: -1 where no comment starts', () => {
  for (const [text, i] of [['a / b', 2], ['x', 0], ['/', 0], ['"//"', 0], ['', 0]] as const) assert.equal(commentEnd(text, i), -1, text);
});

test('quotedEnd: strings end past their quote, escapes skipped, or past a line break they meet', () => {
  assert.equal(quotedEnd(`'ab' + c`, 0), 4);
  assert.equal(quotedEnd(`"a\\"b" c`, 0), 6);
  assert.equal(quotedEnd(`'it\\'s'`, 0), 7);
  assert.equal(quotedEnd(`"a'b"`, 0), 5);
  assert.equal(quotedEnd(`'open\nnext'`, 0), 6);
  assert.equal(quotedEnd(`'line\\\ncontinued'`, 0), `'line\\\ncontinued'`.length);
  assert.equal(quotedEnd(`'never`, 0), 6);
  assert.equal(quotedEnd(`'ends in an escape\\`, 0), `'ends in an escape\\`.length);
});

test('quotedEnd: a template literal spans lines and is taken whole, up to its first plain backtick', () => {
  assert.equal(quotedEnd('`a\nb` c', 0), 5);
  assert.equal(quotedEnd('`a ${b} c` d', 0), 10);
  assert.equal(quotedEnd('`a \\` b` c', 0), 8);
  // A substitution is not read: its inner backtick ends the literal.
  assert.equal(quotedEnd('`a ${`b`} c`', 0), 6);
});

test('quotedEnd: a regular expression may hold a slash in a class; its flags are not part of it', () => {
  assert.equal(quotedEnd('/a\\/b/g.test(x)', 0), 6);
  assert.equal(quotedEnd('/[/}]+/.test(x)', 0), 7);
  assert.equal(quotedEnd('/never\nx', 0), 7);
});

test('quotedEnd and commentEnd: text beyond Latin-1 (two-byte strings) is read as any other', () => {
  assert.equal(quotedEnd(`'naïve → ok' + c`, 0), 12);
  assert.equal(quotedEnd('`日本\n語` x', 0), 6);
  assert.equal(quotedEnd(`"→\\"x" y`, 0), 6);
  assert.equal(quotedEnd(`'→ open\nnext'`, 0), 8);
  assert.equal(commentEnd('→ // 日本\nx', 2), '→ // 日本'.length);
  assert.equal(commentEnd('→ / 日本', 2), -1);
  assert.equal(commentEnd('→ /* 日本 */ x', 2), '→ /* 日本 */'.length);
});

test('quotedSpans and insideQuoted: a call in a string is text, in a template only outside its ${…}', () => {
  const text = "f('a'); g(\"f('b')\"); // f('c')\nh(`f('d') ${f('e')} f('g')`);";
  const spans = quotedSpans(text);
  const at = (s: string) => text.indexOf(s);
  assert.equal(insideQuoted(text, spans, at("f('a')")), false);
  assert.equal(insideQuoted(text, spans, at("f('b')")), true);
  // A comment is not a string (commentsBlanked is the caller's first step).
  assert.equal(insideQuoted(text, spans, at("f('c')")), false);
  assert.equal(insideQuoted(text, spans, at("f('d')")), true);
  assert.equal(insideQuoted(text, spans, at("f('e')")), false);
  assert.equal(insideQuoted(text, spans, at("f('g')")), true);
  assert.equal(insideQuoted('', quotedSpans(''), 0), false);
});
