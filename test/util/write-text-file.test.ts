/**
 * util/fs.ts's writeTextFile gathers a text given in pieces into one buffer per write (the JSON
 * reporter's 13 KB pieces): the file holds the pieces' UTF-8, byte for byte, across the buffer's
 * edges, with characters of 2, 3 and 4 bytes and pieces larger than the buffer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextFile } from '../../src/util/fs.js';
import { scratchDir } from '../helpers/scratch.js';

test('a text in pieces is written as the pieces joined, in UTF-8', () => {
  const dir = scratchDir('census-write-text-');
  const pieces: string[] = [];
  // about 3 MB in pieces of many sizes, so the buffer fills mid-way through pieces of every kind
  const alphabet = ['a', 'é', '€', '😀', '\n', '"'];
  for (let i = 0; i < 600; i++) pieces.push(alphabet[i % alphabet.length].repeat(1 + ((i * 7919) % 9000)));
  pieces.push('x'.repeat(1_500_000), '', '€'.repeat(400_000), 'end\n');
  const file = join(dir, 'out.json');
  writeTextFile(file, pieces.values());
  assert.ok(readFileSync(file).equals(Buffer.from(pieces.join(''), 'utf8')));
  writeTextFile(file, [].values());
  assert.equal(readFileSync(file).length, 0, 'no pieces: an empty file');
});
