/**
 * tsd, the type definition tester (`tsd` in a package script): the `.test-d.ts` files it checks are
 * test roots. `tsd [path] [--files glob]... [--typings file]` runs in the package at `path` (the
 * folder it runs in when absent). With `--files`/`-f`, the globs (relative to that folder; a folder
 * stands for everything under it, as globby expands it) are the tests. Without, tsd takes the typings
 * file's twin (`--typings`, else package.json `tsd.typingsFile`, `types`, `typings`, `main` with
 * .d.ts, else index.d.ts: `index.d.ts` -> `index.test-d.ts` / `.test-d.tsx`), and when there is none,
 * every .ts/.tsx under package.json `tsd.directory` (default `test-d`). A package that depends on tsd
 * but whose run census cannot see gets those defaults.
 * The old DefinitelyTyped manager was also called `tsd` (`tsd install`, a tsd.json beside it): its
 * commands and folders with a tsd.json are not type tests.
 */
import { isRecord } from '../../manifests/json.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, globFiles, jsPackages, optionValues, positionalArgs, toolInvocations, toolPackages } from './support.js';

const VALUE_FLAGS = ['--files', '-f', '--typings', '-t'];
/** Commands of the old DefinitelyTyped manager `tsd` (deprecated 2016), which shares the name. */
const OLD_TSD_COMMANDS = new Set(['install', 'reinstall', 'query', 'init', 'link', 'rebundle', 'update', 'purge', 'settings', 'help']);
/** What tsd compiles: TypeScript sources (a `--files` folder holds its tsconfig.json too). */
const CODE = /\.[cm]?tsx?$/;
const GLOB = /[*?[\]{}!]/;

interface Run {
  cwd: string;
  args: string[];
  evidence: string;
  source: string;
}

const runs = (ctx: FrameworkContext): Run[] =>
  toolInvocations(ctx, ['tsd'])
    .filter((c) => !OLD_TSD_COMMANDS.has(positionalArgs(c.args, VALUE_FLAGS)[0] ?? ''))
    .map((c) => ({ cwd: c.cwd, args: c.args, evidence: c.evidence, source: c.source }));

/** The test files tsd takes without `--files`: the typings file's twin, else its test folder's TypeScript. */
const defaultTests = (ctx: FrameworkContext, dir: string, json: Record<string, unknown>, typingsArg: string | null): { files: string[]; how: string } => {
  const config = isRecord(json.tsd) ? json.tsd : {};
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const main = str(json.main);
  const typings = typingsArg ?? str(config.typingsFile) ?? str(json.types) ?? str(json.typings) ?? (main !== null ? `${main.replace(/\.[cm]?[jt]sx?$/, '')}.d.ts` : null) ?? 'index.d.ts';
  const twins = ['.test-d.ts', '.test-d.tsx'].map((ext) => joinRepo(dir, typings.replace(/\.d\.ts$/, ext))).filter((f): f is string => f !== null && ctx.files.has(f));
  if (twins.length > 0) return { files: twins, how: `the twin of typings ${typings}` };
  const folder = str(config.directory) ?? 'test-d';
  const root = joinRepo(dir, folder.replace(/\/+$/, ''));
  if (root === null) return { files: [], how: '' };
  return { files: globFiles(ctx, root, ['**/*.ts', '**/*.tsx']).map((m) => m.file), how: `test folder ${folder}${str(config.directory) !== null ? ' (package.json tsd.directory)' : ''}` };
};

/** `seen`: the folders and globs already collected, as a script reached through two chains is one run. */
const collectRun = (ctx: FrameworkContext, run: Run, out: FrameworkOutput, seen: Set<string>) => {
  const path = positionalArgs(run.args, VALUE_FLAGS)[0];
  const dir = path === undefined ? run.cwd : joinRepo(run.cwd, path.replace(/\/+$/, '') || '.');
  if (dir === null || ctx.files.has(joinRepo(dir, 'tsd.json') ?? '')) return;
  const globs = optionValues(run.args, ['--files', '-f']).map((g) => g.replace(/^\.\//, '').replace(/\/+$/, ''));
  const typingsArg = optionValues(run.args, ['--typings', '-t'])[0] ?? null;
  const key = `${dir}\0${globs.join('\0')}\0${typingsArg}`;
  if (seen.has(key)) return;
  seen.add(key);
  const push = (file: string, how: string) => {
    if (!CODE.test(file) || file.endsWith('.d.ts') || file.includes('node_modules/')) return;
    out.entries.push({ source: run.source, target: file, targetKind: 'file', kind: 'test', evidence: `tsd type tests (${how}) (${run.evidence})` });
  };
  if (globs.length > 0) {
    // globby expands a folder to everything under it: `--files types/tests` is `types/tests/**`.
    const patterns = globs.flatMap((g) => (GLOB.test(g) || ctx.files.has(joinRepo(dir, g) ?? '') ? [g] : [g, `${g}/**`]));
    for (const m of globFiles(ctx, dir, patterns)) push(m.file, `--files ${m.glob.replace(/\/\*\*$/, '')}`);
    return;
  }
  const json = jsPackages(ctx).find((p) => p.dir === dir)?.json ?? {};
  const found = defaultTests(ctx, dir, json, typingsArg);
  for (const file of found.files) push(file, found.how);
};

const tsd: FrameworkReader = {
  id: 'tsd',
  title: 'tsd (type definition tests: --files globs, or the typings twin and test-d/)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const run = runs(ctx)[0];
    return run ? `${run.evidence} runs tsd` : enabledByPackages(toolPackages(ctx, ['tsd'], null), 'tsd');
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const all = runs(ctx);
    const seen = new Set<string>();
    for (const run of all) collectRun(ctx, run, out, seen);
    for (const pkg of toolPackages(ctx, ['tsd'], null)) {
      if (toolInvocations(ctx, ['tsd']).some((r) => r.cwd === pkg.dir)) continue;
      collectRun(ctx, { cwd: pkg.dir, args: [], evidence: `${pkg.manifest} depends on tsd`, source: pkg.manifest }, out, seen);
    }
    return out;
  },
};

export default tsd;
