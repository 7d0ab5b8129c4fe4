/**
 * The census config as an entry detector: its own `entries`, and one entry per repo file that its
 * production/tooling/test globs match (the config itself is loaded and validated in src/config/).
 */
import { compileGlobs } from '../util/glob.js';
import { byString } from '../util/compare.js';
import type { LoadedConfig } from '../config/load.js';
import { commandInput, fileEntry, moduleEntry } from './support/inputs.js';
import type { CommandInput, EntryInput } from './types.js';

/** The config's own entries, and one entry per repo file its kind globs match. */
export const configInputs = (loaded: LoadedConfig | null, files: Iterable<string>): { entries: EntryInput[]; commands: CommandInput[] } => {
  const entries: EntryInput[] = [];
  const commands: CommandInput[] = [];
  if (!loaded) return { entries, commands };
  loaded.config.entries.forEach((e, i) => {
    const evidence = `${loaded.file} entries[${i}]`;
    const line = loaded.lineOf(['entries', i]);
    if ('path' in e) entries.push(fileEntry(e.path, e.kind, evidence, line));
    else if ('module' in e) entries.push(moduleEntry(e.module, e.kind, evidence, line));
    else commands.push(commandInput(e.command, { cwd: e.cwd ?? '', kind: e.kind, evidence, ...(line ? { line } : {}) }));
  });
  const globs = (['production', 'tooling', 'test'] as const).flatMap((kind) => loaded.config[kind].map((glob) => ({ kind, glob, match: compileGlobs([glob]) })));
  const ignored = compileGlobs(loaded.config.ignore);
  for (const file of [...files].sort(byString)) {
    const first = globs.find((g) => g.match(file));
    if (!first || ignored(file)) continue;
    entries.push(fileEntry(file, first.kind, `${loaded.file} ${first.kind} "${first.glob}"`, loaded.lineOf([first.kind])));
  }
  return { entries, commands };
};
