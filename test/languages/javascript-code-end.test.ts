/** codeEnd and the helpers that bound an arrow's expression with it (expressionEnd, enclosingFunction): stop 55. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEnd } from '../../src/languages/javascript/code-end.js';
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
