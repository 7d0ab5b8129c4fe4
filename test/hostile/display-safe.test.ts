/** Text formats get repo strings with control characters made visible; JSON keeps the real data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displaySafe } from '../../src/report/display-safe.js';
import { displayText } from '../../src/util/display-text.js';

test('control characters become visible escapes; other text is untouched', () => {
  assert.equal(displayText('tools/\u001b]0;owned\u0007title.py'), 'tools/\\u001b]0;owned\\u0007title.py');
  assert.equal(displayText('x\n::error file=a::b.py'), 'x\\n::error file=a::b.py');
  assert.equal(displayText('naïve — ok\ttab'), 'naïve — ok\ttab');
});

test('every string of nested data is made safe, keys included, and the input is not changed', () => {
  const data = { files: [{ path: 'a\u001b.py', evidence: ['run by x\ny'] }], byPath: { 'k\u0007': 1 }, n: 3, none: null };
  const safe = displaySafe(data);
  assert.deepEqual(safe, { files: [{ path: 'a\\u001b.py', evidence: ['run by x\\ny'] }], byPath: { 'k\\u0007': 1 }, n: 3, none: null });
  assert.equal(data.files[0].path, 'a\u001b.py');
});
