// The bench corpora: real code that arrives through this machine's registries (Debian's
// python3-django and ansible, pinned npm packages that ship TypeScript sources), copied into
// bench/.corpora/<name>/ (gitignored) and committed there as a git repo of its own, so census
// scans each one the way it scans a user's repo. Built once; later runs reuse them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptVersion, ensureAptPackages, ensureNpmPackages } from './install.mjs';
import { copyOne, listFiles, totalBytes } from './files.mjs';
import { BenchError, run } from './shell.mjs';

/** Bump when a corpus recipe changes, so cached corpora are rebuilt. */
const RECIPE = 1;
const DIST_PACKAGES = '/usr/lib/python3/dist-packages';
const APT_PACKAGES = ['python3-django', 'ansible'];
const TS_SPEC_DIR = new URL('./ts-corpus/', import.meta.url).pathname;
const TS_SOURCE = /\.(ts|tsx|mts|cts)$/;
const TS_DECLARATION = /\.d\.(ts|mts|cts)$/;

const aptSources = () => Object.fromEntries(APT_PACKAGES.map((p) => [p, aptVersion(p)]));
const aptFingerprint = () => JSON.stringify(aptSources());
const tsFingerprint = () => createHash('sha256').update(readFileSync(join(TS_SPEC_DIR, 'package-lock.json'))).digest('hex').slice(0, 16);

/**
 * The real corpora (../shared/corpora/*.tar.gz beside the main checkout): $CENSUS_BENCH_CORPORA,
 * else ../shared/corpora from this checkout, else from the main worktree (git's common dir).
 */
