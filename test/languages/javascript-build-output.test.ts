/**
 * Workspace packages imported by their built paths, through the whole scan (fixture
 * test/fixtures/javascript/workspace-build-output; the resolutions themselves are pinned by its
 * expected.json in javascript-resolve.test.ts): every source is reached, and each edge says which
 * build mapping took the built path to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Manifests } from '../../src/manifests/store.js';
import { createBuildOutputMap } from '../../src/languages/javascript/build-output.js';

/** The repo paths of the files below `root`. */
const walkFiles = (root: string, prefix = ''): string[] =>
  readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(root, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));

const scanned = scanDir(fixturePath('javascript', 'workspace-build-output'));

test('build output: sources imported through built paths of workspace packages are not dead', async () => {
  const { audit } = await scanned;
  const dead = audit.files.filter((f) => f.verdict === 'dead').map((f) => f.path);
  assert.deepEqual(dead, []);
});

test('build output: the edge names the built path and the mapping (tsconfig extends, script, package fields, src/ twin)', async () => {
  const { audit } = await scanned;
  const label = (from: string, specifier: string) => audit.edges.find((e) => e.from === from && e.specifier === specifier)?.label ?? '';
  assert.match(label('app/index.ts', '@x/a/lib/util/x'), /"@x\/a\/lib\/util\/x" mapped by build output packages\/a\/lib\/util\/x\.js \(packages\/a\/tsconfig\.build\.json outDir "lib", rootDir "src"\)$/);
  assert.match(label('app/index.ts', '@x/c/lib/thing'), /mapped by build output packages\/c\/lib\/thing\.js \(packages\/c\/package\.json script "build": babel src -d lib\)$/);
  assert.match(label('app/index.ts', '@x/b/features/one'), /mapped by build output packages\/b\/dist\/features\/one\.mjs \(packages\/b\/package\.json exports points into dist\/, built from src\/\)$/);
  assert.match(label('packages/d/index.js', './dist/helpers/x.js'), /mapped by build output packages\/d\/dist\/helpers\/x\.js \(packages\/d\/dist\/ is build output not in the repo, and packages\/d\/src\/ has the same file\)$/);
});

test('build output: a built path with no source behind it stays broken, it is not mapped to a guess', async () => {
  const { audit } = await scanned;
  const findings = (audit.imports?.findings ?? []).map((f) => `${f.file}:${f.line} ${f.specifier} ${f.bucket}`);
  assert.deepEqual(findings, ['app/index.ts:10 @x/e/lib/gone broken-internal']);
});

test('build output: exports into dist/src/ and dist/bin/ mean dist/ mirrors the package folder (tsc inferred rootDir)', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'build-output-package-root'));
  const report = audit.files.find((f) => f.path === 'bin/report.ts');
  assert.equal(report?.verdict, 'production');
  assert.match(report?.evidence?.join('\n') ?? '', /package\.json exports "\.\/bin"/);
  assert.deepEqual(audit.files.filter((f) => f.verdict === 'dead').map((f) => f.path), []);
});

test('build output: tshy builds src/ into dist/esm/ and dist/commonjs/; without tshy dist/esm/ is not read as src/', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'build-output-tshy'));
  const file = (path: string) => audit.files.find((f) => f.path === path);
  assert.equal(file('hybrid/src/urllib.ts')?.verdict, 'production');
  assert.match(file('hybrid/src/urllib.ts')?.evidence?.join('\n') ?? '', /hybrid\/package\.json exports "\.\/urllib"/);
  // No tshy: dist/esm/urllib.js could be any tool's output, and src/esm/urllib.ts is not there; dist/esm/legacy.js has no
  // twin under src/, so the exports are no mirror of src/ either.
  assert.equal(file('plain/src/urllib.ts')?.verdict, 'dead');
  // tshy named by a script alone: ./gen has no twin, so only tshy's own folders read dist/esm/ as src/.
  assert.equal(file('script-only/src/urllib.ts')?.verdict, 'production');
  // tshy's exports naming src/*.ts directly: the file is the entry itself, nothing is mapped.
  assert.equal(file('source-exports/src/urllib.ts')?.verdict, 'production');
  assert.match(file('source-exports/src/urllib.ts')?.evidence?.join('\n') ?? '', /source-exports\/package\.json exports "\.\/urllib"/);
  // Stop 52, no tshy: every export under dist/esm/ and dist/commonjs/ has its twin under src/ (two tsc configs).
  assert.equal(file('mirrored/src/urllib.ts')?.verdict, 'production');
  // Review 1: a subpath pattern (`./dist/esm/*.js`) neither shows nor breaks the mirror; main/module/types do when there are
  // no exports into a build folder; a lib/esm/ the repo holds is code of its own, not a build's output.
  assert.equal(file('wildcard/src/runner.ts')?.verdict, 'production');
  assert.equal(file('main-module/src/runner.ts')?.verdict, 'production');
  assert.deepEqual(audit.files.filter((f) => f.verdict === 'dead').map((f) => f.path), ['checked-in/src/old.ts', 'plain/src/urllib.ts']);
});

test('build output: each mapping into src/ says where it comes from: the tshy config, a script running tshy, or exports mirroring src/', () => {
  const root = fixturePath('javascript', 'build-output-tshy');
  const files = new Set(walkFiles(root));
  const map = createBuildOutputMap(new Manifests({ files, readText: (p) => (files.has(p) ? readFileSync(join(root, p), 'utf8') : null) }));
  assert.match(map.explain('hybrid/dist/commonjs/urllib.js')?.why ?? '', /hybrid\/package\.json "tshy": tshy builds src\/ into dist\/commonjs\//);
  assert.match(map.explain('script-only/dist/esm/urllib.js')?.why ?? '', /script "prepare" runs tshy/);
  assert.equal(map.explain('script-only/dist/esm/gen.js'), null);
  assert.deepEqual(map.explain('mirrored/dist/commonjs/urllib.js'), {
    source: 'mirrored/src/urllib.ts',
    why: 'mirrored/package.json exports name 5 built files under dist/esm/ and dist/commonjs/, each with its twin under src/',
  });
  assert.equal(map.explain('plain/dist/esm/urllib.js'), null);
  assert.deepEqual(map.explain('main-module/dist/cjs/runner.js'), {
    source: 'main-module/src/runner.ts',
    why: 'main-module/package.json main, module and types name 3 built files under dist/cjs/ and dist/esm/ and dist/types/, each with its twin under src/',
  });
  assert.equal(map.explain('checked-in/lib/esm/old.js'), null);
});
