/**
 * --format for every command, from the reporter registry: one wording for a bad name, the usage
 * and help lines generated from the view's formats, and rendering to --output or standard output.
 */
import { DEFAULT_FORMAT, formatsOf, isFormatOf, renderView, VIEWS, type FormatName, type ViewData, type ViewName } from '../report/index.js';
import type { RenderOptions } from '../report/types.js';
import { UsageError } from '../util/errors.js';
import { integerOption, stringOption, type ParsedArgs } from './args.js';
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

/** Lines are fitted to this width when standard output is not a terminal (a pipe, a CI log, a file). */
export const NO_TTY_WIDTH = 100;
/** File lists take this many lines when standard output is not a terminal, whose height would decide. */
export const NO_TTY_LIST_LINES = 40;

/** `COLUMNS=200 census scan | less`: the width asked for where there is no terminal to measure. */
const columnsOfEnv = (io: CliIo): number | undefined => {
  const v = io.env?.COLUMNS;
  return v !== undefined && /^\d+$/.test(v) && Number(v) >= 20 ? Number(v) : undefined;
};

/** Colour only for a terminal that is really going to show it; the terminal's width and height, else $COLUMNS or 100 columns, and 40 lines. */
export const renderOptions = (args: ParsedArgs, io: CliIo): RenderOptions => {
  const toTerminal = stringOption(args.values, 'output') === undefined;
  return {
    color: io.color && toTerminal,
    width: (toTerminal ? io.columns : undefined) ?? columnsOfEnv(io) ?? NO_TTY_WIDTH,
    listLines: integerOption(args.values, 'limit', (toTerminal ? io.rows : undefined) ?? NO_TTY_LIST_LINES),
    ...(args.values.summary === true ? { summary: true } : {}),
    ...(args.values.quiet === true ? { quiet: true } : {}),
  };
};

/** Renders the view in the chosen format (loading only its renderer) to --output or standard output. */
export const emitView = async <V extends ViewName>(view: V, format: FormatName, data: ViewData[V], args: ParsedArgs, io: CliIo): Promise<void> =>
  emit(await renderView(view, format, data, renderOptions(args, io)), args, io);
