/**
 * Vitest loads what `test` in vitest.config / vite.config (or the file `vitest -c x` names) names: setupFiles, globalSetup, a local
 * environment, snapshot serializers and reporters, relative to the root (`test.root`, else Vite's
 * `root`, else the folder vitest runs in); inline `projects`/`workspace` entries (with the config
 * an `extends` names) and vitest.workspace files; project config files a `projects` entry names or finds
 * in a folder it names (test-runner-config.ts vitestProjects, the reading test discovery shares),
 * read like the top one from their own folder (their setup files and `include` globs); and its own
 * file kinds beside the tests discovery already finds: benchmarks (`*.bench.ts`) and type tests
 * (`*.test-d.ts`). All test roots. A vitest config is a Vite config: the build inputs it names
 * (`build.lib.entry`, `build.rollupOptions.input`) are references from it, as the vite reader reads them.
 *
 * A run that names its config or root (`vitest -c sub/vitest.config.ts`, `vitest --root packages/a`,
 * `--dir`) collects by that config's `test.include`, relative to the folder it scans: `--dir` or
 * `test.dir` (from the folder vitest runs in), else the root: `--root`, else the config's `root`
 * (both relative to the folder vitest runs in), else that folder, as vitest's docs say; test
 * discovery reads only the configs beside a package.json.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { testFilesOf, testMatcher, vitestPatterns, vitestProjects } from '../../languages/javascript/test-runner-config.js';
import { knipPluginConfigs } from '../../languages/javascript/knip-config-file.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configArg, configsFromCommands, enabledByPackages, filesIn, globFiles, pathEntries, readToolConfig, resolveToolPath, toolInvocations, toolPackages, warnUnread, type JsPackage } from './support.js';
import { viteBuildInputs } from './vite.js';

const CONFIG = /^(vitest|vite)\.config\.[cm]?[jt]s$|^vitest\.(workspace|projects)\.([cm]?[jt]s|json)$/;
const PATH_KEYS = ['setupFiles', 'globalSetup', 'environment', 'snapshotSerializers', 'reporters', 'resolveSnapshotPath'];
export const OWN_KINDS = ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', '**/*.{test,spec}-d.?(c|m)[jt]s?(x)'];
/** What every name OWN_KINDS matches spells: `.bench` (`.benchmark` too) or `-d.`. */
export const MAY_BE_OWN_KIND = (relative: string): boolean => relative.includes('.bench') || relative.includes('-d.');

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['vitest'], /^vitest\.(config|workspace|projects)\./);

/** Where vitest resolves a config's paths: `test.root`, else Vite's `root` (relative to `base`, the folder vitest runs in), else `base`. */
const vitestRoot = (value: ConfigValue | null, base: string): string => {
  const named = configAt(value, 'test', 'root') ?? configAt(value, 'root');
  return named?.kind === 'string' ? (joinRepo(base, named.value) ?? base) : base;
};

/**
 * A config file vitest loads, run from `cwd` (a project config: its own folder): its `test` from
 * its root, and the build inputs it names as a Vite config (a vite.config is the vite reader's).
 */
const readConfig = (ctx: FrameworkContext, config: string, value: ConfigValue | null, cwd: string, out: FrameworkOutput, depth: number, why: string) => {
  const root = vitestRoot(value, cwd);
  if (!/^vite\.config\./.test(basename(config))) viteBuildInputs(ctx, config, value, cwd, root, out);
  readTest(ctx, config, configAt(value, 'test'), { root, cwd }, out, depth, why);
};

/**
 * A `test` block: setup files and the like from the root, as vitest resolves them (a path that
 * names nothing there is looked up from the folder vitest runs in, `cwd`: a config written as if
 * `root` did not apply still means that file); an inline project's include; nested projects.
 */
