/**
 * `nyc [options] cmd …` and `c8 [options] [--] cmd …`: JavaScript coverage tools run the command
 * after their options under instrumentation, so what the command runs is what runs. Their report
 * subcommands (`nyc report`, `c8 check-coverage`) read earlier output and run nothing.
 */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { isFileSpecifier } from './node.js';
import { type Intent, type Launcher, argv, file } from './types.js';

/** Options of nyc and c8 that take a value; an unlisted option is read as a flag (`--all`, `--no-clean`). */
const VALUES = [
  '-r', '--reporter', '--report-dir', '-o', '--reports-dir', '-t', '--temp-dir', '--temp-directory', '--cwd', '-n', '--include',
  '-x', '--exclude', '-e', '--extension', '-i', '--require', '--nycrc-path', '-c', '--config', '--src', '--branches', '--functions',
  '--lines', '--statements', '--watermarks', '--cache-dir', '--parser-plugins', '--wrapper-length', '--merge-async-limit',
];
const SUBCOMMANDS = new Set(['report', 'check-coverage', 'instrument', 'merge']);

export const jsCoverage: Launcher = {
  names: ['nyc', 'c8'],
  run(args, name): Intent[] {
    const scanned = scanArgs(args, { values: VALUES, stopAtPositional: true });
    const [command] = scanned.positionals;
    if (!command || SUBCOMMANDS.has(literal(command) ?? '')) return [];
    // nyc's --require is preloaded into the processes it instruments (`--require ./test/setup.js`); c8 has none.
    const preloads = name === 'nyc' ? ['-i', '--require'].flatMap((o) => scanned.options.get(o) ?? []).filter(isFileSpecifier).map((v) => file(v)) : [];
    return [...preloads, argv([command, ...scanned.rest])];
  },
};
