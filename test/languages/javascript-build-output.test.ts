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
  // No tshy: dist/esm/urllib.js could be any tool's output, and src/esm/urllib.ts is not there.
  assert.equal(file('plain/src/urllib.ts')?.verdict, 'dead');
});
