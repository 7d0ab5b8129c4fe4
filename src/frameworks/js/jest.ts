/**
 * Jest loads files its config names, not imports: setupFiles, setupFilesAfterEnv, globalSetup,
 * globalTeardown, a local testEnvironment, moduleNameMapper and transform targets, node-module
 * mocks in a `__mocks__` folder under its roots (jest-node-mocks.ts), snapshot
 * serializers, reporters, a local `preset` (its jest-preset.js), inline `projects` and project
 * folders with their own jest.config, and another local config a config spreads
 * (`...require('./jest.config.shared')`). All are test roots (the test files themselves come from
 * test discovery). Read from jest.config.*, package.json "jest" or the file `jest --config x`
 * names, statically, relative to the config's folder (`rootDir` moves `<rootDir>`).
 *
 * A config only a command names (`jest --config ./test/jest-e2e.json`, NestJS's e2e setup) is
 * also read for the tests it collects — `testMatch`/`testRegex` under `roots`, with `rootDir`
 * relative to the config's folder — since test discovery sees only the configs beside a
 * package.json. A config a knip config names for its jest plugin is read like one beside package.json.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { jestPatterns, testFilesOf, testMatcher } from '../../languages/javascript/test-runner-config.js';
import { knipPluginConfigs } from '../../languages/javascript/knip-config-file.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { nodeModuleMocks } from './jest-node-mocks.js';
import { configArg, enabledByPackages, filesIn, pathEntries, readToolConfig, resolveToolPath, toolInvocations, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^jest\.config\.([cm]?[jt]s|json)$/;
const PATH_KEYS = [
  'setupFiles', 'setupFilesAfterEnv', 'globalSetup', 'globalTeardown', 'testEnvironment', 'moduleNameMapper', 'transform',
  'snapshotSerializers', 'reporters', 'testSequencer', 'resolver', 'watchPlugins', 'runner', 'testResultsProcessor', 'snapshotResolver',
];

/** Configs named on command lines (`jest --config x`, `jest -c x`), once each, with the first command that names them. */
const namedConfigs = (ctx: FrameworkContext): { dir: string; config: string; evidence: string }[] => {
  const out = new Map<string, { dir: string; config: string; evidence: string }>();
  for (const call of toolInvocations(ctx, ['jest'])) {
    const arg = configArg(call.args);
    const config = arg === null ? null : joinRepo(call.cwd, arg);
    if (config !== null && ctx.files.has(config) && !out.has(config)) out.set(config, { dir: call.cwd, config, evidence: call.evidence });
  }
  return [...out.values()];
};

/** Configs a knip config names for its jest plugin (`"jest": { "config": ["project1/jest.config.js"] }`), by knip workspace folder. */
const knipConfigs = (ctx: FrameworkContext): { dir: string; config: string }[] =>
  knipPluginConfigs(ctx.files, ctx.readText, ['jest']).filter((k) => basename(k.config) !== 'package.json');

const packages = (ctx: FrameworkContext, named: { dir: string }[]): JsPackage[] =>
  toolPackages(ctx, ['jest'], CONFIG).filter((p) => filesIn(ctx, p.dir, CONFIG).length > 0 || p.json.jest !== undefined || named.some((c) => c.dir === p.dir));

/** The tests a command-named config collects: test discovery reads only the configs beside a package.json. */
const collectedTests = (ctx: FrameworkContext, named: { config: string; evidence: string }, out: FrameworkOutput) => {
  const { value } = readToolConfig(ctx, named.config, out.diagnostics, 'jest', true);
  const read = jestPatterns(value, named.config, dirname(named.config));
  warnUnread(out.diagnostics, 'jest', named.config, read.unread, 'testMatch/testRegex/roots/rootDir');
  for (const r of read.refused) out.diagnostics.push(warning('jest/regex-refused', `testRegex "${r.text.slice(0, 80)}" is not compiled: it could backtrack without end`, named.config, r.line));
  const match = testMatcher((reason) => out.diagnostics.push(warning('jest/glob-refused', reason, named.config)));
  const rootDir = read.patterns.root === dirname(named.config) ? '' : ` under ${read.patterns.root || '.'}/`;
  for (const { file, pattern } of testFilesOf(ctx.files, read.patterns, match)) {
    const key = read.patterns.key === 'defaults' ? "jest's default testMatch" : read.patterns.key;
    out.entries.push({ source: named.config, target: file, targetKind: 'file', kind: 'test', evidence: `jest discovery: ${pattern}${rootDir} (${named.config} ${key}, the config of ${named.evidence})` });
  }
};

