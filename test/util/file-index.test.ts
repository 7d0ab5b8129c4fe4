/** The file set's sorted views: a folder's run of paths is exactly the paths with that prefix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldersWithPaths, holdsPrefix, isFolder, listedPaths, namesInDir, pathsInDir, pathsNamedLike, pathsWithPrefix, sortedPaths } from '../../src/util/file-index.js';
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

// Not sorted, as a reader test's set may be: the listed order is the set's own.
const NAMED = ['z/Gulpfile.babel.js', 'a/gulpfile.js', 'setup.py', 'x/.py', 'docs/README', 'm/alembic.ini', 'b/setup.cfg', 'LICENSE', 'c/a.d.ts', 'c/a.PY', '.eslintrc.json', 'q/.eslintrc'];

test('pathsNamedLike: exactly the paths whose lower-cased stem or extension is asked, in the set order or byString order', () => {
  const files = new Set(NAMED);
  const stemOf = (p: string) => { const n = p.slice(p.lastIndexOf('/') + 1).toLowerCase(); const d = n.indexOf('.', 1); return d === -1 ? n : n.slice(0, d); };
  const extOf = (p: string) => { const n = p.slice(p.lastIndexOf('/') + 1).toLowerCase(); const d = n.lastIndexOf('.'); return d === -1 ? '' : n.slice(d + 1); };
  const asks: { stems?: string[]; extensions?: string[] }[] = [
    { stems: ['gulpfile'] }, { extensions: ['py'] }, { extensions: [''] }, { stems: ['setup'], extensions: ['py', 'cfg'] }, { stems: ['.eslintrc'] },
    { stems: ['alembic', 'nope'], extensions: ['ini'] }, { extensions: ['ts'] }, { stems: ['a'] }, {}, { stems: ['nope'] },
  ];
  for (const keys of asks) {
    const want = NAMED.filter((p) => (keys.stems ?? []).includes(stemOf(p)) || (keys.extensions ?? []).includes(extOf(p)));
    assert.deepEqual(pathsNamedLike(files, keys), want, JSON.stringify(keys));
    assert.deepEqual(pathsNamedLike(files, keys, 'sorted'), [...want].sort(byString), JSON.stringify(keys));
  }
  // What a reader's own test passes is among them, in its walk's order: the walk over these finds what the walk of every path found.
  assert.deepEqual(pathsNamedLike(files, { stems: ['gulpfile'] }, 'sorted').filter((f) => /^gulpfile(?:\.babel)?\.[cm]?[jt]s$/i.test(f.slice(f.lastIndexOf('/') + 1))), sortedPaths(files).filter((f) => /^gulpfile(?:\.babel)?\.[cm]?[jt]s$/i.test(f.slice(f.lastIndexOf('/') + 1))));
  assert.deepEqual(pathsNamedLike(files, { extensions: ['py'] }).filter((f) => f.endsWith('.py')), listedPaths(files).filter((f) => f.endsWith('.py')));
  assert.deepEqual(pathsNamedLike(files, { extensions: ['py'] }), ['setup.py', 'x/.py', 'c/a.PY']);
});

test('pathsNamedLike: the buckets are made on the first question alone, once, and again after the set grew', () => {
  const files = new Set(NAMED);
  const lower = String.prototype.toLowerCase;
  let calls = 0;
  String.prototype.toLowerCase = function (this: string) {
    calls++;
    return lower.call(this);
  };
  try {
    listedPaths(files);
    sortedPaths(files);
    pathsWithPrefix(files, 'c/');
    namesInDir(files, 'c');
    assert.equal(calls, 0, 'no other view makes them');
    const first = pathsNamedLike(files, { extensions: ['py'] });
    assert.equal(calls, NAMED.length, 'one pass over the paths');
    assert.equal(pathsNamedLike(files, { extensions: ['py'] }), first, 'an answer is kept');
    pathsNamedLike(files, { stems: ['setup'] }, 'sorted');
    assert.equal(calls, NAMED.length, 'later questions are lookups');
    files.add('new/b.py');
    assert.deepEqual(pathsNamedLike(files, { extensions: ['py'] }), ['setup.py', 'x/.py', 'c/a.PY', 'new/b.py']);
    assert.equal(calls, 2 * NAMED.length + 1);
  } finally {
    String.prototype.toLowerCase = lower;
  }
});