const readTest = (ctx: FrameworkContext, config: string, test: ConfigValue | null, at: { root: string; cwd: string }, out: FrameworkOutput, depth: number, why: string) => {
  if (test === null || depth > 3) return;
  const { root } = at;
  for (const key of PATH_KEYS) pathEntries(ctx, { config, value: configAt(test, key), key: `test.${key}`, dir: root, fallbackDir: at.cwd, kind: 'test', evidence: why, id: 'vitest' }, out);
  const include = configStrings(configAt(test, 'include'));
  warnUnread(out.diagnostics, 'vitest', config, include.unknown, 'test.include');
  if (depth > 0) {
    // A project's own include; the top level's is test discovery's.
    for (const { file, glob } of globFiles(ctx, root, include.strings.map((s) => s.value))) {
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `vitest project in ${config}: ${glob}${root === dirname(config) ? '' : ` under ${root || '.'}/`}` });
    }
  }
  for (const key of ['projects', 'workspace']) readProjects(ctx, config, configAt(test, key), root, out, depth + 1);
};

/**
 * `projects: ['packages/*\/vitest.config.ts', { extends: './shared.ts', test: {...} }]` and a
 * vitest.workspace file's array, as test-runner-config.ts's vitestProjects reads them (test
 * discovery reads the same entries for their tests). A project config file, named or found in a
 * folder an entry names, is read as vitest reads it, from its own folder; an inline project runs
 * from its `root`, else `base`, with what the config its `extends` names (relative to the config
 * that holds it) adds.
 */
