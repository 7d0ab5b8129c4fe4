/** codeEnd and the helpers that bound an arrow's expression with it (expressionEnd, enclosingFunction): stop 55; bracketPairs, the whole-text matcher on the same steps: stop 57. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bracketPairs, codeEnd } from '../../src/languages/javascript/code-end.js';
import { expressionEnd } from '../../src/languages/javascript/folder-expr.js';
import { enclosingFunction } from '../../src/frameworks/js/parameter-values.js';

test('expressionEnd: a bracket, quote or comma in a regular expression or a comment does not end the body', () => {
  for (const body of ["p.replace(/[)]/, '') && require(p)", "p.split(/,/) && require(p)", "/'/.test(p) || require(p)", 'p /* ), */ && require(p)']) {
    const text = `const load = (p) => ${body};\nrun();\n`;
    const start = text.indexOf('=>') + 3;
    assert.equal(expressionEnd(text, start), text.indexOf(';\nrun'), body);
    assert.equal(enclosingFunction(text, text.indexOf('require(p)'))?.name, 'load', body);
  }
});

test('expressionEnd: where it stops: a division is no regular expression, and the body ends at its comma, semicolon or line end', () => {
  const text = 'const f = (a) => a / 2 + b / 3, g = 1;\n';
  assert.equal(expressionEnd(text, text.indexOf('=>') + 3), text.indexOf(', g'));
  const call = 'xs.map((p) => require(p)).length;\n';
  assert.equal(expressionEnd(call, call.indexOf('=>') + 3), call.indexOf(').length'));
  const line = 'const f = (p) => require(p)\nconst g = 2\n';
  assert.equal(codeEnd(line, line.indexOf('=>') + 3, false), line.indexOf('\nconst g'));
});

test('bracketPairs: brackets in strings, templates, comments and regular expressions are text; one stack for the kinds asked', () => {
  const text = "for (const k in T) { s = s.replace(/'/g, '{'); t = `}${k}`; /* } */ f(a[k]); }\n";
  const pairs = bracketPairs(text, '([{');
  const closeOf = (open: number): number => pairs.find((p) => p.open === open)?.close ?? -2;
  assert.equal(closeOf(text.indexOf('{')), text.lastIndexOf('}'));
  assert.equal(closeOf(text.indexOf('(const')), text.indexOf(') {'));
  assert.equal(closeOf(text.indexOf('[k]')), text.indexOf('[k]') + 2);
  assert.deepEqual(bracketPairs(text, '{').map((p) => p.open), [text.indexOf('{')]);
});

test('bracketPairs: where it stops: a regular expression that meets a line break leaves every bracket open there unclosed; a division is no regular expression', () => {
  const unsure = 'if (a) {\n  x = (y, /\n  z);\n}\nfunction g() { return 1; }\n';
  const pairs = bracketPairs(unsure, '([{');
  assert.equal(pairs.find((p) => p.open === unsure.indexOf('{'))?.close, -1);
  assert.equal(pairs.find((p) => p.open === unsure.indexOf('{ return'))?.close, unsure.lastIndexOf('}'));
  const division = 'const f = () => { return a / 2 + b / 3; };\n';
  assert.equal(bracketPairs(division, '{')[0].close, division.lastIndexOf('}'));
});
