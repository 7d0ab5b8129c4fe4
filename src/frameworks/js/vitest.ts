/**
 * Vitest loads what `test` in vitest.config / vite.config (or the file `vitest -c x` names) names: setupFiles, globalSetup, a local
 * environment, snapshot serializers and reporters; inline `projects`/`workspace` entries and
 * vitest.workspace files (their configs and `include` globs); and its own file kinds beside the
 * tests discovery already finds: benchmarks (`*.bench.ts`) and type tests (`*.test-d.ts`). All test roots.
 *
 * A run that names its config or root (`vitest -c sub/vitest.config.ts`, `vitest --root packages/a`,
 * `--dir`) collects by that config's `test.include`, relative to the root: `--root`, else the
 * config's `root` (both relative to the folder vitest runs in), else that folder, as vitest's docs
 * say; test discovery reads only the configs beside a package.json.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { testFilesOf, testMatcher, vitestPatterns } from '../../languages/javascript/test-runner-config.js';
import { knipPluginConfigs } from '../../languages/javascript/knip-config-file.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configArg, configsFromCommands, enabledByPackages, filesIn, globFiles, pathEntries, readToolConfig, toolInvocations, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^(vitest|vite)\.config\.[cm]?[jt]s$|^vitest\.(workspace|projects)\.([cm]?[jt]s|json)$/;
const PATH_KEYS = ['setupFiles', 'globalSetup', 'environment', 'snapshotSerializers', 'reporters', 'resolveSnapshotPath'];
const OWN_KINDS = ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', '**/*.{test,spec}-d.?(c|m)[jt]s?(x)'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['vitest'], /^vitest\.(config|workspace|projects)\./);

const readTest = (ctx: FrameworkContext, config: string, test: ConfigValue | null, dir: string, out: FrameworkOutput, depth: number) => {
  if (test === null || depth > 3) return;
  for (const key of PATH_KEYS) pathEntries(ctx, { config, value: configAt(test, key), key: `test.${key}`, dir, kind: 'test', evidence: 'loaded by vitest', id: 'vitest' }, out);
  const include = configStrings(configAt(test, 'include'));
  warnUnread(out.diagnostics, 'vitest', config, include.unknown, 'test.include');
  if (depth > 0) {
    // An inline project's own include; the top level's is test discovery's.
    for (const { file, glob } of globFiles(ctx, dir, include.strings.map((s) => s.value))) {
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `vitest project in ${config}: ${glob}` });
    }
  }
  for (const key of ['projects', 'workspace']) readProjects(ctx, config, configAt(test, key), dir, out, depth + 1);
};

/** `projects: ['packages/*', { test: {...} }]` and a vitest.workspace file's array. */
const readProjects = (ctx: FrameworkContext, config: string, list: ConfigValue | null, dir: string, out: FrameworkOutput, depth: number) => {
  if (list?.kind !== 'array') return;
  for (const item of list.items) {
    if (item.kind === 'object') readTest(ctx, config, configAt(item, 'test'), dir, out, depth);
    else if (item.kind === 'string' && /\.[cm]?[jt]s$/.test(item.value)) {
      for (const { file } of globFiles(ctx, dir, [item.value])) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${config}:${item.line} vitest project "${item.value}"`, line: item.line });
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
    const patterns = cliRoot === null ? read.patterns : { ...read.patterns, root: cliRoot, roots: [cliRoot] };
    const dir = dirFlag === null ? null : joinRepo(call.cwd, dirFlag);
    if (dir !== null) patterns.roots = [dir];
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
        if (/^vitest\.(workspace|projects)\./.test(config.split('/').pop() ?? '')) readProjects(ctx, config, value, pkg.dir, out, 1);
        else readTest(ctx, config, configAt(value, 'test'), pkg.dir, out, 0);
      }
      for (const { file, glob } of globFiles(ctx, pkg.dir, OWN_KINDS)) out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'test', evidence: `vitest discovery: ${glob}` });
    }
    runTests(ctx, out);
    return out;
  },
};

export default vitest;
