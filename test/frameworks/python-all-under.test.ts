/**
 * python-files allUnder (issue 19): the files at or below a folder, found by bisecting the index's
 * sorted folders, are exactly what the walk of every folder it replaced found, sorted the same,
 * for folder names that sort between a folder and its subfolders (`a-b`, `a.b` before `a/`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allUnder } from '../../src/frameworks/python/python-files.js';

const SEGMENTS = ['a', 'b', 'a-b', 'a.b', 'a0', 'static', 'é'];

/** The walk allUnder replaced. */
const walked = (byFolder: ReadonlyMap<string, string[]>, dir: string): string[] => {
  const out: string[] = [];
  for (const [folder, files] of byFolder) if (folder === dir || folder.startsWith(`${dir}/`)) out.push(...files);
  return out.sort();
};

const folderOf = fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 3 }).map((parts) => parts.join('/'));

test('python allUnder: the files at or below a folder are the walk of every folder\'s (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(folderOf, fc.array(fc.constantFrom('x.py', 'y.js', '__init__.py'), { minLength: 1, maxLength: 3 })), { maxLength: 12 }), folderOf, (folders, asked) => {
      const byFolder = new Map<string, string[]>();
      for (const [folder, names] of folders) byFolder.set(folder, [...new Set(names)].map((n) => (folder === '' ? n : `${folder}/${n}`)));
      for (const dir of [asked, '', ...byFolder.keys()]) assert.deepEqual(allUnder(byFolder, dir), walked(byFolder, dir), dir);
    }),
    { numRuns: 500, seed: 62 },
  );
});
