/**
 * A default-excluded folder (dist/, build/, …) that a .gitignore negation names explicitly
 * (`!packages/shared/dist/`) is committed source: listed and judged. A plain `dist/` stays out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXCLUDED_DIRS, gitignoreReinclusions, isInDefaultExcludedDir } from '../../src/discover/excludes.js';
import { fixturePath, standaloneFixture } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const FIXTURE = 'test/fixtures/discover/gitignore-reincluded-dist';

test('gitignoreReinclusions: only negations that name one path inside a default-excluded folder', () => {
  const text = ['dist/', '!lib/dist/', '!dist/', '!/build/keep.js', '!src/**/dist', '!docs/guide', '# !out/x', '!  ', ''].join('\n');
  assert.deepEqual(gitignoreReinclusions(text, ''), ['lib/dist', 'build/keep.js']);
  assert.deepEqual(gitignoreReinclusions('!tools/build/\n', 'web'), ['web/tools/build']);
});

test('isInDefaultExcludedDir: a re-included path keeps what is below it, not excluded folders deeper down', () => {
  assert.equal(isInDefaultExcludedDir('lib/dist/a.ts'), true);
  assert.equal(isInDefaultExcludedDir('lib/dist/a.ts', ['lib/dist']), false);
  assert.equal(isInDefaultExcludedDir('lib/dist/node_modules/x/i.js', ['lib/dist']), true);
  assert.equal(isInDefaultExcludedDir('dist/a.ts', ['lib/dist']), true);
  assert.equal(isInDefaultExcludedDir('build/keep.js', ['build/keep.js']), false);
  assert.equal(isInDefaultExcludedDir('build/other.js', ['build/keep.js']), true);
});

/** The split-and-filter form the scan used before it read segments in place. */
const excludedBySplit = (path: string, reincluded: readonly string[]): boolean => {
  const segments = path.split('/');
  const covering = reincluded.filter((r) => path === r || path.startsWith(`${r}/`)).map((r) => r.split('/').length);
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i];
    if ((DEFAULT_EXCLUDED_DIRS.includes(s) || s.endsWith('.egg-info')) && !covering.some((depth) => depth > i)) return true;
  }
  return false;
};

test('isInDefaultExcludedDir: the same answer as splitting the path, for any path and re-included paths', () => {
  const seed = Date.now() % 100000;
  console.log(`isInDefaultExcludedDir property seed ${seed}`);
  const segment = fc.constantFrom('a', 'src', 'dist', 'node_modules', 'x.egg-info', '.egg-info', 'build', '', '.', 'distx', 'b.ts');
  const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
  fc.assert(
    fc.property(path, fc.array(path, { maxLength: 3 }), (p, reincluded) => {
      assert.equal(isInDefaultExcludedDir(p, reincluded), excludedBySplit(p, reincluded), JSON.stringify([p, reincluded]));
    }),
    { seed, numRuns: 3000 },
  );
});

const verdicts = async (root: string): Promise<Record<string, string | undefined>> => {
  const { audit } = await scanDir(root);
  return Object.fromEntries(audit.files.filter((f) => f.path.endsWith('.ts') || f.path.endsWith('.js')).map((f) => [f.path, f.verdict ?? undefined]));
};

const EXPECTED = {
  'packages/shared/dist/format.ts': 'production',
  'packages/shared/dist/legacy.ts': 'dead',
  'src/main.ts': 'production',
};

test('outside git: the walk enters the re-included dist/ and lists its files; the root dist/ stays out', async () => {
  assert.deepEqual(await verdicts(standaloneFixture(FIXTURE)), EXPECTED);
});

test('in git: the listed .gitignore files re-include the same folder', async () => {
  const dir = join(scratchDir('census-reinclude-'), 'repo');
  cpSync(fixturePath('discover', 'gitignore-reincluded-dist'), dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  // -f: the root dist/ is ignored, and tracked it is listed by git; census still leaves it out.
  execFileSync('git', ['add', '-f', '.'], { cwd: dir });
  assert.deepEqual(await verdicts(dir), EXPECTED);
});
