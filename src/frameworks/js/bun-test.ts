/**
 * Bun's test runner (`bun test`): the files it collects are test roots. By bun's documented
 * defaults it collects `*.test.*`, `*_test.*`, `*.spec.*` and `*_spec.*` (.js, .jsx, .ts, .tsx)
 * below the folder it runs in, outside node_modules and hidden folders. Arguments narrow that: one
 * that starts with `./` or `/` is a path (a file runs whatever its name, a folder's test files
 * run), a glob (`src/**\/*.check.ts`, as a shell with globstar hands bun the files it matches)
 * runs the files it matches whatever their names, any other is a filter, a substring of the test
 * file's path; a `--preload` file is loaded
 * first, and so are bunfig.toml's `[test] preload` files; its `[test] root` is where bun looks. A package that depends on
 * bun's types (`bun-types`, `@types/bun`) but whose `bun test` census cannot see gets the defaults
 * below its folder.
 */
import { testFilesOf, testMatcher, type TestPatterns } from '../../languages/javascript/test-runner-config.js';
import { warning } from '../../util/diagnostics.js';
import { isGlob } from '../../util/glob.js';
import { joinRepo } from '../../util/path.js';
import { isRecord } from '../../manifests/json.js';
import { keyLine, TOML } from '../../manifests/toml.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { dependsOn, enabledByPackages, globFiles, jsPackages, positionalArgs, resolveToolPath, toolInvocations, type JsPackage } from './support.js';

const DEFAULTS = ['**/*.test.{js,jsx,ts,tsx}', '**/*_test.{js,jsx,ts,tsx}', '**/*.spec.{js,jsx,ts,tsx}', '**/*_spec.{js,jsx,ts,tsx}'];
/** `bun test` options that take a value (the value is not a path or filter). */
const VALUE_FLAGS = ['-t', '--test-name-pattern', '--timeout', '--preload', '-r', '--rerun-each', '--coverage-dir', '--coverage-reporter', '--reporter', '--reporter-outfile', '--max-concurrency', '--seed', '--cwd', '--config', '-c', '--env-file', '--tsconfig-override'];
const TYPES = ['bun-types', '@types/bun'];
/** The files bun runs as tests (what a glob argument matches besides these is not code). */
const CODE = /\.[cm]?[jt]sx?$/;

interface BunRun {
  cwd: string;
  args: string[];
  evidence: string;
  source: string;
}

const runs = (ctx: FrameworkContext): BunRun[] => toolInvocations(ctx, ['bun']).filter((c) => c.args[0] === 'test').map((c) => ({ cwd: c.cwd, args: c.args.slice(1), evidence: `bun test in ${c.evidence}`, source: c.source }));

const typed = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => TYPES.some((t) => dependsOn(p, t)));

/** A folder whose name starts with a dot: bun does not look inside. */
const inHiddenFolder = (file: string, root: string): boolean => file.slice(root === '' ? 0 : root.length + 1).split('/').slice(0, -1).some((s) => s.startsWith('.'));

