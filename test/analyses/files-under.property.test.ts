/**
 * Stop 65: the JS environment's hasFilesUnder answers the first folders asked by a walk of the
 * paths, then from every path's folders (foldersOf, what it always asked): random paths and asks,
 * past the walk's budget, must answer alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filesUnderAsker } from '../../src/analyses/imports/javascript-env.js';
import { foldersOf } from '../../src/util/path.js';

const SEGMENTS = ['a', 'b', 'dist', 'lib', 'ab', 'a.b', 'x-y'];
const path = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
// Asked folders are any such path, the root, or shapes no normal path has ('a/', 'a//b', a leading slash).
const asked = fc.oneof(path, fc.constant(''), path.map((p) => `${p}/`), path.map((p) => p.replace('/', '//')), path.map((p) => `/${p}`));

test('hasFilesUnder: the walk of the first folders and the folder set give what foldersOf gave, past the walk budget', () => {
  const seed = Date.now();
  console.log(`files-under property seed ${seed}`);
  fc.assert(
    fc.property(fc.array(path, { maxLength: 12 }), fc.array(asked, { maxLength: 40 }), (paths, dirs) => {
      const folders = foldersOf(paths);
      const ask = filesUnderAsker(paths);
      for (const dir of dirs) assert.equal(ask(dir), folders.has(dir), `hasFilesUnder(${JSON.stringify(dir)}) of ${JSON.stringify(paths)}`);
    }),
    { numRuns: 2000, seed },
  );
});
