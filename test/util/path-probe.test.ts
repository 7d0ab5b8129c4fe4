/**
 * util/fs.ts's createPathProbe, which the JS resolver and the import triage share for a scan: its
 * answers must be pathExists's and isDirectory's for every kind of entry, whichever question a
 * path is asked first and however many names of one folder are asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPathProbe, isDirectory, pathExists } from '../../src/util/fs.js';
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
  const broken = folder('broken');
  symlinkSync(join(root, 'nowhere'), join(broken, 'node_modules'));
  const file = folder('file');
  writeFileSync(join(file, 'node_modules'), '');
  const empty = folder('empty');
  // a folder whose package.json is itself a folder: there, but not a file
  mkdirSync(join(empty, 'package.json'));
  return { root, folders: [plain, linkedDir, linkedFile, broken, file, empty, join(root, 'missing')] };
};

test('path probe: the answers of pathExists and isDirectory, in either order, for two names of a folder', () => {
  const { folders } = tree();
  const paths = folders.flatMap((f) => [join(f, 'node_modules'), join(f, 'package.json')]);
  const expected = paths.map((p) => [pathExists(p), isDirectory(p)]);
  // the fixture covers every answer: both, exists only, neither
  assert.deepEqual(new Set(expected.map((e) => e.join())), new Set(['true,true', 'true,false', 'false,false']));
  const existsFirst = createPathProbe();
  assert.deepEqual(paths.map((p) => [existsFirst.exists(p), existsFirst.isDirectory(p)]), expected);
  const directoryFirst = createPathProbe();
  assert.deepEqual(paths.map((p) => {
    const dir = directoryFirst.isDirectory(p);
    return [directoryFirst.exists(p), dir];
  }), expected);
  // asked again, the same (from memory)
  assert.deepEqual(paths.map((p) => [existsFirst.exists(p), existsFirst.isDirectory(p)]), expected);
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
});
