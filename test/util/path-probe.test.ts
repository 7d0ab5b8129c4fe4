/**
 * util/fs.ts's createPathProbe, which the JS resolver and the import triage share for a scan: its
 * answers must be pathExists's, isDirectory's and isFile's for every kind of entry, whichever
 * question a path is asked first and however many names of one folder are asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPathProbe, isDirectory, isFile, pathExists } from '../../src/util/fs.js';
import { scratchDir } from '../helpers/scratch.js';

/** One folder per kind of entry named node_modules, each beside a package.json or not. */
const tree = (): { root: string; folders: string[] } => {
  const root = scratchDir('census-path-probe-');
  const folder = (name: string): string => {
    const dir = join(root, name);
    mkdirSync(dir);
    return dir;
  };
  const target = folder('target');
  writeFileSync(join(target, 'file.txt'), 'x');
  const plain = folder('plain');
  mkdirSync(join(plain, 'node_modules'));
  writeFileSync(join(plain, 'package.json'), '{}');
  const linkedDir = folder('linked-dir');
  symlinkSync(target, join(linkedDir, 'node_modules'));
  const linkedFile = folder('linked-file');
  symlinkSync(join(target, 'file.txt'), join(linkedFile, 'node_modules'));
  writeFileSync(join(linkedFile, 'package.json'), '{}');
  // pnpm's layout: node_modules/<package> links to a folder in the store
  const store = folder('store');
  writeFileSync(join(store, 'package.json'), '{}');
  symlinkSync(store, join(plain, 'node_modules', 'pkg'));
  // a package.json that is a link to a file
  symlinkSync(join(store, 'package.json'), join(linkedDir, 'package.json'));
  const broken = folder('broken');
  symlinkSync(join(root, 'nowhere'), join(broken, 'node_modules'));
  const file = folder('file');
  writeFileSync(join(file, 'node_modules'), '');
  const empty = folder('empty');
  // a folder whose package.json is itself a folder: there, but not a file
  mkdirSync(join(empty, 'package.json'));
  return { root, folders: [plain, linkedDir, linkedFile, broken, file, empty, join(root, 'missing'), join(plain, 'node_modules', 'pkg'), join(plain, 'node_modules', 'none')] };
};

test('path probe: the answers of pathExists, isDirectory and isFile, in any order, for two names of a folder', () => {
  const { folders } = tree();
  const paths = folders.flatMap((f) => [join(f, 'node_modules'), join(f, 'package.json')]);
  const expected = paths.map((p) => [pathExists(p), isDirectory(p), isFile(p)]);
  // the fixture covers every answer: a folder, a file, something else (a broken link), nothing
  assert.deepEqual(new Set(expected.map((e) => e.join())), new Set(['true,true,false', 'true,false,true', 'true,false,false', 'false,false,false']));
  type Question = 'exists' | 'isDirectory' | 'isFile';
  const orders: Question[][] = [['exists', 'isDirectory', 'isFile'], ['isDirectory', 'isFile', 'exists'], ['isFile', 'exists', 'isDirectory']];
  for (const order of orders) {
    const probe = createPathProbe();
    const ask = (p: string): boolean[] => {
      const answers = new Map(order.map((q) => [q, probe[q](p)]));
      return [answers.get('exists')!, answers.get('isDirectory')!, answers.get('isFile')!];
    };
    assert.deepEqual(paths.map(ask), expected, order.join(' then '));
    // asked again, the same (from memory)
    assert.deepEqual(paths.map(ask), expected, `${order.join(' then ')}, again`);
  }
});

test('path probe: a symlinked node_modules is a folder when its target is one, and exists even when broken', () => {
  const { root } = tree();
  const probe = createPathProbe();
  assert.equal(probe.isDirectory(join(root, 'linked-dir', 'node_modules')), true);
  assert.equal(probe.isDirectory(join(root, 'linked-file', 'node_modules')), false);
  assert.equal(probe.exists(join(root, 'broken', 'node_modules')), true);
  assert.equal(probe.isDirectory(join(root, 'broken', 'node_modules')), false);
  assert.equal(probe.exists(join(root, 'missing', 'node_modules')), false);
  assert.equal(probe.isDirectory(join(root, 'file', 'node_modules')), false);
  assert.equal(probe.exists(join(root, 'file', 'node_modules')), true);
  assert.equal(probe.isFile(join(root, 'plain', 'node_modules', 'pkg', 'package.json')), true, 'through a linked package folder');
  assert.equal(probe.isFile(join(root, 'linked-dir', 'package.json')), true, 'a link to a file');
});
