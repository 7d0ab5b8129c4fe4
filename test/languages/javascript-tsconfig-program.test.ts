/**
 * Stop 50: programListing (resolution/tsconfig-program.ts) reads `${configDir}` as the folder of the
 * config being compiled. A config that is only a base (another config extends it, it is not a
 * folder's tsconfig.json, no `references` and no package.json script names it) is compiled by
 * nothing, so there `${configDir}` names no folder: the base does not list its own folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Manifests } from '../../src/manifests/store.js';
import { programListing } from '../../src/languages/javascript/resolution/tsconfig-program.js';

const BASE = JSON.stringify({ include: ['${configDir}/src', '${configDir}/types', 'tools/assets.d.ts'] });
const store = (files: Record<string, string>): Manifests =>
  new Manifests({ files: new Set([...Object.keys(files), 'types/old.d.ts', 'tools/assets.d.ts', 'pkg/src/a.ts']), readText: (p) => files[p] ?? null });

test('programListing: a base only extended lists no folder of its own through ${configDir}, its plain specs still count', () => {
  const m = store({ 'tsconfig.base.json': BASE, 'pkg/tsconfig.json': JSON.stringify({ extends: '../tsconfig.base.json' }) });
  const base = programListing(m, 'tsconfig.base.json');
  assert.equal(base('types/old.d.ts'), null);
  assert.deepEqual(base('tools/assets.d.ts'), { config: 'tsconfig.base.json', key: 'include' });
  // The extender's own folder is its `${configDir}`.
  assert.deepEqual(programListing(m, 'pkg/tsconfig.json')('pkg/src/a.ts'), { config: 'tsconfig.base.json', key: 'include' });
});

test('programListing: a base that is compiled too (a folder tsconfig.json, a reference, a script) keeps its own folder', () => {
  const listed = (files: Record<string, string>, config: string) => programListing(store(files), config)('types/old.d.ts');
  const extender = { 'pkg/tsconfig.json': JSON.stringify({ extends: '../tsconfig.base.json' }) };
  // Named by `references` (tsc -b builds it).
  assert.notEqual(listed({ 'tsconfig.base.json': BASE, ...extender, 'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.base.json' }] }) }, 'tsconfig.base.json'), null);
  // Named by a script (`tsc -p tsconfig.base.json`).
  assert.notEqual(listed({ 'tsconfig.base.json': BASE, ...extender, 'package.json': JSON.stringify({ scripts: { types: 'tsc -p tsconfig.base.json' } }) }, 'tsconfig.base.json'), null);
  // A folder's tsconfig.json is what tsc and the editor compile there, extended or not.
  assert.notEqual(listed({ 'tsconfig.json': BASE, 'pkg/tsconfig.json': JSON.stringify({ extends: '../tsconfig.json' }) }, 'tsconfig.json'), null);
  // Extended by nothing: a config of its own (tsconfig.types.json), compiled by whatever names it.
  assert.notEqual(listed({ 'tsconfig.base.json': BASE }, 'tsconfig.base.json'), null);
});
