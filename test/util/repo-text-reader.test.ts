/**
 * util/fs.ts's repoTextReader given discovery's listing: a listed regular file is not lstat'ed
 * again, but its folders still are, so a file reached through a linked folder that leads out of
 * the root is never read, listed or not; a listed link is still followed and checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoTextReader, type ListedFile } from '../../src/util/fs.js';
import { scratchDir } from '../helpers/scratch.js';

const SECRET = 'FAKE-SECRET-reader';

const repo = (): string => {
  const root = scratchDir('census-reader-root-');
  const outside = scratchDir('census-reader-outside-');
  writeFileSync(join(outside, 'secret.txt'), SECRET);
  mkdirSync(join(outside, 'folder'));
  writeFileSync(join(outside, 'folder', 'config.json'), SECRET);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'app.ts'), 'inside');
  writeFileSync(join(root, 'big.txt'), '0123456789');
  symlinkSync(join(outside, 'folder'), join(root, 'linked')); // a folder link out of the root
  symlinkSync('src', join(root, 'near')); // a folder link inside it
  symlinkSync(join(outside, 'secret.txt'), join(root, 'secret.txt'));
  return root;
};

/** What discovery would have seen: the listed paths as regular files (or links), with their sizes. */
const listing = (entries: Record<string, { bytes: number; symlink: boolean }>): ListedFile => (path) => entries[path];

test('repo reader: a listed file under a folder linked out of the root is not read', () => {
  const root = repo();
  const listed = listing({ 'linked/config.json': { bytes: SECRET.length, symlink: false }, 'src/app.ts': { bytes: 6, symlink: false } });
  const read = repoTextReader(root, undefined, listed);
  assert.equal(read('linked/config.json'), null);
  assert.equal(read('src/app.ts'), 'inside');
  assert.equal(repoTextReader(root)('linked/config.json'), null, 'unlisted: the same answer');
});

test('repo reader: a listed file under a folder linked inside the root is read', () => {
  const root = repo();
  const read = repoTextReader(root, undefined, listing({ 'near/app.ts': { bytes: 6, symlink: false } }));
  assert.equal(read('near/app.ts'), 'inside');
});

test('repo reader: a listed link is still followed and checked', () => {
  const root = repo();
  const read = repoTextReader(root, undefined, listing({ 'secret.txt': { bytes: SECRET.length, symlink: true } }));
  assert.equal(read('secret.txt'), null);
});

test('repo reader: the size limit holds for listed and unlisted files alike', () => {
  const root = repo();
  for (const listed of [listing({ 'big.txt': { bytes: 10, symlink: false } }), undefined]) {
    const over: [string, number][] = [];
    const read = repoTextReader(root, { maxBytes: 8, onTooLarge: (path, bytes) => over.push([path, bytes]) }, listed);
    assert.equal(read('big.txt'), null);
    assert.deepEqual(over, [['big.txt', 10]]);
    assert.equal(read('src/app.ts'), 'inside', 'unlisted, under the limit');
  }
});

test('repo reader: a text extraction kept is taken only where the reader would read the file', () => {
  const root = repo();
  const kept: Record<string, string> = { 'src/app.ts': 'kept', 'linked/config.json': 'kept', 'secret.txt': 'kept', 'big.txt': 'kept' };
  const listed = listing({ 'src/app.ts': { bytes: 6, symlink: false }, 'linked/config.json': { bytes: SECRET.length, symlink: false }, 'secret.txt': { bytes: SECRET.length, symlink: true }, 'big.txt': { bytes: 10, symlink: false } });
  const read = repoTextReader(root, { maxBytes: 8, onTooLarge: () => {} }, listed, (path) => kept[path]);
  assert.equal(read('src/app.ts'), 'kept');
  // Out of the root, through a folder or a file link, or over the size limit: null, as without it.
  assert.equal(read('linked/config.json'), null);
  assert.equal(read('secret.txt'), null);
  assert.equal(read('big.txt'), null);
  assert.equal(read('near/app.ts'), 'inside', 'nothing kept: read from disk');
});
