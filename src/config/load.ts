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
import { isRecord, JSON_MANIFEST, type JsonDocument } from '../manifests/json.js';
import { Manifests } from '../manifests/store.js';
import { TOML } from '../manifests/toml.js';
import { validateConfig, type CensusConfig } from './validate.js';

export interface LoadedConfig {
  /** The file it came from: census.config.json, pyproject.toml or package.json. */
  file: string;
  config: CensusConfig;
  /** The line of a key path inside the config (`['entries', 0]`), for evidence. */
  lineOf(path: (string | number)[]): number | undefined;
}

const fromJson = (manifests: Manifests, file: string, key: string | null): LoadedConfig | null => {
  const parsed = manifests.parse(file, JSON_MANIFEST);
  if (parsed === null) return null;
  if (parsed.value === null) {
    // A package.json without a census key is not census's business; a broken one that has it is.
    if (key !== null && !manifests.text(file)!.includes(`"${key}"`)) return null;
    const problem = parsed.diagnostics[0];
    throw new ConfigError(`${file}:${problem?.location?.line ?? 1}: ${problem?.message ?? 'invalid JSON'}`);
  }
  const doc: JsonDocument = parsed.value;
  const value = key === null ? doc.value : isRecord(doc.value) ? doc.value[key] : undefined;
  if (value === undefined) return null;
  const prefix = key === null ? '' : `${key}.`;
  const config = validateConfig(value, file, prefix, key === null ? ['$schema'] : []);
  return { file, config, lineOf: (path) => doc.lineOf(key === null ? path : [key, ...path]) };
};

const fromPyproject = (manifests: Manifests, file = 'pyproject.toml'): LoadedConfig | null => {
  // A table named census says "census" somewhere: without it there is nothing to parse (finding the
  // root reads the pyproject.toml of every folder above, and `census why` should not parse them all).
  if (!manifests.text(file)?.includes('census')) return null;
  const parsed = manifests.parse(file, TOML);
  if (parsed === null) return null;
  const doc = parsed.value;
  if (doc === null) {
    if (!/^\s*\[\s*tool\s*\.\s*census\b/m.test(manifests.text(file)!)) return null;
    const problem = parsed.diagnostics[0];
    throw new ConfigError(`${file}:${problem?.location?.line ?? 1}: ${problem?.message ?? 'invalid TOML'}`);
  }
  const tool = doc.value.tool;
  const value = isRecord(tool) ? tool.census : undefined;
  if (value === undefined) return null;
  const config = validateConfig(value, file, 'tool.census.');
  return { file, config, lineOf: (path) => doc.keyLine('tool.census', String(path[0])) };
};

/**
 * The root's census config, or null when there is none. Throws ConfigError when it is invalid.
 * A scan passes its manifest store, so the files read here are not read again by the detectors.
 */
export const loadCensusConfig = (source: Manifests | ((path: string) => string | null)): LoadedConfig | null => {
  const manifests = source instanceof Manifests ? source : new Manifests({ readText: source });
  if (manifests.text('census.config.json') !== null) return fromJson(manifests, 'census.config.json', null);
  return fromPyproject(manifests) ?? fromJson(manifests, 'package.json', 'census');
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
  const manifests = new Manifests({ readText: (path) => (path === name ? text : null) });
  const loaded = name.endsWith('.toml') ? fromPyproject(manifests, name) : fromJson(manifests, name, name === 'package.json' ? 'census' : null);
  if (loaded === null) throw new UsageError(`--config: ${absPath} holds no census config${name.endsWith('.toml') ? ' (no [tool.census] table)' : name === 'package.json' ? ' (no "census" key)' : ''}`);
  return loaded;
};
