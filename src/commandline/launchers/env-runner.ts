/**
 * The shape shared by Python environment runners (`poetry run`, `pipenv run`, `pdm run`, `hatch run`,
 * `uv run`): global options, the subcommand, its options, then a command of its own, which is analysed
 * again. A first word ending in `.py` is run by Python, as these tools do.
 */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal, text } from '../value.js';
import { type Intent, type Launcher, argv, runModule } from './types.js';

export interface EnvRunnerSpec {
  names: readonly string[];
  /** The subcommand path that runs a command: ['run'], ['tool', 'run']; [] when the tool itself runs (uvx). */
  subcommand: readonly string[];
  /** Options (global or of the subcommand) that take a value. */
  values: readonly string[];
  /** Options whose value is the directory the command runs in. */
  dirOptions?: readonly string[];
  /** Options whose value is a Python module to run (`uv run -m`). */
  moduleOptions?: readonly string[];
  /** Rewrite the command's first word (`hatch run env:cmd` → `cmd`). */
  commandWord?: (word: Value) => Value;
}

export const envRunner = (spec: EnvRunnerSpec): Launcher => ({
  names: spec.names,
  run(args): Intent[] {
    const values = [...spec.values, ...(spec.dirOptions ?? [])];
    let rest = args;
    let dir: Value | undefined;
    for (const sub of spec.subcommand) {
      const scanned = scanArgs(rest, { values, stopAtPositional: true });
      dir = optionValue(scanned, ...(spec.dirOptions ?? [])) ?? dir;
      if (literal(scanned.positionals[0]) !== sub) return [];
      rest = scanned.rest;
    }
    const scanned = scanArgs(rest, { values, stops: spec.moduleOptions, stopAtPositional: true });
    dir = optionValue(scanned, ...(spec.dirOptions ?? [])) ?? dir;
    if (scanned.stopped?.value) return [runModule(scanned.stopped.value, dir)];
    const first = scanned.positionals[0];
    if (!first) return [];
    const word = spec.commandWord ? spec.commandWord(first) : first;
    const runsPython = /\.pyw?$/.test(literal(word) ?? '');
    return [argv(runsPython ? [text('python'), word, ...scanned.rest] : [word, ...scanned.rest], dir)];
  },
});
