/**
 * Repo path helpers: dirname, basename and joinRepo slice plain repo paths themselves (they are
 * asked millions of times a scan); every string must get node:path's answer as these helpers
 * always gave it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import nodePath from 'node:path';
import fc from 'fast-check';
import { basename, dirname, foldersOf, joinAbsolute, joinRepo, toRepoPath } from '../../src/util/path.js';

const reference = {
  dirname: (p: string): string => {
    const d = nodePath.posix.dirname(p);
    return d === '.' ? '' : d;
  },
  basename: (p: string): string => nodePath.posix.basename(p),
  joinRepo: (...segments: string[]): string | null => {
    const joined = nodePath.posix.normalize(nodePath.posix.join(...segments.filter((s) => s !== '')));
    if (joined === '.' || joined === './') return '';
    if (joined.startsWith('../') || joined === '..' || joined.startsWith('/')) return null;
    return joined.replace(/\/$/, '');
  },
  toRepoPath: (root: string, absolute: string): string | null => {
    const rel = nodePath.relative(root, absolute);
    if (rel === '') return '';
    return rel.startsWith('../') || rel === '..' || nodePath.isAbsolute(rel) ? null : rel;
  },
};

test('path helpers: plain repo paths and odd ones', () => {
  for (const p of ['', 'a', 'a/b', 'a/b/c.ts', '/a', 'a/', 'a//b', '//', '/', '.', '..', 'a/./b', 'a/../b', './a', '.a/b.c']) {
    assert.equal(dirname(p), reference.dirname(p), `dirname ${JSON.stringify(p)}`);
    assert.equal(basename(p), reference.basename(p), `basename ${JSON.stringify(p)}`);
  }
  assert.equal(joinRepo('a', '', 'b/'), 'a/b');
  assert.equal(joinRepo('a', '../..'), null);
  assert.equal(joinRepo('', ''), '');
});

test('path helpers: the same answers as node:path for any string of path pieces', () => {
  const seed = Date.now() % 100000;
  console.log(`path helpers property seed ${seed}`);
  const piece = fc.constantFrom('a', 'b', 'c.ts', '.', '..', '/', '//', '.x', '...', '..a', '');
  const path = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(path, fc.array(path, { maxLength: 4 }), (p, segments) => {
      assert.equal(dirname(p), reference.dirname(p), `dirname ${JSON.stringify(p)}`);
      assert.equal(basename(p), reference.basename(p), `basename ${JSON.stringify(p)}`);
      assert.equal(joinRepo(p, ...segments), reference.joinRepo(p, ...segments), `joinRepo ${JSON.stringify([p, ...segments])}`);
    }),
    { seed, numRuns: 3000 },
  );
});

test('path helpers: toRepoPath answers as path.relative does, below a root or not, normalised or not', () => {
  const seed = Date.now() % 100000;
  console.log(`toRepoPath property seed ${seed}`);
  const segment = fc.constantFrom('a', 'b', 'c.ts', '.', '..', '', '.x', '...', 'a..b');
  const absolute = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
  fc.assert(
    fc.property(absolute, fc.array(segment, { maxLength: 5 }), fc.boolean(), (root, tail, below) => {
      const path = below ? `${root}/${tail.join('/')}` : `/${tail.join('/')}`;
      assert.equal(toRepoPath(root, path), reference.toRepoPath(root, path), `toRepoPath ${JSON.stringify([root, path])}`);
    }),
    { seed, numRuns: 3000 },
  );
  // the usual case: a plain root and a file below it
  assert.equal(toRepoPath('/repo', '/repo/src/a.ts'), 'src/a.ts');
  assert.equal(toRepoPath('/repo', '/repo'), '');
  assert.equal(toRepoPath('/repo', '/repox/a.ts'), null);
});

test('joinAbsolute: the same path as node:path.join, for any folder and names, plain or not', () => {
  const seed = Date.now() % 100000;
  console.log(`joinAbsolute property seed ${seed}`);
  const piece = fc.constantFrom('a', 'b.ts', '.', '..', '...', '..a', '/', '//', '.x', '');
  const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  const folder = fc.oneof(text.map((t) => `/${t}`), text);
  fc.assert(
    fc.property(folder, fc.array(text, { minLength: 1, maxLength: 3 }), (dir, names) => {
      assert.equal(joinAbsolute(dir, ...names), nodePath.join(dir, ...names), JSON.stringify([dir, ...names]));
    }),
    { seed, numRuns: 3000 },
  );
  assert.equal(joinAbsolute('/repo/src', 'package.json'), '/repo/src/package.json');
  assert.equal(joinAbsolute('/', 'a'), '/a');
  assert.equal(joinAbsolute('/repo/', 'a'), '/repo/a');
  assert.equal(joinAbsolute('/repo', '../a'), '/a');
});

test('joinRepo: a folder and a name as text when posix.join leaves them as they are', () => {
  assert.equal(joinRepo('', 'a.ts'), 'a.ts');
  assert.equal(joinRepo('src/x', 'index.ts'), 'src/x/index.ts');
  assert.equal(joinRepo('src', '...'), 'src/...');
  assert.equal(joinRepo('src', '..a'), 'src/..a');
  assert.equal(joinRepo('src', '../a'), 'a');
  assert.equal(joinRepo('src/', 'a'), 'src/a');
  assert.equal(joinRepo('', '..'), null);
  // One path alone: a normal one as it is, any other normalised.
  assert.equal(joinRepo('src/x/a.py'), 'src/x/a.py');
  assert.equal(joinRepo('src//x/./a.py'), 'src/x/a.py');
  assert.equal(joinRepo('src/x/'), 'src/x');
  assert.equal(joinRepo('../a'), null);
  assert.equal(joinRepo('/a'), null);
});

test('joinRepo: a relative specifier\'s leading ./ and ../ walked off a folder as posix.join does', () => {
  assert.equal(joinRepo('src/a', './b.ts'), 'src/a/b.ts');
  assert.equal(joinRepo('src/a', '../b'), 'src/b');
  assert.equal(joinRepo('src/a', './../../b/c'), 'b/c');
  assert.equal(joinRepo('src/a', '../../../b'), null);
  assert.equal(joinRepo('', './b'), 'b');
  assert.equal(joinRepo('', '../b'), null);
  assert.equal(joinRepo('src', './b/../c'), 'src/c');
  assert.equal(joinRepo('src', '../'), '');
  const seed = Date.now() % 100000;
  console.log(`joinRepo dotted property seed ${seed}`);
  const word = fc.constantFrom('a', 'b.ts', '.x', '...', '..a', 'a.');
  const folder = fc.array(word, { maxLength: 5 }).map((parts) => parts.join('/'));
  const lead = fc.array(fc.constantFrom('./', '../', '.', '..', '/', './/'), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
  const tail = fc.array(fc.constantFrom('a', 'b.ts', '.', '..', '', '.x', '...'), { maxLength: 4 }).map((parts) => parts.join('/'));
  fc.assert(
    fc.property(folder, lead, tail, fc.boolean(), (dir, head, rest, slash) => {
      const name = `${head}${rest}${slash ? '/' : ''}`;
      assert.equal(joinRepo(dir, name), reference.joinRepo(dir, name), `joinRepo ${JSON.stringify([dir, name])}`);
    }),
    { seed, numRuns: 5000 },
  );
});

test('foldersOf: every folder holding a path and each parent, the root included, each once in the order first met', () => {
  assert.deepEqual([...foldersOf(['a/b/c.ts', 'a/b/d.ts', 'a/e.ts', 'top.ts', 'x/y/z/w.ts'])], ['', 'a/b', 'a', 'x/y/z', 'x/y', 'x']);
  assert.deepEqual([...foldersOf([])], ['']);
});