/** `...require('./jest.config.shared')`: a config spreading another local one takes its options too. */
const SPREAD_REQUIRE = /\.\.\.\s*require\(\s*(["'])(\.{1,2}\/[^"'\n]+)\1\s*\)/g;

const readOptions = (ctx: FrameworkContext, config: string, value: ConfigValue | null, dir: string, out: FrameworkOutput, depth: number) => {
  if (depth > 3 || value === null) return;
  if (depth === 0 && /\.[cm]?[jt]s$/.test(config)) {
    for (const m of (ctx.readText(config) ?? '').matchAll(SPREAD_REQUIRE)) {
      const shared = resolveToolPath(ctx, dirname(config), m[2]);
      if (shared && shared !== config) readOptions(ctx, shared, readToolConfig(ctx, shared, out.diagnostics, 'jest').value, dir, out, depth + 1);
    }
  }
  const rootDirValue = configAt(value, 'rootDir');
  const root = rootDirValue?.kind === 'string' ? (joinRepo(dir, rootDirValue.value) ?? dir) : dir;
  for (const key of PATH_KEYS) {
    pathEntries(ctx, { config, value: configAt(value, key), key, dir, root, kind: 'test', evidence: 'loaded by jest', id: 'jest' }, out);
  }
  const preset = configAt(value, 'preset');
  if (preset?.kind === 'string' && preset.value.startsWith('.')) {
    const presetDir = joinRepo(dir, preset.value);
    const file = presetDir === null ? null : (resolveToolPath(ctx, presetDir, './jest-preset') ?? resolveToolPath(ctx, dir, preset.value));
    if (file) {
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${config}:${preset.line} preset "${preset.value}" (loaded by jest)`, line: preset.line });
      const read = readToolConfig(ctx, file, out.diagnostics, 'jest');
      readOptions(ctx, file, read.value, dir, out, depth + 1);
    }
  }
  const projects = configAt(value, 'projects');
  if (projects?.kind === 'array') {
    for (const p of projects.items) {
      if (p.kind === 'object') readOptions(ctx, config, p, dir, out, depth + 1);
      else if (p.kind === 'string' && !/[*?{]/.test(p.value)) {
        // `projects: ['<rootDir>/packages/a']`: that folder's own jest.config, relative to its folder.
        const folder = p.value.startsWith('<rootDir>') ? joinRepo(root, p.value.slice('<rootDir>'.length).replace(/^\//, '')) : joinRepo(dir, p.value);
        const projectConfig = folder === null ? null : (filesIn(ctx, folder, CONFIG)[0] ?? null);
        if (projectConfig && projectConfig !== config) readOptions(ctx, projectConfig, readToolConfig(ctx, projectConfig, out.diagnostics, 'jest').value, folder ?? dir, out, depth + 1);
      }
    }
  }
};

const jest: FrameworkReader = {
  id: 'jest',
  title: 'Jest (setup files, global setup, module mappers, transforms, presets, projects)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx, [...namedConfigs(ctx), ...knipConfigs(ctx)]), 'Jest'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const named = namedConfigs(ctx);
    const fromKnip = knipConfigs(ctx);
    for (const pkg of packages(ctx, [...named, ...fromKnip])) {
      // `jest --config test/jest-e2e.json`: paths in it are relative to its own folder (its rootDir by default).
      const beside = filesIn(ctx, pkg.dir, CONFIG);
      const fromCommands = named.filter((c) => c.dir === pkg.dir && !beside.includes(c.config) && basename(c.config) !== 'package.json');
      // A config knip is told about is one jest runs too; its tests are test discovery's, which reads it as well.
      const configs = [...new Set([...beside, ...fromCommands.map((c) => c.config), ...fromKnip.filter((k) => k.dir === pkg.dir).map((k) => k.config)])];
      for (const config of configs) {
        const { value } = readToolConfig(ctx, config, out.diagnostics, 'jest');
        readOptions(ctx, config, value, dirname(config), out, 0);
        nodeModuleMocks(ctx, pkg, config, value, dirname(config), out);
      }
      for (const c of fromCommands) collectedTests(ctx, c, out);
      if (pkg.json.jest !== undefined) {
        const read = readToolConfig(ctx, pkg.manifest, out.diagnostics, 'jest');
        readOptions(ctx, pkg.manifest, configAt(read.value, 'jest'), pkg.dir, out, 0);
        nodeModuleMocks(ctx, pkg, pkg.manifest, configAt(read.value, 'jest'), pkg.dir, out);
      }
    }
    return out;
  },
};

export default jest;
