/**
 * A karma config's options, read statically: karma.conf.* is usually `module.exports = (config) =>
 * config.set({...})`, so the options are the default export when it is an object, else the
 * argument of the first `x.set({...})` call. Shared by the karma reader (the files `files` serves)
 * and test discovery (whether karma's `files`, not the generic test names, say which spec files run).
 */
import { pathsInDir } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { callsIn, configAt, configStrings, readConfigFile, type ConfigValue } from './config-value.js';

export const KARMA_CONFIG = /^karma\.conf\.([cm]?[jt]s)$/;

/** The karma configs karma finds for a package without `karma start x`: beside its package.json, then in its `.config/` folder. */
export const karmaConfigsIn = (files: ReadonlySet<string>, dir: string): string[] =>
  [dir, joinRepo(dir, '.config') ?? '.config'].flatMap((d) => pathsInDir(files, d).filter((f) => KARMA_CONFIG.test(basename(f))));

export interface KarmaOptions {
  value: ConfigValue | null;
  /** A `set(...)` argument census could not read. */
  unread: { line: number; text: string }[];
  errors: { line: number; message: string }[];
}

export const karmaOptions = (path: string, text: string): KarmaOptions => {
  const exported = readConfigFile(path, text);
  if (exported.value?.kind === 'object') return { value: exported.value, unread: [], errors: exported.errors };
  for (const call of callsIn(path, text, /(^|\.)set$/)) {
    const arg = call.args[0];
    if (arg?.kind === 'object') return { value: arg, unread: [], errors: exported.errors };
    if (arg?.kind === 'unknown') return { value: null, unread: [arg], errors: exported.errors };
  }
  return { value: null, unread: [], errors: exported.errors };
};

/** The folder `files` patterns are relative to: `basePath` (itself relative to the config's folder), else the config's folder. */
export const karmaBase = (config: string, value: ConfigValue | null): string => {
  const basePath = configAt(value, 'basePath');
  return joinRepo(dirname(config), basePath?.kind === 'string' ? basePath.value.replace(/\/+$/, '') : '') ?? dirname(config);
};

/**
 * Whether the config says itself which files karma serves: a `files` list read whole, with a
 * pattern in it. Then the spec files it does not name (outside `basePath`, `exclude`d) are not
 * karma's tests. A config without `files` (Angular's: the builder supplies them) or with a
 * computed one says nothing.
 */
export const karmaListsFiles = (value: ConfigValue | null): boolean => {
  const files = configAt(value, 'files');
  if (files?.kind !== 'array') return false;
  let patterns = 0;
  for (const item of files.items) {
    const pattern = item.kind === 'object' ? configAt(item, 'pattern') : item;
    if (pattern?.kind !== 'string') return false;
    patterns++;
  }
  return patterns > 0 && configStrings(configAt(value, 'exclude')).unknown.length === 0;
};
