/** The file set's sorted views: a folder's run of paths is exactly the paths with that prefix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldersWithPaths, holdsPrefix, isFolder, listedPaths, namesInDir, pathsInDir, pathsWithPrefix } from '../../src/util/file-index.js';
import { byString } from '../../src/util/compare.js';

const FILES = ['a.ts', 'a/b.ts', 'a/b/c.ts', 'a/bc.ts', 'a-b/x.ts', 'ab/y.ts', 'b/z.ts', 'z.ts', 'a/b/d/e.ts', 'é/f.ts', 'a/\u{1F600}.ts'];

test('pathsWithPrefix: every path with the prefix, sorted, for each prefix of each path and some that match none', () => {
  const files = new Set(FILES);
  const prefixes = new Set(['', 'q/', 'zz', 'a/b/d/e.ts/', ...FILES.flatMap((f) => [...f].map((_, i) => f.slice(0, i + 1)))]);
  for (const prefix of prefixes) {
    const expected = FILES.filter((f) => f.startsWith(prefix)).sort(byString);
    assert.deepEqual(pathsWithPrefix(files, prefix), expected, prefix);
  }
});

test('holdsPrefix and isFolder: whether any path has the prefix, for each prefix of each path and some that match none', () => {
  const files = new Set(FILES);
  const sorted = [...FILES].sort(byString);
  const prefixes = new Set(['', 'q/', 'zz', 'a/b/d/e.ts/', ...FILES.flatMap((f) => [...f].map((_, i) => f.slice(0, i + 1)))]);
  for (const prefix of prefixes) assert.equal(holdsPrefix(sorted, prefix), FILES.some((f) => f.startsWith(prefix)), prefix);
  assert.equal(holdsPrefix([], ''), false);
  for (const folder of ['', 'a', 'a/b', 'a/b/d', 'é', 'ab', 'a-b', 'q', 'a/b.ts', 'a/b/d/e.ts']) assert.equal(isFolder(files, folder), FILES.some((f) => f.startsWith(folder === '' ? '' : `${folder}/`)), folder);
});

test('pathsInDir: the paths directly in a folder', () => {
  const files = new Set(FILES);
  assert.deepEqual(pathsInDir(files, 'a'), ['a/\u{1F600}.ts', 'a/b.ts', 'a/bc.ts'].sort(byString));
  assert.deepEqual(pathsInDir(files, ''), ['a.ts', 'z.ts']);
  assert.deepEqual(pathsInDir(files, 'nope'), []);
});

test('namesInDir: the i-th name is the i-th path of pathsInDir, for every folder', () => {
  const files = new Set(FILES);
  for (const dir of ['', 'a', 'a/b', 'a/b/d', 'é', 'nope']) {
    assert.deepEqual(namesInDir(files, dir), pathsInDir(files, dir).map((p) => p.slice(p.lastIndexOf('/') + 1)), dir);
  }
  assert.deepEqual(namesInDir(files, 'a'), ['\u{1F600}.ts', 'b.ts', 'bc.ts'].sort(byString));
});

test('namesInDir and pathsInDir follow a set that grew', () => {
  const files = new Set(['x/a.ts']);
  assert.deepEqual(namesInDir(files, 'x'), ['a.ts']);
  files.add('x/b.ts');
  assert.deepEqual(pathsInDir(files, 'x'), ['x/a.ts', 'x/b.ts']);
  assert.deepEqual(namesInDir(files, 'x'), ['a.ts', 'b.ts']);
});

test('listedPaths: the paths in the order of the set, again after the set grew', () => {
  const files = new Set(['z.ts', 'a/b.ts', 'm.ts']);
  assert.deepEqual(listedPaths(files), ['z.ts', 'a/b.ts', 'm.ts']);
  files.add('b.ts');
  assert.deepEqual(listedPaths(files), ['z.ts', 'a/b.ts', 'm.ts', 'b.ts']);
});

test('foldersWithPaths: each folder that directly holds a path, once, the root as ""', () => {
  const files = new Set(FILES);
  const want = [...new Set(FILES.map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '')))].sort(byString);
  assert.deepEqual([...foldersWithPaths(files)].sort(byString), want);
  assert.ok(!want.includes('a/b/d/e.ts'));
});
