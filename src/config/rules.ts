/**
 * The census config's globs as questions a stage can ask of a path: which kind the config gives it
 * (production before tooling before test) and whether it is ignored.
 */
import { compileGlobs } from '../util/glob.js';
import type { EntryKind } from '../model/verdict.js';
import type { LoadedConfig } from './load.js';

export interface ConfigRules {
  /** The kind the config gives a path (production before tooling before test), else null. */
  kindOf(path: string): EntryKind | null;
  ignored(path: string): boolean;
}

export const configRules = (loaded: LoadedConfig | null): ConfigRules => {
  if (!loaded) return { kindOf: () => null, ignored: () => false };
  const byKind = (['production', 'tooling', 'test'] as const).map((k) => [k, compileGlobs(loaded.config[k])] as const);
  const ignored = compileGlobs(loaded.config.ignore);
  return { kindOf: (path) => byKind.find(([, match]) => match(path))?.[0] ?? null, ignored };
};
