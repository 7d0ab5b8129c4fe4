import { FORMATS, isFormat, type Format } from '../report/index.js';
import { UsageError } from '../util/errors.js';
import { stringOption, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

export const FORMAT_NAMES = Object.keys(FORMATS).join(', ');

/** The --format a command was given (default terminal), checked against the reporters. */
export const formatFrom = (args: ParsedArgs): Format => {
  const format = stringOption(args.values, 'format') ?? 'terminal';
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}"; choose one of ${FORMAT_NAMES}`);
  return format;
};

/** Colour only for a terminal that is really going to show it. */
export const renderOptions = (args: ParsedArgs, io: CliIo) => ({ color: io.color && stringOption(args.values, 'output') === undefined });
