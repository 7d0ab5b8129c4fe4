/**
 * Stop 48: the scan keeps one tsconfig index (resolution/tsconfig.ts tsconfigIndexOf), built once per
 * manifest store and shared by the resolver and the framework readers that ask tsconfig options
 * (payload-configs, import-conditions); before, each of the three built its own, each listing every
 * tsconfig for `moduleSuffixes`/`rootDirs`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Manifests } from '../../src/manifests/store.js';
import { tsconfigIndexOf } from '../../src/languages/javascript/resolution/tsconfig.js';
import { createJavaScriptResolver } from '../../src/languages/javascript/resolve.js';

/** A store that counts the listings of every tsconfig/jsconfig outside node_modules (each index construction asks one: its `anyLayout`). */
class CountingManifests extends Manifests {
  tsconfigListings = 0;
  override all(match: (path: string) => boolean): string[] {
    if (match('tsconfig.json') && match('a/jsconfig.json') && match('tsconfig.build.json') && !match('node_modules/x/tsconfig.json') && !match('a/x.json')) this.tsconfigListings++;
    return super.all(match);
  }
}

test('tsconfigIndexOf: one index per manifest store, the resolver\'s included', () => {
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', paths: { '@/*': ['src/*'] } } }),
    'src/a.ts': 'export const a = 1;\n',
  };
  const manifests = new CountingManifests({ files: new Set(Object.keys(files)), readText: (p) => files[p] ?? null });
  const root = mkdtempSync(join(tmpdir(), 'census-tsconfig-index-'));
  try {
    const first = tsconfigIndexOf(manifests);
    assert.equal(first.options('tsconfig.json').module, 'commonjs');
    createJavaScriptResolver({ rootAbs: root, files: manifests.files, manifests });
    assert.equal(tsconfigIndexOf(manifests), first);
    assert.equal(manifests.tsconfigListings, 1);
    // Another store (another scan) has its own.
    const other = new Manifests({ files: new Set(Object.keys(files)), readText: (p) => files[p] ?? null });
    assert.notEqual(tsconfigIndexOf(other), first);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
