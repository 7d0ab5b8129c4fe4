/** Writes a rendered report to --output or standard output. */
import { UsageError } from '../util/errors.js';
import { isDirectory, writeTextFile } from '../util/fs.js';
import { dirnameAbsolute, extname, posix, resolveAbsolute, toPosix } from '../util/path.js';
import { stringOption, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** `text` may come in pieces (the JSON of a big Audit), written one after the other. */
export const emit = (text: string | Iterable<string>, args: ParsedArgs, io: CliIo): void => {
  const output = stringOption(args.values, 'output');
  if (output === undefined) {
    if (typeof text === 'string') io.stdout(text);
    else for (const piece of text) io.stdout(piece);
    return;
  }
  const target = resolveAbsolute(io.cwd, output);
  // A typo in the folder should not quietly create a new tree somewhere.
  if (!isDirectory(dirnameAbsolute(target))) throw new UsageError(`--output ${output}: the folder ${posix.dirname(toPosix(output))}/ does not exist; create it first`);
  writeTextFile(target, text);
  io.stderr(`census: wrote ${output}\n`);
};

/** The format an --output file's extension names, for commands that take --format. */
const FORMAT_OF_EXTENSION: Record<string, string> = { '.json': 'json', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.sarif': 'sarif' };

/**
 * `--output report.html` without --format means --format html: the file's name already says what
 * it should hold. An explicit --format wins; an extension that names no format leaves the default.
 */
export const inferFormatFromOutput = (args: ParsedArgs): ParsedArgs => {
  const output = stringOption(args.values, 'output');
  if (output === undefined || args.values.format !== undefined) return args;
  const format = FORMAT_OF_EXTENSION[extname(output.toLowerCase())];
  return format === undefined ? args : { ...args, values: { ...args.values, format } };
};