const collectRun = (ctx: FrameworkContext, run: BunRun, out: FrameworkOutput, match: ReturnType<typeof testMatcher>) => {
  const words = positionalArgs(run.args, VALUE_FLAGS);
  const globs = words.filter((w) => isGlob(w) && !w.startsWith('/'));
  const paths = words.filter((w) => !globs.includes(w) && (w.startsWith('./') || w.startsWith('/') || w === '.'));
  const filters = words.filter((w) => !paths.includes(w) && !globs.includes(w));
  // bunfig.toml's `[test]`: `preload` files load before the tests, `root` is where bun looks.
  const bunfig = joinRepo(run.cwd, 'bunfig.toml');
  const test = bunfig !== null && ctx.files.has(bunfig) ? ctx.manifests.get(bunfig, TOML)?.value.test : undefined;
  const config = isRecord(test) ? test : {};
  for (const value of typeof config.preload === 'string' ? [config.preload] : Array.isArray(config.preload) ? config.preload : []) {
    const file = typeof value === 'string' ? resolveToolPath(ctx, run.cwd, value.startsWith('.') || value.startsWith('/') ? value : `./${value}`) : null;
    if (file !== null) out.entries.push({ source: bunfig ?? run.source, target: file, targetKind: 'file', kind: 'test', evidence: `${bunfig}:${keyLine(ctx.readText(bunfig ?? '') ?? '', 'test', 'preload')} [test] preload "${value}" (loaded by bun test)` });
  }
  const root = typeof config.root === 'string' ? joinRepo(run.cwd, config.root.replace(/\/+$/, '') || '.') : null;
  const patterns: TestPatterns = { runner: 'bun', config: null, root: run.cwd, roots: [root ?? run.cwd], globs: DEFAULTS, regexes: [], key: 'defaults' };
  // The pattern first: the command quoted after it keeps the sentence "collected by", not "run by".
  const push = (file: string, why: string) => out.entries.push({ source: run.source, target: file, targetKind: 'file', kind: 'test', evidence: `bun test discovery: ${why} (${run.evidence})` });
  const folders: string[] = [];
  for (const p of paths) {
    // An absolute path names a folder on the machine running it; only a relative one is placed in the repo.
    const target = p.startsWith('/') ? null : joinRepo(run.cwd, p.replace(/\/+$/, '') || '.');
    if (target === null) continue;
    if (ctx.files.has(target)) push(target, `the path "${p}"`);
    else folders.push(target);
  }
  // A glob names the files to run, whatever their names (`bun test src/**/*.check.ts`).
  for (const { file, glob } of globFiles(ctx, run.cwd, globs)) if (CODE.test(file)) push(file, `the glob "${glob}"`);
  // `--preload ./setup.ts` (`-r`): bun loads it before the tests.
  run.args.forEach((a, i) => {
    const value = a === '--preload' || a === '-r' ? run.args[i + 1] : a.startsWith('--preload=') ? a.slice('--preload='.length) : undefined;
    const file = value === undefined ? null : resolveToolPath(ctx, run.cwd, value.startsWith('.') || value.startsWith('/') ? value : `./${value}`);
    if (file !== null) out.entries.push({ source: run.source, target: file, targetKind: 'file', kind: 'test', evidence: `bun test --preload "${value}" (${run.evidence.replace(/^bun test in /, '')})` });
  });
  if (paths.length + globs.length > 0 && folders.length === 0 && filters.length === 0) return;
  const scoped = folders.length > 0 ? { ...patterns, roots: folders } : patterns;
  for (const { file, pattern } of testFilesOf(ctx.files, scoped, match)) {
    if (inHiddenFolder(file, run.cwd)) continue;
    const filter = filters.find((f) => file.includes(f));
    if (filters.length > 0 && !filter) continue;
    const scope = filter !== undefined ? `, filter "${filter}"` : folders.length > 0 ? `, below ${folders.find((f) => file.startsWith(`${f}/`)) ?? run.cwd}/` : '';
    push(file, `${pattern}${scope}`);
  }
};

const bunTest: FrameworkReader = {
  id: 'bun-test',
  title: 'bun test (its default test file names, path arguments and filters)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const run = runs(ctx)[0];
    return run ? `${run.evidence.replace(/^bun test in /, '')} runs bun test` : enabledByPackages(typed(ctx), "bun's types");
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const match = testMatcher((reason) => out.diagnostics.push(warning('bun-test/glob-refused', reason)));
    const all = runs(ctx);
    for (const run of all) collectRun(ctx, run, out, match);
    for (const pkg of typed(ctx)) {
      if (all.some((r) => r.cwd === pkg.dir)) continue;
      collectRun(ctx, { cwd: pkg.dir, args: [], evidence: `${pkg.manifest} depends on ${TYPES.find((t) => dependsOn(pkg, t))}`, source: pkg.manifest }, out, match);
    }
    return out;
  },
};

export default bunTest;
