/**
 * The CLI: argv in, exit code out. The only place that decides what the user sees for an error:
 * known errors are one line and exit 2; anything else is a bug and shows its stack.
 * Exit codes: 0 clean, 1 findings (the gates), 2 usage or config error, 3 incomplete (check).
 */
import { errorMessage, isKnownError, UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { parseCommandArgs } from './args.js';
import { EXIT_ERROR, EXIT_OK } from './command.js';
import { COMMANDS } from './commands/index.js';
import { commandHelp, mainHelp } from './help.js';
import { processIo, type CliIo } from './io.js';
import { inferFormatFromOutput } from './output.js';

export const run = async (argv: string[], io: CliIo = processIo()): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(COMMANDS));
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; run census --help for the list`);
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
