/** lineOfKey (entries/support/config-document.ts): the evidence line for a key of a JSON(C) or TOML deploy config. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOfKey } from '../../src/entries/support/config-document.js';

test('lineOfKey: a key inside a JSONC comment sets nothing; the real key is found', () => {
  const text = '{\n  // "main": "src/old.js",\n  /* "main": "src/older.js" */\n  "name": "w",\n  "main": "src/index.js"\n}\n';
  assert.equal(lineOfKey(text, 'main'), 5);
  assert.equal(lineOfKey(text, 'main', 'src/old.js'), undefined);
});

test('lineOfKey: a JSONC file that opens with a comment is read as JSONC; a // inside a string is kept', () => {
  const text = '// wrangler config\n{\n  "route": "https://example.test/*",\n  "main": "src/index.js"\n}\n';
  assert.equal(lineOfKey(text, 'route', 'https://example.test/*'), 3);
  assert.equal(lineOfKey(text, 'main'), 4);
});

test('lineOfKey: TOML is read as written', () => {
  assert.equal(lineOfKey('name = "w"\nmain = "src/index.js"\n', 'main', 'src/index.js'), 2);
});
