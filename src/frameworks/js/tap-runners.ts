/**
 * tap and tape, the Test Anything Protocol runners much of npm tests with, run the files their
 * command line names, which nothing imports: `tap test/*.js`, `tape 'test/**\/*.js' | tap-spec`,
 * relative to the folder the command runs in (the package's, for an npm script).
 *
 * - tape reads each argument as a glob (`tape` documents quoting it so the shell leaves it alone),
 *   and `-r`/`--require` loads a local module before the tests. With no argument it runs nothing.
 * - tap takes files, globs and folders (a folder: the code files below it, as tap walks it), and
 *   `--before`/`--after` programs; with no path it runs its default test files, tap's
 *   `--test-regex` (a file under `test/`, `tests/` or `__tests__/`, or named `*.test.*`,
 *   `*.spec.*`, `test.*`) less its `--test-ignore` (`fixtures/` and `node_modules/` folders).
 *
 * All are test roots. The runner must be a dependency of the package: a `tap` word elsewhere is
 * another program's.
 */
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { tapConfigOf } from './tap-config.js';
import { dependsOn, eachPackage, enabledByPackages, globFiles, jsPackages, optionValues, packageFilesUnder, positionalArgs, resolveToolPath, toolInvocations, type JsPackage, type ToolInvocation } from './support.js';

const CODE = /\.([cm]?[jt]sx?)$/;
/**
 * tap's options that take a value (`-R spec`, `--node-arg=--x` is one word). `-c` is `--color`, a flag of its own
 * (`tap -c test/*.js` runs test/*.js); `-r`/`--reporter-arg` hands its value to the reporter, never a test (tap 16's
 * `tap --help`); `--plugin`, `--include`, `--exclude` are tap 18's.
 */
const TAP_VALUES = ['-R', '--reporter', '-o', '--output-file', '-d', '--output-dir', '-t', '--timeout', '-j', '--jobs', '-g', '--grep', '--node-arg', '--nyc-arg', '--test-arg', '--test-regex', '--test-ignore', '--coverage-report', '--rcfile', '--libtap-settings', '--before', '--after', '--save', '-s', '--files', '-M', '--coverage-map', '--test-env', '-r', '--reporter-arg', '--plugin', '--include', '--exclude'];
/** tape's options that take a value. */
const TAPE_VALUES = ['-r', '--require', '-i', '--ignore', '--ignore-pattern'];
/** tap's default `--test-regex`: what it runs when given no path. */
const TAP_DEFAULT = /((\/|^)(tests?|__tests?__)\/.*|\.(tests?|spec)|^\/?tests?)\.([mc]js|[jt]sx?)$/i;
/** tap's default `--test-ignore`. */
const TAP_IGNORE = /(^|\/)(fixtures|node_modules)\//;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'tap') || dependsOn(p, 'tape'));

const push = (out: FrameworkOutput, source: string, target: string, evidence: string) =>
  out.entries.push({ source, target, targetKind: 'file', kind: 'test', evidence });

/** The code files one argument names, relative to `dir`: the file, a folder's files below it (tap only), or a glob's matches. */
const filesAt = (ctx: FrameworkContext, dir: string, arg: string, folders: boolean): string[] => {
  const clean = arg.replace(/^\.\//, '').replace(/\/+$/, '');
  const path = clean === '' || clean === '.' ? dir : joinRepo(dir, clean);
  if (path !== null && ctx.files.has(path)) return CODE.test(path) ? [path] : [];
  if (folders && path !== null && !/[*?{[]/.test(clean)) {
    const prefix = path === '' ? '' : `${path}/`;
    return globFiles(ctx, path, ['**/*']).map((g) => g.file).filter((f) => CODE.test(f) && !TAP_IGNORE.test(f.slice(prefix.length)) && !basename(f).startsWith('.'));
  }
  return globFiles(ctx, dir, [clean]).map((g) => g.file).filter((f) => CODE.test(f));
};

const collectRun = (ctx: FrameworkContext, pkg: JsPackage, run: ToolInvocation, out: FrameworkOutput): void => {
  const tap = run.bin === 'tap';
  const paths = positionalArgs(run.args, tap ? TAP_VALUES : TAPE_VALUES);
  for (const path of paths) for (const file of filesAt(ctx, pkg.dir, path, tap)) push(out, run.source, file, `${run.bin} "${path}" (${run.evidence})`);
  // A module loaded before the tests: a path (`-r ./test/setup`), not a package (`-r esm`).
  for (const option of tap ? ['--before', '--after'] : ['-r', '--require']) {
    for (const value of optionValues(run.args, [option])) {
      if (!tap && !value.startsWith('.') && !value.startsWith('/')) continue;
      const file = resolveToolPath(ctx, pkg.dir, value.startsWith('.') || value.startsWith('/') ? value : `./${value}`);
      if (file) push(out, run.source, file, `${run.bin} ${option} "${value}" (${run.evidence})`);
    }
  }
  if (!tap || paths.length > 0) return;
  // A bare `tap` runs what its config names (tap-config.ts), else its default test files.
  const config = tapConfigOf(ctx, pkg, run.args, out.diagnostics);
  for (const p of config.programs) {
    const file = resolveToolPath(ctx, pkg.dir, p.value.startsWith('.') || p.value.startsWith('/') ? p.value : `./${p.value}`);
    if (file) push(out, run.source, file, `tap's ${p.key} "${p.value}" (${p.where}; ${run.evidence})`);
  }
  if (config.files.length > 0) {
    const excluded = globFiles(ctx, pkg.dir, config.exclude).map((g) => g.file);
    for (const f of config.files) {
      for (const file of filesAt(ctx, pkg.dir, f.value, true)) if (!excluded.includes(file)) push(out, run.source, file, `tap's ${f.key} "${f.value}" (${f.where}; ${run.evidence})`);
    }
    return;
  }
  const regex = config.testRegex?.regex ?? TAP_DEFAULT;
  const ignore = config.testIgnore ?? TAP_IGNORE;
  const why = config.testRegex === null ? "tap's default test files" : `tap's test-regex (${config.testRegex.where})`;
  const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    const relative = file.slice(prefix.length);
    if (CODE.test(relative) && regex.test(relative) && !ignore.test(relative)) push(out, run.source, file, `${why} (${run.evidence})`);
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  for (const run of toolInvocations(ctx, ['tap', 'tape'])) if (run.cwd === pkg.dir) collectRun(ctx, pkg, run, out);
};

const tapRunners: FrameworkReader = {
  id: 'tap-runners',
  title: 'tap and tape (the test files, globs and folders of their command lines; tap\'s default test files)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'tap or tape'),
  collect: eachPackage(packages, collectPackage),
};

export default tapRunners;
