/** Writes a rendered report to --output or standard output. */
import { writeTextFile } from '../util/fs.js';
import { resolveAbsolute } from '../util/path.js';
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
  writeTextFile(resolveAbsolute(io.cwd, output), text);
  io.stderr(`census: wrote ${output}\n`);
};
