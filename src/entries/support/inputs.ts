/**
 * Constructors for what detectors yield. Detectors never resolve anything: they name a file, a
 * module or a command line, and say where they found it.
 */
import type { PathMapping } from '../../commandline/types.js';
import type { EntryKind } from '../../model/verdict.js';
import type { CommandInput, DetectorOutput, EntryInput } from '../types.js';

const withLine = <T extends object>(value: T, line: number | undefined): T =>
  line === undefined || line < 1 ? value : { ...value, line };

export const fileEntry = (target: string, kind: EntryKind, evidence: string, line?: number): EntryInput =>
  withLine({ target, targetKind: 'file' as const, kind, evidence }, line);

export const moduleEntry = (module: string, kind: EntryKind, evidence: string, line?: number): EntryInput =>
  withLine({ target: module, targetKind: 'module' as const, kind, evidence }, line);

export interface CommandOptions {
  cwd: string;
  kind: EntryKind;
  evidence: string;
  line?: number;
  pathMap?: PathMapping[];
  /** Variables the command starts with (a unit's Environment=, an image's ENV). */
  env?: Record<string, string>;
}

/** A command line for the command analyser; blank commands are dropped by the caller's `addCommand`. */
export const commandInput = (command: string, o: CommandOptions): CommandInput => {
  const input: CommandInput = withLine({ command, cwd: o.cwd, kind: o.kind, evidence: o.evidence }, o.line);
  if (o.pathMap && o.pathMap.length > 0) input.pathMap = sortPathMap(o.pathMap);
  if (o.env && Object.keys(o.env).length > 0) input.env = o.env;
  return input;
};

/** Longest `from` first, as the analyser tries them in order; duplicates dropped. */
export const sortPathMap = <T extends PathMapping>(map: T[]): T[] => {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const m of map) {
    if (seen.has(m.from)) continue;
    seen.add(m.from);
    out.push(m);
  }
  return out.sort((a, b) => b.from.length - a.from.length || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
};

/** Appends a command unless it is empty after trimming. */
export const addCommand = (out: DetectorOutput, command: string, o: CommandOptions): void => {
  if (command.trim() === '') return;
  out.commands.push(commandInput(command, o));
};
