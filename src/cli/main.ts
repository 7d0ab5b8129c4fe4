/**
 * The CLI: argv in, exit code out. The only place that decides what the user sees for an error:
 * known errors are one line and exit 2; anything else is a bug and shows its stack.
 * Exit codes: 0 clean, 1 findings (the gates), 2 usage or config error, 3 incomplete (check).
 */
import { errorMessage, isKnownError, UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { EXIT_ERROR, EXIT_OK } from './command.js';
import { COMMANDS } from './commands/index.js';
import { mainHelp } from './main-help.js';
import { processIo, type CliIo } from './io.js';
import { closest } from './suggest.js';

/** Options every command takes, handled here before the command's own parsing. */
const withoutGlobalOptions = (argv: string[], io: CliIo): { argv: string[]; io: CliIo } => {
  const noColor = argv.includes('--no-color');
  const color = argv.includes('--color');
  const rest = argv.filter((a) => a !== '--no-color' && a !== '--color');
  return { argv: rest, io: noColor ? { ...io, color: false } : color ? { ...io, color: true } : io };
};

export const run = async (rawArgv: string[], rawIo: CliIo = processIo()): Promise<number> => {
  const { argv, io } = withoutGlobalOptions(rawArgv, rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(COMMANDS));
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  try {
    if (!entry) {
      const guess = closest(name, [...COMMANDS.map((c) => c.name), 'help']);
      throw new UsageError(`unknown command "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; run census --help for the list`);
    }
    // Loaded here, not at start-up: --help and --version load no command, a command loads only itself.
    const [command, { parseCommandArgs }, { inferFormatFromOutput }, { commandHelp }] = await Promise.all([entry.load(), import('./args.js'), import('./output.js'), import('./help.js')]);
    const parsed = parseCommandArgs(rest, command.options);
    const args = command.options.includes('format') ? inferFormatFromOutput(parsed) : parsed;
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (e) {
    if (isKnownError(e)) {
      io.stderr(`census: ${errorMessage(e)}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`census: internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_ERROR;
  }
};
