/**
 * The census config of the scanned root. The first of these that exists wins (and only one is
 * read, so two never disagree silently):
 *
 *   1. census.config.json
 *   2. pyproject.toml, table [tool.census]
 *   3. package.json, key "census"
 *
 * `{ entries?: [{ path | module | command, kind, cwd? }], production?, tooling?, test?, ignore?, check? }`
 * — the globs mark files (and every entry a manifest in them declares) as roots of that kind, or
 * leave them out of the census (rules.ts; entries/config.ts turns them into entry inputs); `check`
 * holds census check's limits (check.ts). A glob without a wildcard also covers the folder below it.
 * An invalid config is a ConfigError naming the file and the key; it stops the run. The pipeline
 * loads it once and the scan result carries it, so no later step reads it again.
 */
import { ConfigError, UsageError } from '../util/errors.js';
import { readTextOrNull } from '../util/fs.js';
import { basename } from '../util/path.js';
import { isRecord, parseJsonDocument, type JsonDocument } from '../entries/support/json.js';
import { keyLine, parseTomlDocument } from '../entries/support/toml.js';
import { validateConfig, type CensusConfig } from './validate.js';

export type { CensusConfig, ConfigEntry } from './validate.js';

export interface LoadedConfig {
  /** The file it came from: census.config.json, pyproject.toml or package.json. */
  file: string;
  config: CensusConfig;
  /** The line of a key path inside the config (`['entries', 0]`), for evidence. */
  lineOf(path: (string | number)[]): number | undefined;
}

const fromJson = (file: string, text: string, key: string | null): LoadedConfig | null => {
  const parsed = parseJsonDocument(text, file);
  if ('diagnostic' in parsed) {
    // A package.json without a census key is not census's business; a broken one that has it is.
    if (key !== null && !text.includes(`"${key}"`)) return null;
    throw new ConfigError(`${file}:${parsed.diagnostic.location?.line ?? 1}: ${parsed.diagnostic.message}`);
  }
  const doc: JsonDocument = parsed.doc;
  const value = key === null ? doc.value : isRecord(doc.value) ? doc.value[key] : undefined;
  if (value === undefined) return null;
  const prefix = key === null ? '' : `${key}.`;
  const config = validateConfig(value, file, prefix, key === null ? ['$schema'] : []);
  return { file, config, lineOf: (path) => doc.lineOf(key === null ? path : [key, ...path]) };
};

const fromPyproject = (text: string, file = 'pyproject.toml'): LoadedConfig | null => {
  const parsed = parseTomlDocument(text, file);
  if ('diagnostic' in parsed) {
    if (!/^\s*\[\s*tool\s*\.\s*census\b/m.test(text)) return null;
    throw new ConfigError(`${file}:${parsed.diagnostic.location?.line ?? 1}: ${parsed.diagnostic.message}`);
  }
  const tool = parsed.value.tool;
  const value = isRecord(tool) ? tool.census : undefined;
  if (value === undefined) return null;
  const config = validateConfig(value, file, 'tool.census.');
  return { file, config, lineOf: (path) => keyLine(text, 'tool.census', String(path[0])) };
};

/** The root's census config, or null when there is none. Throws ConfigError when it is invalid. */
export const loadCensusConfig = (readText: (path: string) => string | null): LoadedConfig | null => {
  const json = readText('census.config.json');
  if (json !== null) return fromJson('census.config.json', json, null);
  const pyproject = readText('pyproject.toml');
  const fromToml = pyproject === null ? null : fromPyproject(pyproject);
  if (fromToml) return fromToml;
  const pkg = readText('package.json');
  return pkg === null ? null : fromJson('package.json', pkg, 'census');
};

/**
 * `--config FILE`: a config named by the user, read by its name's kind — a `.toml` file's
 * `[tool.census]` table, a `package.json`'s "census" key, else the whole file as JSON. A file that
 * is missing or holds no census config is a usage error, not silently no config.
 */
export const loadCensusConfigFile = (absPath: string): LoadedConfig => {
  const text = readTextOrNull(absPath);
  const name = basename(absPath.replace(/\\/g, '/'));
  if (text === null) throw new UsageError(`--config: cannot read ${absPath}`);
  const loaded = name.endsWith('.toml') ? fromPyproject(text, name) : name === 'package.json' ? fromJson(name, text, 'census') : fromJson(name, text, null);
  if (loaded === null) throw new UsageError(`--config: ${absPath} holds no census config${name.endsWith('.toml') ? ' (no [tool.census] table)' : name === 'package.json' ? ' (no "census" key)' : ''}`);
  return loaded;
};
