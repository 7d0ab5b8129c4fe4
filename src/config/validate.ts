/**
 * Strict validation of a census config object. Every problem names the key as written in the
 * file (`census.entries[2].kind` in package.json, `entries[2].kind` in census.config.json), so
 * the user can find it; an unknown key is an error, not ignored, because a typo would otherwise
 * silently change nothing.
 */
import { ConfigError } from '../util/errors.js';
import { compileGlobs } from '../util/glob.js';
import { joinRepo } from '../util/path.js';
import type { EntryKind } from '../model/verdict.js';
import type { CheckConfig } from '../model/findings.js';
import { isRecord } from '../manifests/json.js';
import { validateCheckConfig } from './check.js';

/** Why census will not read a glob (unsafe or unsupported syntax), or null. */
const globProblem = (glob: string): string | null => {
  try {
    compileGlobs([glob]);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

export const ENTRY_KINDS: readonly EntryKind[] = ['production', 'tooling', 'test'];
export const GLOB_KEYS = ['production', 'tooling', 'test', 'ignore'] as const;

export type ConfigEntry =
  | { path: string; kind: EntryKind }
  | { module: string; kind: EntryKind }
  | { command: string; kind: EntryKind; cwd?: string };

export interface CensusConfig {
  entries: ConfigEntry[];
  production: string[];
  tooling: string[];
  test: string[];
  ignore: string[];
  /** Thresholds for `census check` (check.ts); absent when the config has no `check` key. */
  check?: CheckConfig;
}

const TOP_KEYS = new Set(['entries', ...GLOB_KEYS, 'check']);
const ENTRY_KEYS = new Set(['path', 'module', 'command', 'kind', 'cwd']);
const MODULE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a table/object' : `${typeof v} ${JSON.stringify(v)}`);

export const validateConfig = (value: unknown, file: string, prefix: string, extraTopKeys: string[] = []): CensusConfig => {
  const fail = (key: string, message: string): never => {
    const name = `${prefix}${key}`.replace(/\.$/, '');
    throw new ConfigError(name === '' ? `${file}: the config ${message}` : `${file}: "${name}" ${message}`);
  };
  if (!isRecord(value)) fail('', `must be an object, not ${describe(value)}`);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!TOP_KEYS.has(key) && !extraTopKeys.includes(key)) fail(key, `is not a census config key (expected one of: entries, ${GLOB_KEYS.join(', ')}, check)`);
  }
  const globs = (key: (typeof GLOB_KEYS)[number]): string[] => {
    const v = config[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) return fail(key, `must be a list of globs, not ${describe(v)}`);
    v.forEach((g, i) => {
      if (typeof g !== 'string' || g.trim() === '') fail(`${key}[${i}]`, `must be a non-empty glob string, not ${describe(g)}`);
      const refused = globProblem(g as string);
      if (refused !== null) fail(`${key}[${i}]`, `is refused: ${refused}`);
    });
    return v as string[];
  };
  const entries = config.entries === undefined ? [] : config.entries;
  if (!Array.isArray(entries)) fail('entries', `must be a list, not ${describe(entries)}`);
  return {
    entries: (entries as unknown[]).map((e, i) => validateEntry(e, `entries[${i}]`, fail)),
    production: globs('production'),
    tooling: globs('tooling'),
    test: globs('test'),
    ignore: globs('ignore'),
    ...(config.check !== undefined ? { check: validateCheckConfig(config.check, fail) } : {}),
  };
};

const validateEntry = (value: unknown, at: string, fail: (key: string, message: string) => never): ConfigEntry => {
  if (!isRecord(value)) return fail(at, `must be an object with path, module or command and a kind, not ${describe(value)}`);
  for (const key of Object.keys(value)) if (!ENTRY_KEYS.has(key)) fail(`${at}.${key}`, 'is not an entry key (expected path, module or command, kind, and cwd for a command)');
  const targets = (['path', 'module', 'command'] as const).filter((k) => value[k] !== undefined);
  if (targets.length !== 1) fail(at, `must have exactly one of path, module, command${targets.length > 1 ? ` (has ${targets.join(', ')})` : ''}`);
  const target = targets[0];
  const text = value[target];
  if (typeof text !== 'string' || text.trim() === '') return fail(`${at}.${target}`, `must be a non-empty string, not ${describe(text)}`);
  if (value.kind === undefined) fail(`${at}.kind`, `is required: one of ${ENTRY_KINDS.join(', ')}`);
  if (!ENTRY_KINDS.includes(value.kind as EntryKind)) fail(`${at}.kind`, `must be one of ${ENTRY_KINDS.join(', ')}`);
  const kind = value.kind as EntryKind;
  if (value.cwd !== undefined && target !== 'command') fail(`${at}.cwd`, 'is only allowed with a command');
  if (target === 'path' && (text.startsWith('/') || joinRepo(text) === null)) fail(`${at}.path`, 'must be a path relative to the scanned root, inside it');
  if (target === 'module' && !MODULE.test(text)) fail(`${at}.module`, 'must be a dotted Python module name (pkg.mod)');
  if (target !== 'command') return target === 'path' ? { path: joinRepo(text) ?? text, kind } : { module: text, kind };
  if (value.cwd === undefined) return { command: text, kind };
  if (typeof value.cwd !== 'string' || joinRepo(value.cwd) === null) return fail(`${at}.cwd`, 'must be a folder relative to the scanned root, inside it');
  return { command: text, kind, cwd: joinRepo(value.cwd) ?? '' };
};
