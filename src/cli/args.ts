/** Pure argv parsing against the option table: no I/O, testable on its own. */
import { parseArgs } from 'node:util';
import { UsageError } from '../util/errors.js';
import { OPTIONS, type OptionName } from './options.js';
import { closest } from './suggest.js';

export type ParsedValues = Partial<Record<OptionName, string | boolean | string[]>>;

export interface ParsedArgs {
  values: ParsedValues;
  positionals: string[];
  /** Words after `--` (for `census trace -- cmd ...`). */
  rest: string[];
}

export const parseCommandArgs = (argv: string[], allowed: OptionName[]): ParsedArgs => {
  const dashDash = argv.indexOf('--');
  const own = dashDash < 0 ? argv : argv.slice(0, dashDash);
  const rest = dashDash < 0 ? [] : argv.slice(dashDash + 1);
  const config: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }> = {};
  for (const name of [...allowed, 'help' as const]) {
    const spec = OPTIONS[name];
    config[name] = { type: spec.type, ...('short' in spec ? { short: spec.short } : {}), ...('multiple' in spec ? { multiple: spec.multiple } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: own, options: config, allowPositionals: true, strict: true });
    return { values: values as ParsedValues, positionals, rest };
  } catch (e) {
    // node:util's messages run to three lines; the first says it.
    const first = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '').split('\n')[0];
    const ambiguous = /^Option '(--[^' ]+)' argument is ambiguous/.exec(first);
    const message = ambiguous ? `${ambiguous[1]} needs a value; a value starting with a dash is written ${ambiguous[1]}=VALUE` : first.replace(/\.$/, '');
    const unknown = /^Unknown option '--([^']+)'/.exec(message);
    const guess = unknown ? closest(unknown[1].split('=')[0], [...allowed, 'help']) : null;
    throw new UsageError(guess ? `${message} (did you mean --${guess}?)` : message);
  }
};

export const stringOption = (values: ParsedValues, name: OptionName): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

export const listOption = (values: ParsedValues, name: OptionName): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

export const integerOption = (values: ParsedValues, name: OptionName, fallback: number): number => {
  const v = stringOption(values, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got "${v}"`);
  return Number(v);
};
