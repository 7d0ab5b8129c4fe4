/** The shape of a census subcommand and the exit codes every command shares. */
import type { ParsedArgs } from './args.js';
import type { CliIo } from './io.js';
import type { ViewName } from '../report/index.js';
import type { OptionName } from './options.js';

/** One census subcommand: its help text, the options it takes, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionName[];
  /** Extra help lines (examples, exit codes). */
  details?: string[];
  /** The reporter view it prints: its --format choices, and the formats part of its help, come from the registry. */
  view?: ViewName;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/**
 * One line of the command registry: what `census --help` lists and typo suggestions need, without
 * loading the command. `load` imports the command's module only when it runs (or shows its own
 * --help), so start-up pays for one command, not for every command and every language.
 */
export interface CommandEntry {
  name: string;
  /** The same text as the loaded command's summary (a test holds them equal). */
  summary: string;
  load(): Promise<Command>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
/** The analysis could not read everything it needed (census check): not clean, not a usage error. */
export const EXIT_INCOMPLETE = 3;