const sharedCorporaDir = () => {
  const repo = new URL('../..', import.meta.url).pathname;
  const candidates = [process.env.CENSUS_BENCH_CORPORA, join(repo, '../shared/corpora')];
  try {
    const common = run('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: repo }).trim();
    candidates.push(join(common, '../../shared/corpora'));
  } catch {
    // not a git checkout: the first two are all there is
  }
  return candidates.find((c) => c && existsSync(c)) ?? null;
};

/** One tarball of the shared corpora, by its name's prefix ("saleor" → saleor-723cd4eb.tar.gz). */
const tarball = (prefix) => {
  const dir = sharedCorporaDir();
  const name = dir && readdirSync(dir).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.tar.gz'));
  if (!name) throw new BenchError(`no ${prefix}-*.tar.gz in ../shared/corpora (set CENSUS_BENCH_CORPORA to the folder that holds it)`);
  return join(dir, name);
};

/** Unpacked real corpora live in the system's temp folder, never in the project. */
const REAL_HOME = () => join(tmpdir(), 'census-bench-corpora');

const realCorpus = (prefix, fields) => ({
  ...fields,
  name: prefix,
  home: REAL_HOME,
  // census reads git; -f keeps the files the repo's own .gitignore would drop but upstream tracks
  forceAdd: true,
  prepare: () => tarball(prefix),
  fingerprint: () => {
    const t = tarball(prefix);
    return `${t.split('/').pop()} ${statSync(t).size}`;
  },
  build: (dest) => {
    run('tar', ['-xzf', tarball(prefix), '-C', dest, '--strip-components=1'], { timeoutMs: 600_000 });
    return { from: { tarball: tarball(prefix).split('/').pop() } };
  },
});

/** Copies `relPaths` (relative to `fromRoot`) to the same paths under `dest`. */
const copyAll = (fromRoot, relPaths, dest, prefix = '') => {
  for (const rel of relPaths) copyOne(join(fromRoot, rel), join(dest, prefix, rel));
};

/** The first `count` entries of several ordered lists, in order. */
const firstOf = (lists, count) => {
  const out = [];
  for (const { root, prefix, files } of lists) {
    for (const f of files) {
      if (out.length === count) return out;
      out.push({ root, prefix, rel: f });
    }
  }
  return out;
};

const pythonTree = (pkg, onlyPython) => ({
  root: join(DIST_PACKAGES, pkg),
  prefix: pkg,
  files: listFiles(join(DIST_PACKAGES, pkg), { keepFile: (p) => !onlyPython || p.endsWith('.py') }),
});

/**
 * name, what it is, how to build it into `dest`, and the issue's target when it has one.
 * `prepare` installs what it is made from; `fingerprint` names the sources' versions (a cached
 * corpus built from other versions is rebuilt); `build(dest, ctx)` returns its provenance.
 */
export const CORPORA = [
  realCorpus('saleor', {
    language: 'python',
    about: 'saleor/saleor @ 723cd4eb (../shared/corpora): a Django/GraphQL application, 4,338 .py of 4,673 files',
    target: { seconds: 2, cpu: true, label: 'saleor scan < 2 s CPU' },
  }),
  realCorpus('payload', {
    language: 'typescript',
    about: 'payloadcms/payload @ db7543c2 (../shared/corpora): a pnpm monorepo with Next.js apps, 7,062 JS/TS of 8,897 files',
    target: { seconds: 3, cpu: true, label: 'payload scan < 3 s CPU' },
  }),
  {
    name: 'python-4k',
    language: 'python',
    about: 'the first 4,000 .py files of Debian django, then ansible, then ansible_collections (path order)',
    target: { seconds: 2, label: '4,000 files / 30 MB Python < 2 s' },
    prepare: (ctx) => ensureAptPackages(APT_PACKAGES, ctx.log),
    fingerprint: aptFingerprint,
    build: (dest, ctx) => {
      const isExcluded = ctx.isInDefaultExcludedDir;
      const lists = ['django', 'ansible', 'ansible_collections'].map((p) => pythonTree(p, true));
      for (const l of lists) l.files = l.files.filter((f) => !isExcluded(`${l.prefix}/${f}`));
      for (const { root, prefix, rel } of firstOf(lists, 4000)) copyOne(join(root, rel), join(dest, prefix, rel));
      return { from: aptSources() };
    },
  },
  {
    name: 'typescript-7k',
    language: 'typescript',
    about: 'the first 7,000 TypeScript sources (.ts/.tsx/.mts/.cts, no .d.ts) of pinned npm packages (Eclipse Theia, AWS Amplify, Tiptap, LoopBack, Datadog, TanStack, RxJS, viem and their dependencies; scripts/bench/ts-corpus), path order',
    target: { seconds: 3, label: '7,000 files / 33 MB TypeScript < 3 s' },
    prepare: (ctx) => ensureNpmPackages(TS_SPEC_DIR, ctx.tsInstallDir, ctx.log),
    fingerprint: tsFingerprint,
    build: (dest, ctx) => {
      const modules = join(ctx.tsInstallDir, 'node_modules');
      // Top-level packages only (nested node_modules are other versions of the same packages),
      // and nothing census leaves out by default (a package's dist/ or build/ folder).
      const files = listFiles(modules, {
        keepDir: (name, rel) => name !== 'node_modules' && !name.startsWith('.') && !ctx.isInDefaultExcludedDir(`${rel}/x`),
        keepFile: (p) => TS_SOURCE.test(p) && !TS_DECLARATION.test(p),
      }).slice(0, 7000);
      copyAll(modules, files, dest);
      const lock = JSON.parse(readFileSync(join(TS_SPEC_DIR, 'package.json'), 'utf8'));
      return { from: { npm: `${Object.keys(lock.dependencies).length} pinned packages + their locked dependencies` } };
    },
  },
  {
    name: 'django',
    optional: true,
    language: 'python',
    about: "Debian python3-django's whole package folder (django/, every file but bytecode)",
    prepare: (ctx) => ensureAptPackages(APT_PACKAGES, ctx.log),
    fingerprint: aptFingerprint,
    build: (dest) => {
      const t = pythonTree('django', false);
      copyAll(t.root, t.files, dest, t.prefix);
      return { from: aptSources() };
    },
  },
  {
    name: 'ansible',
    optional: true,
    language: 'python',
    about: "Debian ansible's and ansible-core's package folders (ansible/ and ansible_collections/, every file but bytecode)",
    prepare: (ctx) => ensureAptPackages(APT_PACKAGES, ctx.log),
    fingerprint: aptFingerprint,
    build: (dest) => {
      for (const pkg of ['ansible', 'ansible_collections']) {
        const t = pythonTree(pkg, false);
        copyAll(t.root, t.files, dest, t.prefix);
      }
      return { from: aptSources() };
    },
  },
  {
    // The scale run: saleor copied into 22 sibling folders, about 103k files (run it by name).
    name: 'saleor-100k',
    optional: true,
    language: 'python',
    about: 'saleor ×22 (copies/01..22/), about 103,000 files: the 100k-file memory and time check',
    target: { seconds: 40, rssMiB: 1536, label: '100k files < 40 s wall, < 1.5 GB' },
    home: REAL_HOME,
    forceAdd: true,
    prepare: () => tarball('saleor'),
    fingerprint: () => `x22 ${tarball('saleor').split('/').pop()}`,
    build: (dest) => {
      const one = join(dest, 'copies/01');
      mkdirSync(one, { recursive: true });
      run('tar', ['-xzf', tarball('saleor'), '-C', one, '--strip-components=1'], { timeoutMs: 600_000 });
      for (let i = 2; i <= 22; i++) run('cp', ['-a', one, join(dest, `copies/${String(i).padStart(2, '0')}`)], { timeoutMs: 600_000 });
      return { from: { tarball: `${tarball('saleor').split('/').pop()} ×22` } };
    },
  },
];

/** Makes `dir` a git repo with one commit of everything in it (fixed identity and date). */
const commitAll = (dir, forceAdd = false) => {
  const env = {
    GIT_AUTHOR_NAME: 'census bench',
    GIT_AUTHOR_EMAIL: 'bench@localhost',
    GIT_COMMITTER_NAME: 'census bench',
    GIT_COMMITTER_EMAIL: 'bench@localhost',
    GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
  };
  const git = (...args) => run('git', ['-c', 'core.autocrlf=false', '-c', 'gc.auto=0', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, timeoutMs: 600_000 });
  git('init', '-q');
  git('add', '-A', ...(forceAdd ? ['-f'] : []));
  git('commit', '-q', '--no-verify', '-m', 'bench corpus');
};

/**
 * The corpus folder, built if missing or built by an older recipe. Returns
 * { dir, files, bytes, from } where files/bytes count what was copied.
 */
export const ensureCorpus = (corpus, ctx) => {
  const home = corpus.home?.() ?? ctx.corporaDir;
  const dir = join(home, corpus.name);
  const readyFile = join(home, `${corpus.name}.ready.json`);
  if (existsSync(readyFile) && existsSync(dir)) {
    const ready = JSON.parse(readFileSync(readyFile, 'utf8'));
    if (ready.recipe === RECIPE && ready.fingerprint === corpus.fingerprint()) return { dir, ...ready };
  }
  corpus.prepare(ctx);
  ctx.log(`building corpus ${corpus.name} in ${dir}`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const { from } = corpus.build(partial, ctx);
  const copied = listFiles(partial, { keepDir: (name) => name !== '.git' });
  const ready = { recipe: RECIPE, fingerprint: corpus.fingerprint(), files: copied.length, bytes: totalBytes(copied.map((f) => join(partial, f))), from };
  commitAll(partial, corpus.forceAdd === true);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  writeFileSync(readyFile, `${JSON.stringify(ready, null, 2)}\n`);
  return { dir, ...ready };
};
