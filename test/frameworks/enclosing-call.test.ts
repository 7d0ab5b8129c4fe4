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
