/** Turns parsed CLI values into pipeline ScanOptions, with one clear message for each mistake. */
import { DEFAULT_MAX_FILE_SIZE, type ScanOptions } from '../pipeline.js';
import { UsageError } from '../util/errors.js';
import { isDirectory } from '../util/fs.js';
import { resolveAbsolute, toPosix } from '../util/path.js';
import { integerOption, listOption, stringOption, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

export const scanOptionsFrom = (args: ParsedArgs, io: CliIo): ScanOptions => {
  if (args.positionals.length > 1) throw new UsageError(`expected one path, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  const root = toPosix(args.positionals[0] ?? '.');
  if (!isDirectory(resolveAbsolute(io.cwd, root))) throw new UsageError(`no such directory: ${root}`);
  const workers = integerOption(args.values, 'workers', 0);
  if (args.values['no-env'] === true && stringOption(args.values, 'python') !== undefined) throw new UsageError('--python and --no-env contradict each other; use one');
  return {
    root,
    cwd: io.cwd,
    include: listOption(args.values, 'include'),
    exclude: listOption(args.values, 'exclude'),
    maxFileSize: integerOption(args.values, 'max-file-size', DEFAULT_MAX_FILE_SIZE),
    defaultExcludes: args.values['no-default-excludes'] !== true,
    runtime: listOption(args.values, 'runtime'),
    ...(stringOption(args.values, 'scope') !== undefined ? { scope: stringOption(args.values, 'scope')! } : {}),
    ...(workers > 0 ? { workers } : {}),
    ...(stringOption(args.values, 'python') !== undefined ? { python: stringOption(args.values, 'python')! } : {}),
    ...(args.values['no-env'] === true ? { noEnv: true } : {}),
  };
};
