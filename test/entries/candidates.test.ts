/**
 * Detectors' `candidates`: the runner asks a detector's `matches` only about the paths its
 * declaration admits, so every path `matches` accepts must be one of them — over every path of the
 * fixture repos (from each folder level, as a scan rooted there would see it) and generated paths
 * built from the words detectors look for. And the runner's buckets pick exactly those paths, in
 * path order, each once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { DETECTORS } from '../../src/entries/index.js';
import { bucketPaths, candidatePositions, extensionOf } from '../../src/entries/run.js';
import { isRepoDetector, type FileDetector } from '../../src/entries/types.js';
import { basename } from '../../src/util/path.js';
import { assertProperty } from '../helpers/property.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const fileDetectors = DETECTORS.filter((d): d is FileDetector => !isRepoDetector(d));
const declaring = fileDetectors.filter((d) => d.candidates !== undefined);

/** What the declaration admits, read straight from its contract. */
const admits = (d: FileDetector, name: string): boolean =>
  d.candidates === undefined || (d.candidates.names ?? []).includes(name) || (d.candidates.extensions ?? []).includes(extensionOf(name));

const fixturePaths = (): string[] => {
  const out = new Set<string>();
  const walk = (dir: string, rel: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const parts = [...rel, entry.name];
      if (entry.isDirectory()) walk(join(dir, entry.name), parts);
      else for (let i = 0; i < parts.length; i++) out.add(parts.slice(i).join('/'));
    }
  };
  walk(resolve(REPO_ROOT, 'test/fixtures'), []);
  return [...out].sort();
};

const unadmitted = (paths: readonly string[]): string[] => {
  const wrong: string[] = [];
  for (const d of declaring) for (const p of paths) if (d.matches(p, basename(p)) && !admits(d, basename(p))) wrong.push(`${d.id}: ${p}`);
  return wrong;
};

test('candidates: most file detectors declare them', () => {
  assert.ok(declaring.length >= 30, `${declaring.length} of ${fileDetectors.length}`);
});

test('candidates: every fixture path a detector matches is one it declares', () => {
  const paths = fixturePaths();
  assert.ok(paths.length > 1000, `${paths.length} fixture paths`);
  assert.deepEqual(unadmitted(paths), []);
});

// Words detectors look for in names and folders, with odd cases and separators around them.
const WORDS = [
  'Dockerfile', 'Containerfile', 'Makefile', 'GNUmakefile', 'makefile', 'Procfile', 'justfile', 'Justfile', 'Taskfile', 'taskfile',
  'package', 'pyproject', 'setup', 'tox', 'noxfile', 'tasks', 'template', 'app', 'cdk', 'fly', 'railway', 'render', 'wrangler',
  'serverless', 'ecosystem', 'pm2', 'knip', 'lefthook', 'lefthook-local', 'moon', 'mise', 'tsconfig', 'jsconfig', 'compose',
  'docker-compose', 'gitlab-ci', 'gitlab', 'yarnrc', 'semgrep', 'semgrep-rules', 'supervisor', 'supervisord', 'cron', 'crontab',
  'crontabs', 'cron.d', 'init.d', 'rc.d', 'openrc', 'etc', 's6-overlay', 's6-rc.d', 'services.d', 'cont-init.d', 'sv', 'service',
  'runit', 'run', 'finish', 'up', 'log', 'workflows', 'actions', 'action', '.github', '.gitlab', 'ci', '.moon', '.config', '.storybook',
  'main', 'preview', 'vite', 'vitest', 'eslint', 'jest', 'babel', 'config', 'dist', 'local', 'node_modules', '.aws-sam', 'src', 'x',
];
const EXTENSIONS = [
  'yml', 'yaml', 'YML', 'Yaml', 'json', 'jsonc', 'toml', 'ini', 'cfg', 'conf', 'py', 'js', 'ts', 'cjs', 'mjs', 'cts', 'mts', 'jsx',
  'tsx', 'JS', 'Ts', 'mk', 'just', 'service', 'socket', 'timer', 'cron', 'crontab', 'tab', 'txt', 'md', 'sh', 'dockerfile',
  'Dockerfile', 'containerfile', 'config', 'dist', 'prod', 'cjson', 'mjson', 'sample',
];

const segment = fc.tuple(
  fc.constantFrom('', '', '.', '_'),
  fc.constantFrom(...WORDS),
  fc.array(fc.tuple(fc.constantFrom('.', '-', '.', '.'), fc.constantFrom(...WORDS, ...EXTENSIONS)), { maxLength: 3 }),
).map(([lead, word, rest]) => lead + word + rest.map(([sep, w]) => sep + w).join(''));
const pathArb = fc.array(segment, { minLength: 1, maxLength: 6 }).map((segments) => segments.join('/'));

test('candidates: every generated path a detector matches is one it declares', () => {
  const seed = Number(process.env.CENSUS_PROPERTY_SEED) || (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000));
  console.log(`candidates property seed ${seed} (replay: CENSUS_PROPERTY_SEED=${seed})`);
  assertProperty(
    fc.property(pathArb, (p) => {
      const wrong = unadmitted([p]);
      if (wrong.length > 0) throw new Error(wrong.join('\n'));
    }),
    { seed, numRuns: 20_000 },
  );
});

test('candidates: the runner picks exactly the admitted paths, in order, once', () => {
  const paths = fixturePaths();
  const names = paths.map(basename);
  const buckets = bucketPaths(names);
  for (const d of fileDetectors) {
    const picked = candidatePositions(d, buckets);
    const expected = names.flatMap((n, i) => (admits(d, n) ? [i] : []));
    if (d.candidates === undefined) assert.equal(picked, null, d.id);
    else assert.deepEqual(picked, expected, d.id);
  }
});
