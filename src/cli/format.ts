/**
 * --format for every command, from the reporter registry: one wording for a bad name, the usage
 * and help lines generated from the view's formats, and rendering to --output or standard output.
 */
import { DEFAULT_FORMAT, formatsOf, isFormatOf, renderView, VIEWS, type FormatName, type ViewData, type ViewName } from '../report/index.js';
import type { RenderOptions } from '../report/types.js';
import { UsageError } from '../util/errors.js';
import { stringOption, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';
import { emit } from './output.js';

/** The --format a command was given (default terminal), checked against its view's formats. */
export const formatFrom = (args: ParsedArgs, view: ViewName, command: string): FormatName => {
  const name = stringOption(args.values, 'format') ?? DEFAULT_FORMAT;
  if (!isFormatOf(view, name)) throw new UsageError(`unknown format "${name}" for ${command}; choose one of ${formatsOf(view).join(', ')}`);
  return name;
};

/** `[--format terminal|json|md]` for a usage line. */
export const formatUsage = (view: ViewName): string => `[--format ${formatsOf(view).join('|')}]`;

/** The help lines that list a view's formats and say what each one is. */
export const formatHelp = (view: ViewName): string[] => [
  'formats:',
  ...formatsOf(view).map((name) => `  ${name.padEnd(9)} ${VIEWS[view].formats[name]!.what}${name === DEFAULT_FORMAT ? ' (default)' : ''}`),
];

/** Colour only for a terminal that is really going to show it. */
export const renderOptions = (args: ParsedArgs, io: CliIo): RenderOptions => ({ color: io.color && stringOption(args.values, 'output') === undefined });

/** Renders the view in the chosen format to --output or standard output. */
export const emitView = <V extends ViewName>(view: V, format: FormatName, data: ViewData[V], args: ParsedArgs, io: CliIo): void =>
  emit(renderView(view, format, data, renderOptions(args, io)), args, io);
