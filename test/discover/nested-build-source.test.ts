/**
 * A folder named build/ is a build's output at the root or beside a package's build file
 * (package.json, pyproject.toml, setup.py, a Makefile…), and left out there by default. Anywhere
 * else it is source (a CLI's `commands/build/`, pip's `operations/build/`): listed, followed, judged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildsInListed, isInDefaultExcludedDir } from '../../src/discover/excludes.js';
import { fixturePath, standaloneFixture } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const FIXTURE = 'test/fixtures/discover/nested-build-source';

test('isInDefaultExcludedDir: build/ is left out at the root and beside a build file, kept elsewhere', () => {
  const buildsIn = buildsInListed(['package.json', 'packages/ui/package.json', 'py/setup.py', 'docs/Makefile', 'src/cli.js']);
  assert.equal(isInDefaultExcludedDir('build/bundle.js', [], buildsIn), true);
  assert.equal(isInDefaultExcludedDir('packages/ui/build/index.js', [], buildsIn), true);
  assert.equal(isInDefaultExcludedDir('py/build/lib/x.py', [], buildsIn), true);
  assert.equal(isInDefaultExcludedDir('docs/build/html/index.html', [], buildsIn), true);
  assert.equal(isInDefaultExcludedDir('src/commands/build/index.js', [], buildsIn), false);
  assert.equal(isInDefaultExcludedDir('src/commands/build/node_modules/x/i.js', [], buildsIn), true);
  // dist/ and out/ stay out at any depth; with no build-file answer every build/ does too.
  assert.equal(isInDefaultExcludedDir('src/commands/dist/index.js', [], buildsIn), true);
  assert.equal(isInDefaultExcludedDir('src/out/a.js', [], buildsIn), true);
  assert.equal(isInDefaultExcludedDir('src/commands/build/index.js'), true);
});

test('isInDefaultExcludedDir: a build/ segment is kept exactly when it is below the root and its folder has no build file', () => {
  const seed = Date.now() % 100000;
  console.log(`nested build/ property seed ${seed}`);
  const segment = fc.constantFrom('a', 'src', 'build', 'pkg', 'lib');
  const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => [...parts, 'x.js'].join('/'));
  fc.assert(
    fc.property(path, fc.uniqueArray(fc.array(segment, { maxLength: 3 }).map((parts) => parts.join('/')), { maxLength: 4 }), (p, withBuildFile) => {
      const buildsIn = (dir: string) => withBuildFile.includes(dir);
      const segments = p.split('/').slice(0, -1);
      const expected = segments.some((s, i) => s === 'build' && (i === 0 || buildsIn(segments.slice(0, i).join('/'))));
      assert.equal(isInDefaultExcludedDir(p, [], buildsIn), expected, JSON.stringify([p, withBuildFile]));
    }),
    { seed, numRuns: 2000 },
  );
});

const verdicts = async (root: string) => {
  const { audit } = await scanDir(root);
  const files = Object.fromEntries(audit.files.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.verdict ?? undefined]));
  const broken = audit.edges.filter((e) => e.unresolved === 'not-found').map((e) => `${e.from}:${e.line} ${e.specifier}`);
  return { files, broken };
};

const EXPECTED = {
  files: {
    'packages/ui/src/index.js': 'production',
    'src/cli.js': 'production',
    'src/commands/build/index.js': 'production',
    'src/commands/build/options.js': 'production',
    'src/commands/build/unused.js': 'dead',
  },
  broken: [],
};

test('outside git: the walk lists the source build/ folder and leaves the output ones out', async () => {
  assert.deepEqual(await verdicts(standaloneFixture(FIXTURE)), EXPECTED);
});

test('in git: the listing is judged by the same rule', async () => {
  const dir = join(scratchDir('census-nested-build-'), 'repo');
  cpSync(fixturePath('discover', 'nested-build-source'), dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '-f', '.'], { cwd: dir });
  assert.deepEqual(await verdicts(dir), EXPECTED);
});