const readProjects = (ctx: FrameworkContext, config: string, list: ConfigValue | null, base: string, out: FrameworkOutput, depth: number) => {
  if (list?.kind !== 'array' || depth > 3) return;
  for (const project of vitestProjects(ctx.files, list, config, base)) {
    if (project.kind === 'inline') {
      const item = project.value;
      const extendsValue = configAt(item, 'extends');
      const extendsPath = extendsValue?.kind === 'string' ? extendsValue : null;
      const extended = extendsPath === null ? null : resolveToolPath(ctx, dirname(config), extendsPath.value);
      const extendedValue = extended === null || extended === config ? null : readToolConfig(ctx, extended, out.diagnostics, 'vitest').value;
      const named = configAt(item, 'test', 'root') ?? configAt(item, 'root');
      const root = named?.kind === 'string' ? vitestRoot(item, base) : vitestRoot(extendedValue, base);
      if (extendsPath !== null && extended !== null && extendedValue !== null) {
        out.entries.push({ source: config, target: extended, targetKind: 'file', kind: 'tooling', evidence: `${config}:${extendsPath.line} vitest project extends "${extendsPath.value}" (loaded by vitest as the base of that project's config)`, line: extendsPath.line });
        readTest(ctx, extended, configAt(extendedValue, 'test'), { root, cwd: base }, out, depth, `loaded by vitest for the project at ${config}:${item.line}, which extends it`);
      }
      readTest(ctx, config, configAt(item, 'test'), { root, cwd: base }, out, depth, 'loaded by vitest');
    } else if (project.kind === 'paths') {
      // Stop 52: a folder's own config too (`projects: ['packages/*']`), which vitest loads as that project's.
      const files = [...project.configs, ...project.folders.flatMap((f) => (f.config === null ? [] : [f.config]))];
      for (const file of files) {
        out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${config}:${project.line} vitest project "${project.spec}"`, line: project.line });
        const { value } = readToolConfig(ctx, file, out.diagnostics, 'vitest');
        readConfig(ctx, file, value, dirname(file), out, depth, `loaded by vitest, a project of ${config}`);
      }
    }
  }
};

const RUN_CONFIG = /^(vitest|vite)\.config\.[cm]?[jt]s$/;

/**
 * The tests of each run that names a config, a root or a dir: what test discovery, reading the
 * configs beside package.json with the package's folder as root, does not see.
 */
const runTests = (ctx: FrameworkContext, out: FrameworkOutput) => {
  const match = testMatcher((reason) => out.diagnostics.push(warning('vitest/glob-refused', reason)));
  const done = new Set<string>();
  for (const call of toolInvocations(ctx, ['vitest'])) {
    const configFlag = configArg(call.args);
    const rootFlag = configArg(call.args, ['--root', '-r']);
    const dirFlag = configArg(call.args, ['--dir']);
    if (configFlag === null && rootFlag === null && dirFlag === null) continue;
    const cliRoot = rootFlag === null ? null : joinRepo(call.cwd, rootFlag);
    // Without -c, vitest looks for its config in the root.
    const config = configFlag !== null ? joinRepo(call.cwd, configFlag) : (filesIn(ctx, cliRoot ?? call.cwd, RUN_CONFIG)[0] ?? null);
    if (config !== null && !ctx.files.has(config)) continue;
    // `vitest --config ./vitest.config.mts` beside package.json, without --root or --dir: test discovery reads that one.
    const besidePackage = config !== null && RUN_CONFIG.test(basename(config)) && dirname(config) === call.cwd && ctx.files.has(joinRepo(call.cwd, 'package.json') ?? '');
    if (besidePackage && rootFlag === null && dirFlag === null) continue;
    const key = `${config}\0${cliRoot}\0${dirFlag}\0${call.cwd}`;
    if (done.has(key)) continue;
    done.add(key);
    const value = config === null ? null : readToolConfig(ctx, config, out.diagnostics, 'vitest', true).value;
    const read = vitestPatterns(value, config, call.cwd);
    if (config !== null) warnUnread(out.diagnostics, 'vitest', config, read.unread, 'test.include/root');
    // The config's `test.dir` (from the folder vitest runs in) is where it scans, whatever the root.
    const configDir = configAt(value, 'test', 'dir')?.kind === 'string';
    const patterns = cliRoot === null || configDir ? read.patterns : { ...read.patterns, root: cliRoot, roots: [cliRoot] };
    // `--dir` is the folder the include globs are matched from, as `test.dir` is.
    const dir = dirFlag === null ? null : joinRepo(call.cwd, dirFlag);
    if (dir !== null) {
      patterns.root = dir;
      patterns.roots = [dir];
    }
    const named = config === null ? 'its defaults' : `${config} ${patterns.key === 'defaults' ? "with vitest's default include" : patterns.key}`;
    for (const { file, pattern } of testFilesOf(ctx.files, patterns, match)) {
      out.entries.push({ source: config ?? call.source, target: file, targetKind: 'file', kind: 'test', evidence: `vitest discovery: ${pattern} under ${patterns.root || '.'}/ (${named}, for ${call.evidence})` });
    }
  }
};

const vitest: FrameworkReader = {
  id: 'vitest',
  title: 'Vitest (setup files, global setup, projects and workspaces, benchmarks, type tests)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Vitest'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const named = configsFromCommands(ctx, ['vitest']);
    const knip = knipPluginConfigs(ctx.files, ctx.readText, ['vitest']);
    for (const pkg of packages(ctx)) {
      // `vitest -c config/fiep.ts` names a config outside the package folder's usual names; so may a knip config (`"vitest": "vitest.ci.ts"`).
      const configs = [...new Set([...filesIn(ctx, pkg.dir, CONFIG), ...named.filter((c) => c.dir === pkg.dir).map((c) => c.config), ...knip.filter((k) => k.dir === pkg.dir).map((k) => k.config)])];
      for (const config of configs) {
        const { value } = readToolConfig(ctx, config, out.diagnostics, 'vitest');
        if (/^vitest\.(workspace|projects)\./.test(basename(config))) readProjects(ctx, config, value, pkg.dir, out, 1);
        else readConfig(ctx, config, value, pkg.dir, out, 0, 'loaded by vitest');
      }
      for (const { file, glob } of globFiles(ctx, pkg.dir, OWN_KINDS, MAY_BE_OWN_KIND)) out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'test', evidence: `vitest discovery: ${glob}` });
    }
    runTests(ctx, out);
    return out;
  },
};

export default vitest;
