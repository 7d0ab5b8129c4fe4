/**
 * A knip config the repo already has (knip.json, .knip.json, knip.jsonc, knip.ts, knip.config.ts,
 * package.json "knip"): its `entry` globs are production entries, for the root and for each of
 * its `workspaces`, so a team coming from knip keeps the entry points it declared. Its `ignore`
 * globs are tooling roots whose evidence names the knip config: knip reports nothing about those
 * files, so census does not call them dead either. `project` is not read: it narrows what knip
 * looks at, it does not say a file is used, and census keeps its own discovery (a file outside
 * `project` is judged on census's own evidence). Patterns are relative to the workspace; a
 * trailing `!` (knip's production marker) is dropped and `!glob` excludes. A knip.ts is read
 * statically; what is computed there is a warning, never a guess.
 *
 * A plugin's `config` files are tooling roots (knip makes them entries), its `entry` globs test
 * roots for a test runner's plugin (jest, vitest, ava, …), else tooling. `knipPluginConfigs` gives the config files a knip config names for a plugin (`"jest": { "config":
 * ["jest.e2e.config.js"] }`, `"vitest": "vitest.ci.ts"`), per workspace: test discovery reads them
 * like the runner's own configs.
 */
import { compileRepoGlob, compileRepoGlobs } from '../util/glob.js';
import { readConfigFile, type ConfigValue } from '../languages/javascript/config-value.js';
import { byString } from '../util/compare.js';
import { sortedPaths } from '../util/file-index.js';
import { warning } from '../util/diagnostics.js';
import { parseJsonc } from '../util/jsonc.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { isRecord } from '../manifests/json.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

const JSON_NAMES = new Set(['knip.json', '.knip.json', 'knip.jsonc', '.knip.jsonc']);
const CODE_NAME = /^knip(\.config)?\.[cm]?[jt]s$/;

/** A config value as plain JSON, with the lines of what could not be read. */
const toPlain = (v: ConfigValue, unread: { line: number; text: string }[]): unknown => {
  switch (v.kind) {
    case 'object':
      return Object.fromEntries([...v.props].map(([k, x]) => [k, toPlain(x, unread)]));
    case 'array':
      return v.items.map((x) => toPlain(x, unread));
    case 'unknown':
      unread.push({ line: v.line, text: v.text });
      return undefined;
    case 'regex':
      return undefined;
    case 'null':
      return null;
    default:
      return v.value;
  }
};

const patternsOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The files under `dir` that the entry patterns select. */
const expand = (dir: string, patterns: string[], files: ReadonlySet<string>): { file: string; pattern: string }[] => {
  const positive = patterns.filter((p) => !p.startsWith('!')).map((p) => p.replace(/!$/, ''));
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/!$/, ''));
  const excluded = compileRepoGlobs(negative);
  const matchers = positive.map((p) => ({ pattern: p, match: compileRepoGlob(p.replace(/^\.\//, '')) }));
  const out: { file: string; pattern: string }[] = [];
  const prefix = dir === '' ? '' : `${dir}/`;
  for (const file of [...files].sort(byString)) {
    if (!file.startsWith(prefix) || file.includes('/node_modules/')) continue;
    const relative = file.slice(prefix.length);
    if (excluded(relative)) continue;
    const hit = matchers.find((m) => m.match(relative));
    if (hit) out.push({ file, pattern: hit.pattern });
  }
  return out;
};

/** Folders holding a package.json that a workspaces key (`packages/*`, `.`) selects. */
const workspaceDirs = (base: string, key: string, files: ReadonlySet<string>): string[] => {
  const target = joinRepo(base, key);
  if (target === null) return [];
  if (!/[*?{[]/.test(target)) return [target];
  const match = compileRepoGlob(target);
  return [...files].filter((f) => basename(f) === 'package.json').map(dirname).filter((d) => match(d)).sort(byString);
};

const CODE = /\.(c|m)?[jt]sx?$|\.(vue|svelte|astro|mdx)$/;

const read = (config: unknown, source: string, line: (key: string) => number | undefined, ctx: DetectorContext, out: DetectorOutput) => {
  if (!isRecord(config)) return;
  const base = dirname(source);
  const add = (dir: string, value: unknown, where: string) => {
    for (const { file, pattern } of expand(dir, patternsOf(value), ctx.files)) {
      out.entries.push(fileEntry(file, 'production', `${source} ${where}entry "${pattern}"`, line(where ? 'workspaces' : 'entry')));
    }
  };
  // knip reports nothing about an ignored file: census does not call it dead either, and says why.
  const ignore = (dir: string, value: unknown, where: string) => {
    for (const { file, pattern } of expand(dir, patternsOf(value), ctx.files)) {
      if (!CODE.test(file)) continue;
      out.entries.push(fileEntry(file, 'tooling', `${source} ${where}ignore "${pattern}": ignored by the knip config, so not called dead`, line(where ? 'workspaces' : 'ignore')));
    }
  };
  // A plugin's `config` (`"jest": { "config": ["jest.e2e.config.js"] }`, or `"jest": "x"`) names a config of that tool: a tooling root, as knip makes it an entry.
  const pluginConfigs = (dir: string, scope: Record<string, unknown>, where: string) => {
    for (const [plugin, value] of Object.entries(scope)) {
      const patterns = pluginConfigPatterns(plugin, value);
      if (patterns.length === 0) continue;
      for (const { file, pattern } of expand(dir, patterns, ctx.files)) {
        if (CODE.test(file)) out.entries.push(fileEntry(file, 'tooling', `${source} ${where}${plugin}.config "${pattern}": the ${plugin} config the knip config names`, line(where ? 'workspaces' : plugin)));
      }
    }
  };
  // A plugin's `entry` globs are the files that tool loads (a test runner's tests): test roots for a test runner, else tooling.
  const pluginEntries = (dir: string, scope: Record<string, unknown>, where: string) => {
    for (const [plugin, value] of Object.entries(scope)) {
      if (KNIP_OPTIONS.has(plugin) || !isRecord(value) || value.entry === undefined) continue;
      const kind = TEST_PLUGINS.has(plugin) ? 'test' : 'tooling';
      for (const { file, pattern } of expand(dir, patternsOf(value.entry), ctx.files)) {
        if (CODE.test(file)) out.entries.push(fileEntry(file, kind, `${source} ${where}${plugin}.entry "${pattern}": loaded by ${plugin}, the knip config says`, line(where ? 'workspaces' : plugin)));
      }
    }
  };
  if (config.entry !== undefined) add(base, config.entry, '');
  if (config.ignore !== undefined) ignore(base, config.ignore, '');
  pluginConfigs(base, config, '');
  pluginEntries(base, config, '');
  if (isRecord(config.workspaces)) {
    for (const [key, ws] of Object.entries(config.workspaces)) {
      if (!isRecord(ws)) continue;
      for (const dir of workspaceDirs(base, key, ctx.files)) {
        if (ws.entry !== undefined) add(dir, ws.entry, `workspaces["${key}"] `);
        if (ws.ignore !== undefined) ignore(dir, ws.ignore, `workspaces["${key}"] `);
        pluginConfigs(dir, ws, `workspaces["${key}"] `);
        pluginEntries(dir, ws, `workspaces["${key}"] `);
      }
    }
  }
};

/** The line of `"key"` in a JSON text, for evidence. */
const jsonKeyLine = (text: string, key: string): number | undefined => {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
};

/** knip's own options: every other key of a knip config (or workspace) is a plugin's. */
const KNIP_OPTIONS = new Set([
  '$schema', 'entry', 'project', 'ignore', 'ignoreFiles', 'ignoreDependencies', 'ignoreBinaries', 'ignoreMembers', 'ignoreUnresolved', 'ignoreWorkspaces',
  'ignoreExportsUsedInFile', 'includeEntryExports', 'include', 'exclude', 'tags', 'paths', 'rules', 'compilers', 'workspaces', 'treatConfigHintsAsErrors',
]);

/** knip plugins of test runners: what their `entry` globs select are tests. */
const TEST_PLUGINS = new Set(['jest', 'vitest', 'mocha', 'ava', 'playwright', 'cypress', 'node-test-runner', 'bun', 'karma', 'jasmine', 'cucumber', 'storybook', 'playwright-ct', 'wdio']);

/** The config patterns of a plugin's value, as knip normalizes it: a string or list is the config, an object's `config` key. */
const pluginConfigPatterns = (plugin: string, value: unknown): string[] => {
  if (KNIP_OPTIONS.has(plugin)) return [];
  return typeof value === 'string' || Array.isArray(value) ? patternsOf(value) : isRecord(value) ? patternsOf(value.config) : [];
};

/** A knip file's config as plain values (unread parts dropped), without diagnostics: the detector reports them. */
const plainConfig = (path: string, text: string): unknown => {
  const name = basename(path);
  if (name === 'package.json' || JSON_NAMES.has(name)) {
    if (name === 'package.json' && !text.includes('"knip"')) return undefined;
    const parsed = parseJsonc(text);
    if (!('value' in parsed)) return undefined;
    return name === 'package.json' ? (isRecord(parsed.value) ? parsed.value.knip : undefined) : parsed.value;
  }
  const { value } = readConfigFile(path, text);
  return value === null ? undefined : toPlain(value, []);
};

/** Config files a knip config names for a plugin, with the folder they are relative to. */
export interface KnipPluginConfig {
  plugin: string;
  /** The workspace folder (the knip config's own for its top level). */
  dir: string;
  config: string;
  /** "knip.json jest.config" / "knip.json workspaces[\"packages/*\"] vitest.config". */
  source: string;
}

/**
 * Every config file the repo's knip configs name for these plugins: a plugin's `config` (a string
 * or list, globs allowed), or the plugin's value itself when it is a string or list (knip's short
 * form), at the top level and per workspace.
 */
export const knipPluginConfigs = (ctx: DetectorContext, plugins: string[]): KnipPluginConfig[] => {
  const out: KnipPluginConfig[] = [];
  for (const path of sortedPaths(ctx.files)) {
    const name = basename(path);
    if (!JSON_NAMES.has(name) && !CODE_NAME.test(name) && name !== 'package.json') continue;
    if (path.includes('node_modules/')) continue;
    const text = ctx.manifests.text(path);
    const config = text === null ? undefined : plainConfig(path, text);
    if (!isRecord(config)) continue;
    const add = (dir: string, scope: Record<string, unknown>, where: string) => {
      for (const plugin of plugins) {
        const patterns = pluginConfigPatterns(plugin, scope[plugin]);
        if (patterns.length === 0) continue;
        for (const { file } of expand(dir, patterns, ctx.files)) out.push({ plugin, dir, config: file, source: `${path} ${where}${plugin}.config` });
      }
    };
    add(dirname(path), config, '');
    if (isRecord(config.workspaces)) {
      for (const [key, ws] of Object.entries(config.workspaces)) {
        if (!isRecord(ws)) continue;
        for (const dir of workspaceDirs(dirname(path), key, ctx.files)) add(dir, ws, `workspaces["${key}"] `);
      }
    }
  }
  return out;
};

const knipConfig: EntryDetector = {
  id: 'knip-config',
  title: 'knip config (entry and ignore globs, per workspace)',
  matches: (path) => JSON_NAMES.has(basename(path)) || CODE_NAME.test(basename(path)) || basename(path) === 'package.json',
  detect: (file, ctx) => {
    const out = emptyOutput();
    const name = basename(file.path);
    if (name === 'package.json') {
      if (!file.text.includes('"knip"')) return out;
      const parsed = parseJsonc(file.text);
      // A broken package.json is the package-json detector's to report.
      if ('value' in parsed && isRecord(parsed.value)) read(parsed.value.knip, file.path, (k) => jsonKeyLine(file.text, k), ctx, out);
      return out;
    }
    if (JSON_NAMES.has(name)) {
      const parsed = parseJsonc(file.text);
      if (!('value' in parsed)) {
        out.diagnostics.push(warning('knip-config/invalid', `not valid JSON: ${parsed.error}`, file.path, parsed.line));
        return out;
      }
      read(parsed.value, file.path, (k) => jsonKeyLine(file.text, k), ctx, out);
      return out;
    }
    const { value } = readConfigFile(file.path, file.text);
    if (value === null) {
      out.diagnostics.push(warning('knip-config/not-static', 'no exported config object census can read without running it', file.path, 1));
      return out;
    }
    const unread: { line: number; text: string }[] = [];
    const plain = toPlain(value, unread);
    for (const u of unread) out.diagnostics.push(warning('knip-config/computed', `computed, not read: ${u.text}`, file.path, u.line));
    read(plain, file.path, (k) => (value.kind === 'object' ? value.props.get(k)?.line : undefined), ctx, out);
    return out;
  },
};

export default knipConfig;
