/** Writes a rendered report to --output or standard output. */
import { writeTextFile } from '../util/fs.js';
import { resolveAbsolute } from '../util/path.js';
import { stringOption, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

export const emit = (text: string, args: ParsedArgs, io: CliIo): void => {
  const output = stringOption(args.values, 'output');
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  writeTextFile(resolveAbsolute(io.cwd, output), text);
  io.stderr(`census: wrote ${output}\n`);
};
