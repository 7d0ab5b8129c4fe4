/** util/jsonc: comments and trailing commas blanked in place, held to the character-array version it replaced. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonc, stripJsonc } from '../../src/util/jsonc.js';

/** stripJsonc as it was until stop 45: a split into characters, a walk over every one, a join. */
const reference = (text: string): string => {
  const out = text.split('');
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] !== '\n') out[i] = ' ';
        i++;
      }
      if (i < n) out[i] = out[i + 1] = ' ';
      i += 2;
    } else if (c === ',') {
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text[j] === '/' && text[j + 1] === '/') {
          while (j < n && text[j] !== '\n') j++;
        } else if (text[j] === '/' && text[j + 1] === '*') {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? n : end + 2;
        } else {
          break;
        }
      }
      if (text[j] === '}' || text[j] === ']') out[i] = ' ';
      i++;
    } else {
      i++;
    }
  }
  return out.join('');
};

test('stripJsonc blanks comments and trailing commas and keeps every offset', () => {
  const text = '{\n  // a comment\n  "a": "x // not one, \\"quoted\\"",\n  /* block\n  comment */ "b": [1, 2,],\n}';
  const stripped = stripJsonc(text);
  assert.equal(stripped.length, text.length);
  assert.equal(stripped.split('\n').length, text.split('\n').length);
  assert.deepEqual(JSON.parse(stripped), { a: 'x // not one, "quoted"', b: [1, 2] });
  assert.deepEqual(parseJsonc(text), { value: { a: 'x // not one, "quoted"', b: [1, 2] } });
});

test('stripJsonc returns plain JSON as it is', () => {
  const text = '{ "name": "x", "list": [1, 2, 3], "path": "a/b" }';
  assert.equal(stripJsonc(text), text);
});

test('stripJsonc gives what the character-array version gave, on edge cases and random texts', () => {
  const cases = ['', '/', '/*', '/*/', '/*/ x */', '"', '"\\', '"\\"', ',', ', ]', ',\u00a0}', ',\u2028]', ',/* c */}', ',// c\n]', ',/* open', 'a,b', '"a,}"', '{"a":1,/**/ }', '\r\n/*\r\n*/,\r\n}', '😀,// 😀\n}'];
  for (const text of cases) assert.equal(stripJsonc(text), reference(text), JSON.stringify(text));
  const alphabet = ['"', '\\', '/', '*', ',', '}', ']', '\n', ' ', '\t', '\u00a0', 'a', '1', '{', '[', ':', '\r', '😀'];
  let seed = 45;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 0; k < 3000; k++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let c = 0; c < length; c++) text += alphabet[Math.floor(random() * alphabet.length)];
    assert.equal(stripJsonc(text), reference(text), JSON.stringify(text));
  }
});
