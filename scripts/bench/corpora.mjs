// The bench corpora: real code that arrives through this machine's registries (Debian's
// python3-django and ansible, pinned npm packages that ship TypeScript sources), copied into
// bench/.corpora/<name>/ (gitignored) and committed there as a git repo of its own, so census
// scans each one the way it scans a user's repo. Built once; later runs reuse them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aptVersion, ensureAptPackages, ensureNpmPackages } from './install.mjs';
import { copyOne, listFiles, totalBytes } from './files.mjs';
import { run } from './shell.mjs';

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
];

/** Makes `dir` a git repo with one commit of everything in it (fixed identity and date). */
const commitAll = (dir) => {
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
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'bench corpus');
};

/**
 * The corpus folder, built if missing or built by an older recipe. Returns
 * { dir, files, bytes, from } where files/bytes count what was copied.
 */
export const ensureCorpus = (corpus, ctx) => {
  const dir = join(ctx.corporaDir, corpus.name);
  const readyFile = join(ctx.corporaDir, `${corpus.name}.ready.json`);
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
  commitAll(partial);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  writeFileSync(readyFile, `${JSON.stringify(ready, null, 2)}\n`);
  return { dir, ...ready };
};
