/**
 * util/fs.ts's scratchReader, which extraction reads every file with: whole files whatever size
 * the caller expected (a file may grow or shrink after discovery listed it), one buffer reused
 * from read to read, and the same failure words as readBytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBytes, scratchReader } from '../../src/util/fs.js';
import { scratchDir } from '../helpers/scratch.js';

const text = (read: ReturnType<ReturnType<typeof scratchReader>>): string => ('bytes' in read ? Buffer.from(read.bytes).toString('utf8') : `error: ${read.error}`);

test('scratch reader: the whole file, whatever size was expected', () => {
  const dir = scratchDir('census-scratch-reader-');
  const read = scratchReader();
  const small = join(dir, 'small.txt');
  writeFileSync(small, 'hello');
  assert.equal(text(read(small, 5)), 'hello');
  assert.equal(text(read(small, 2)), 'hello', 'grew since it was listed');
  assert.equal(text(read(small, 50)), 'hello', 'shrank since it was listed');
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  assert.equal(text(read(empty, 0)), '');
  assert.equal(text(read(empty, 3)), '');
  // past the buffer's first size, expected or not
  const big = join(dir, 'big.txt');
  const content = 'x'.repeat(300_000) + 'end';
  writeFileSync(big, content);
  assert.equal(text(read(big, content.length)), content);
  assert.equal(text(read(big, 10)), content);
  assert.equal(text(read(small, 5)), 'hello', 'a short file after a long one');
});

test('scratch reader: failures in the words readBytes uses', () => {
  const dir = scratchDir('census-scratch-reader-');
  const read = scratchReader();
  const missing = join(dir, 'missing.txt');
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  for (const path of [missing, folder]) {
    const got = read(path, 10);
    const expected = readBytes(path);
    assert.ok('error' in got && 'error' in expected);
    assert.equal(got.error, expected.error);
  }
});
