/**
 * A knip config file read as plain values (knip.json, .knip.json, knip.jsonc, knip.ts,
 * knip.config.ts, package.json "knip"; a code config statically, through the config-value
 * reader), its patterns expanded as knip does (relative to the workspace, a trailing `!` dropped,
 * `!glob` excluding), its workspaces, and the config files it names for a plugin (`"jest": {
 * "config": [...] }`, or knip's short form `"vitest": "vitest.ci.ts"`). The knip-config detector
 * (entries/knip-config.ts) turns it into roots; test discovery and the jest and vitest readers read
 * the runner configs it names.
 */
import { compileRepoGlob, compileRepoGlobs } from '../../util/glob.js';
import { byString } from '../../util/compare.js';
import { sortedPaths } from '../../util/file-index.js';
import { parseJsonc } from '../../util/jsonc.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { isRecord } from '../../manifests/json.js';
import { readConfigFile, type ConfigValue } from './config-value.js';

export const JSON_NAMES = new Set(['knip.json', '.knip.json', 'knip.jsonc', '.knip.jsonc']);
export const CODE_NAME = /^knip(\.config)?\.[cm]?[jt]s$/;
/** The stems of JSON_NAMES', CODE_NAME's and package.json's names, for `Manifests.all`. */
export const KNIP_CONFIG_STEMS = ['knip', '.knip', 'package'] as const;

/** A config value as plain JSON, with the lines of what could not be read. */
export const toPlain = (v: ConfigValue, unread: { line: number; text: string }[]): unknown => {
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

export const patternsOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The files under `dir` that the entry patterns select. */
export const expand = (dir: string, patterns: string[], files: ReadonlySet<string>): { file: string; pattern: string }[] => {
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
export const workspaceDirs = (base: string, key: string, files: ReadonlySet<string>): string[] => {
  const target = joinRepo(base, key);
  if (target === null) return [];
  if (!/[*?{[]/.test(target)) return [target];
  const match = compileRepoGlob(target);
  return [...files].filter((f) => basename(f) === 'package.json').map(dirname).filter((d) => match(d)).sort(byString);
};

/** knip's own options: every other key of a knip config (or workspace) is a plugin's. */
export const KNIP_OPTIONS = new Set([
  '$schema', 'entry', 'project', 'conditions', 'ignore', 'ignoreFiles', 'ignoreDependencies', 'ignoreBinaries', 'ignoreMembers', 'ignoreUnresolved', 'ignoreWorkspaces',
  'ignoreExportsUsedInFile', 'includeEntryExports', 'include', 'exclude', 'tags', 'paths', 'rules', 'compilers', 'workspaces', 'treatConfigHintsAsErrors',
]);

/** knip plugins of test runners: what their `entry` globs select are tests. */
export const TEST_PLUGINS = new Set(['jest', 'vitest', 'mocha', 'ava', 'playwright', 'cypress', 'node-test-runner', 'bun', 'karma', 'jasmine', 'cucumber', 'storybook', 'playwright-ct', 'wdio']);

/** The config patterns of a plugin's value, as knip normalizes it: a string or list is the config, an object's `config` key. */
export const pluginConfigPatterns = (plugin: string, value: unknown): string[] => {
  if (KNIP_OPTIONS.has(plugin)) return [];
  return typeof value === 'string' || Array.isArray(value) ? patternsOf(value) : isRecord(value) ? patternsOf(value.config) : [];
};

/** A knip file's config as plain values (unread parts dropped), without diagnostics: the detector reports them. */
export const plainKnipConfig = (path: string, text: string): unknown => {
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
export const knipPluginConfigs = (files: ReadonlySet<string>, readText: (path: string) => string | null, plugins: string[]): KnipPluginConfig[] =>
  knipPlugins(files, readText, plugins).configs;

type ReadText = (path: string) => string | null;
const knipConfigsMemo = new WeakMap<ReadonlySet<string>, WeakMap<ReadText, { path: string; config: Record<string, unknown> }[]>>();

/**
 * The repo's knip configs (outside node_modules) with their plain values, in path order, found
 * once per file set and reader: readers ask per package and plugin (playwright once per package,
 * 80 walks of payload's 8,855 paths), and a file set is not changed once a scan has it.
 */
const knipConfigsIn = (files: ReadonlySet<string>, readText: ReadText): { path: string; config: Record<string, unknown> }[] => {
  let byReader = knipConfigsMemo.get(files);
  if (byReader === undefined) knipConfigsMemo.set(files, (byReader = new WeakMap()));
  let found = byReader.get(readText);
  if (found === undefined) {
    found = [];
    for (const path of sortedPaths(files)) {
      const name = basename(path);
      if (!JSON_NAMES.has(name) && !CODE_NAME.test(name) && name !== 'package.json') continue;
      if (path.includes('node_modules/')) continue;
      const text = readText(path);
      const config = text === null ? undefined : plainKnipConfig(path, text);
      if (isRecord(config)) found.push({ path, config });
    }
    byReader.set(readText, found);
  }
  return found;
};

/**
 * The config files knip configs name for these plugins (as knipPluginConfigs), and the workspaces
 * where they turn a plugin on (`"ava": true`, or any value but `false`).
 */
export const knipPlugins = (files: ReadonlySet<string>, readText: (path: string) => string | null, plugins: string[]): { configs: KnipPluginConfig[]; enabled: { plugin: string; dir: string; source: string }[] } => {
  const out: KnipPluginConfig[] = [];
  const enabled: { plugin: string; dir: string; source: string }[] = [];
  for (const { path, config } of knipConfigsIn(files, readText)) {
    const add = (dir: string, scope: Record<string, unknown>, where: string) => {
      for (const plugin of plugins) {
        if (scope[plugin] !== undefined && scope[plugin] !== false) enabled.push({ plugin, dir, source: `${path} ${where}${plugin}` });
        const patterns = pluginConfigPatterns(plugin, scope[plugin]);
        if (patterns.length === 0) continue;
        for (const { file } of expand(dir, patterns, files)) out.push({ plugin, dir, config: file, source: `${path} ${where}${plugin}.config` });
      }
    };
    add(dirname(path), config, '');
    if (isRecord(config.workspaces)) {
      for (const [key, ws] of Object.entries(config.workspaces)) {
        if (!isRecord(ws)) continue;
        for (const dir of workspaceDirs(dirname(path), key, files)) add(dir, ws, `workspaces["${key}"] `);
      }
    }
  }
  return { configs: out, enabled };
};

