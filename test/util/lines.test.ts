/** util/lines: line numbers of offsets, and of the first line holding every needle (a JSON value's line). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineAt, lineHolding, lineOfOffset, lineStarts } from '../../src/util/lines.js';

test('lineHolding gives the first line that holds every needle, CRLF or not', () => {
  const text = '{\r\n  "name": "x",\r\n  "main": "lib/x.js",\r\n  "bin": { "main": "bin/x.js" }\r\n}';
  assert.equal(lineHolding(text, '"main"'), 3);
  assert.equal(lineHolding(text, '"main"', '"bin/x.js"'), 4);
  assert.equal(lineHolding(text, '"main"', '"nowhere.js"'), undefined);
  assert.equal(lineHolding(text), 1, 'no needle: the first line');
});

test('lineOfOffset and lineAt agree on every offset', () => {
  const text = 'a\nbc\n\nd';
  const starts = lineStarts(text);
  for (let i = 0; i <= text.length; i++) assert.equal(lineOfOffset(starts, i), lineAt(text, i), `offset ${i}`);
});
