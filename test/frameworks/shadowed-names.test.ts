/** shadowedBetween: where a callback taking a name ends, and which names its list binds (review s54-rm5 of stop 54). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shadowedBetween } from '../../src/frameworks/js/shadowed-names.js';

const at = (text: string, marker: string): number => text.lastIndexOf(marker);

test('shadowedBetween: a quote or a brace in a regular expression does not run a callback past its end', () => {
  for (const callback of ["xs.map(cmd => cmd.replace(/'/g, ''))", 'xs.filter((cmd) => { return /^\\s*\\{/.test(cmd); })', 'xs.filter(cmd => /\\{/.test(cmd))', 'xs.map(cmd => `${cmd}{`)']) {
    const text = `function f() {\n  const cmd = 'a.sh';\n  ${callback};\n  run(cmd);\n}\n`;
    assert.equal(shadowedBetween(text, 'cmd', 0, at(text, 'run(cmd)') + 4), false, callback);
    assert.equal(shadowedBetween(text, 'cmd', 0, text.indexOf('cmd', text.indexOf('=>')) + 1), true, callback);
  }
});

test('shadowedBetween: a pattern binds its names, not its keys nor a type after it', () => {
  const use = (list: string): boolean => {
    const text = `const T = {};\nxs.map((${list}) => use(T));\n`;
    return shadowedBetween(text, 'T', 1, at(text, 'use(T)') + 4);
  };
  assert.equal(use('{ T }'), true);
  assert.equal(use('{ a: T }'), true);
  assert.equal(use('[a, T]'), true);
  assert.equal(use('{ T: t }'), false);
  assert.equal(use("{ 'T': t }"), false);
  assert.equal(use('{ a }: T'), false);
  assert.equal(use('{ a = T }'), false);
});

test('shadowedBetween: a return type\'s last name is no parameter, in a union or after typeof too', () => {
  const use = (head: string): boolean => {
    const text = `const T = {};\nconst f = ${head} => use(T);\n`;
    return shadowedBetween(text, 'T', 1, at(text, 'use(T)') + 4);
  };
  assert.equal(use('(x): T'), false);
  assert.equal(use('(x): A | T'), false);
  assert.equal(use('(x): A & T'), false);
  assert.equal(use('(x): typeof T'), false);
  assert.equal(use('(x): A |\n  T'), false);
  // Where it stops: a bare parameter is still one.
  assert.equal(use('T'), true);
  assert.equal(use('async T'), true);
});
