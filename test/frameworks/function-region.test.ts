/**
 * functionRegion walks a text's braces once and answers every position from that walk. It must
 * give, for every text and position, what the walk from the start of the text up to the position
 * gave (kept here as the reference): unbalanced braces, unclosed comments and literals, positions
 * inside them and past the end included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { functionRegion, walkBraces, type Region } from '../../src/frameworks/js/function-region.js';
import { commentEnd, quotedEnd } from '../../src/languages/javascript/text-skips.js';
import { assertProperty } from '../helpers/property.js';

const BLOCK_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
const REGEX_BEFORE = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

const opensFunction = (text: string, brace: number): boolean => {
  const before = text.slice(Math.max(0, brace - 400), brace).trimEnd();
  if (before.endsWith('=>')) return true;
  if (!before.endsWith(')')) return false;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) {
      const word = /([A-Za-z_$][\w$]*)\s*$/.exec(before.slice(0, i))?.[1];
      return word === undefined || !BLOCK_KEYWORDS.has(word);
    }
  }
  return false;
};

/** The walk per position, as functionRegion made it before it kept one walk per text. */
const reference = (text: string, index: number): Region => {
  const whole = { start: 0, end: text.length };
  const stack: { at: number; fn: boolean }[] = [];
  let target: { at: number } | null = null;
  let last = '';
  for (let i = 0; i < text.length; i++) {
    if (target === null && i >= index) {
      const fns = stack.filter((s) => s.fn);
      if (fns.length === 0) return whole;
      target = fns[fns.length - 1];
    }
    const c = text[i];
    const comment = commentEnd(text, i);
    if (comment >= 0) {
      i = comment - 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`' || (c === '/' && REGEX_BEFORE.has(last))) {
      i = quotedEnd(text, i) - 1;
      last = 'x';
      continue;
    }
    if (c === '{') stack.push({ at: i, fn: opensFunction(text, i) });
    else if (c === '}') {
      const open = stack.pop();
      if (open === undefined) return whole;
      if (open === target) return { start: open.at + 1, end: i };
    }
    if (!/\s/.test(c)) last = /[\w$)\]]/.test(c) ? 'x' : c;
  }
  return whole;
};

const PIECES = ['{', '}', '{', '}', '(', ')', ' => ', 'function f(a) ', 'if (x) ', 'g(', 'x', ' ', '\n', '"', "'", '`', '/', '//', '/*', '*/', '\\', '=', ';', '/[}]/', 'a / b', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u2009', '\u200b', 'é'];

test('functionRegion: the same region as the walk per position, for every position of random texts', () => {
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
  assertProperty(
    fc.property(text, text, (a, b) => {
      // positions of both texts in turn: the kept walk must follow the text it is asked about
      for (let i = -1; i <= a.length + 1; i++) {
        assert.deepEqual(functionRegion(a, i), reference(a, i), `${JSON.stringify(a)} at ${i}`);
        const j = Math.min(i, b.length);
        assert.deepEqual(functionRegion(b, j), reference(b, j), `${JSON.stringify(b)} at ${j}`);
      }
    }),
    { numRuns: 400 },
  );
});

test('functionRegion: nested functions, a block that is not one, an unmatched brace after the body', () => {
  const text = 'function outer(a) { if (a) { const g = () => { run(a); }; } after(); } }';
  for (const at of [text.indexOf('run'), text.indexOf('after'), text.indexOf('if'), 0, text.length]) assert.deepEqual(functionRegion(text, at), reference(text, at));
  assert.deepEqual(functionRegion(text, text.indexOf('run')), { start: text.indexOf('=> {') + 4, end: text.indexOf('}; }') });
  // after an unmatched `}` the braces are misread: every position gets the whole text
  const stray = 'function a() { one(); } } function b() { two(); }';
  assert.deepEqual(functionRegion(stray, stray.indexOf('one')), { start: stray.indexOf('{') + 1, end: stray.indexOf('}') });
  assert.deepEqual(functionRegion(stray, stray.indexOf('two')), { start: 0, end: stray.length });
  assert.deepEqual(reference(stray, stray.indexOf('two')), { start: 0, end: stray.length });
});

// Comments, the three quotes, a template with a substitution, an escape, a string a line break
// ends, a regular expression and a division, function bodies after `=>` and after parameters, a
// block after `if`, and an unmatched `}` that ends the walk.
const BRANCHES_TEXT = [
  '// a line comment {',
  '/* a block comment } */',
  "const a = 'x{', b = \"y}\", c = `z${a}{`;",
  'const d = a.replace(/[{}]/g, \'\') / 2;',
  "const e = 'it\\'s{', h = 'a string a line break ends {",
  'const f = (x) => { if (x) { return x; } return (y) => { return y; }; };',
  'function g(p, q) { while (p) { p = q(p); } return [p]; }',
  '}',
].join('\n');

test('walkBraces skips braces in comments, strings, templates and a regex, leaves out blocks that are not function bodies, and stops at an unmatched brace, in one-byte and two-byte text (decoded from UTF-8, as a file is)', () => {
  const texts = [BRANCHES_TEXT, BRANCHES_TEXT.replace(/\{'|\}"|`;|\}\]/g, (m) => `\u2192${m}`)].map((t) => Buffer.from(t, 'utf8').toString('utf8'));
  assert.ok([...texts[1]].some((c) => c.charCodeAt(0) > 0xff));
  for (const text of texts) {
    const bodies = walkBraces(text).map((f) => text.slice(f.at, f.close + 1));
    assert.deepEqual(bodies, ['{ if (x) { return x; } return (y) => { return y; }; }', '{ return y; }', '{ while (p) { p = q(p); } return [p]; }']);
    assert.ok(text.endsWith('\n}'));
  }
});
