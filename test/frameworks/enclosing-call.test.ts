/** enclosing-call.ts: the innermost call around an offset, read backwards. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enclosingCall } from '../../src/frameworks/js/enclosing-call.js';

const at = (text: string, marker: string) => enclosingCall(text, text.indexOf(marker));

test('enclosing-call: the callee and the arguments before the offset', () => {
  assert.deepEqual(at("read(path.join(__dirname, 'a'), 'x.json')", "'x.json'"), { callee: 'read', before: ["path.join(__dirname, 'a')"], current: '' });
  assert.deepEqual(at('require(path.join(dir, m.main || "index.js"))', '.main'), { callee: 'path.join', before: ['dir'], current: 'm' });
  // A `(` inside a string before the offset is the string's text.
  assert.equal(at("f('(', g, 'x.json')", "'x.json'")?.callee, 'f');
});

test('enclosing-call: no call around a statement, a test, an object or an array', () => {
  assert.equal(at("const n = 'x.json';", "'x.json'"), null);
  assert.equal(at('x = { a: m.main }', '.main'), null);
  assert.equal(at('f(); m.main', '.main'), null);
  assert.equal(at('if (m.main) go()', '.main')?.callee, 'if');
});

test('enclosing-call: an offset inside a template\'s substitution is in the call the template is an argument of', () => {
  assert.equal(at('require(`${dir}/${m.entry}`)', '.entry')?.callee, 'require');
  assert.equal(at('import(`${base}/plugins/${name}/${m.main}`)', '.main')?.callee, 'import');
  // The template of a log, or of an object's value, is not a file call's argument.
  assert.equal(at('console.log(`${dir}: ${m.readme}`)', '.readme')?.callee, 'console.log');
  assert.equal(at('x = { a: `${m.main}` }', '.main'), null);
});

test('enclosing-call: a quote whose opening is on an earlier line, or before the window on a long line, ends the search', () => {
  assert.equal(at("f('a\n', m.main)", '.main'), null);
  assert.equal(at(`f('${'a'.repeat(500)}', m.main)`, '.main'), null);
});
