/**
 * getopt-style argument scanning for launcher records: which words are options (and which of those
 * take a value), which are positional, and where the launched program's own arguments begin.
 */
import { type Value, dynamic, literal, text } from './value.js';

export interface ArgSpec {
  /** Options that take a value (`-m`, `--config`); `--opt=value` and glued `-Wvalue` work too. */
  values?: readonly string[];
  /** Options that end option parsing, with their value (`python -m mod …`, `-c code`). */
  stops?: readonly string[];
  /** The first positional ends option parsing: the rest are the program's own arguments. */
  stopAtPositional?: boolean;
  /**
   * For servers with dozens of `--option value` settings: every option takes a value except
   * these flags, so a value is never mistaken for the app.
   */
  flagsOnly?: readonly string[];
  /** With flagsOnly: options matching this are flags too (`--no-ws`, `--no-access-log`). */
  flagPattern?: RegExp;
}

export interface ScannedArgs {
  /** Every option with its values ('' for a flag without one). */
  options: Map<string, Value[]>;
  positionals: Value[];
  /** The arguments after the first positional (stopAtPositional) or after a stop option. */
  rest: Value[];
  stopped?: { option: string; value: Value | undefined };
}

export const scanArgs = (args: readonly Value[], spec: ArgSpec): ScannedArgs => {
  const values = new Set(spec.values ?? []);
  const stops = new Set(spec.stops ?? []);
  const out: ScannedArgs = { options: new Map(), positionals: [], rest: [] };
  const record = (option: string, value: Value | undefined): void => {
    const list = out.options.get(option) ?? [];
    list.push(value ?? text(''));
    out.options.set(option, list);
  };
  const flagsOnly = spec.flagsOnly ? new Set(spec.flagsOnly) : null;
  const takesValue = (option: string): boolean =>
    values.has(option) || stops.has(option) || (flagsOnly !== null && !flagsOnly.has(option) && !(spec.flagPattern?.test(option) ?? false));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `--opt=$VALUE`: an option whatever its value; only the value is computed.
    const computedOption = arg.kind === 'dynamic' ? /^(--?[A-Za-z][\w-]*)(=([\s\S]*))?$/.exec(arg.text) : null;
    if (computedOption) {
      record(computedOption[1], computedOption[2] ? dynamic(computedOption[3]) : undefined);
      continue;
    }
    const t = literal(arg);
    if (t === '--') {
      out.positionals.push(...args.slice(i + 1));
      if (spec.stopAtPositional && out.positionals.length > 0) out.rest = out.positionals.splice(1);
      return out;
    }
    if (t === null || t === '-' || !t.startsWith('-')) {
      out.positionals.push(arg);
      if (spec.stopAtPositional) {
        out.rest = args.slice(i + 1);
        return out;
      }
      continue;
    }
    let option = t;
    let value: Value | undefined;
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      if (eq > 0) {
        option = t.slice(0, eq);
        value = text(t.slice(eq + 1));
      } else if (takesValue(t)) value = args[++i];
    } else {
      // A cluster of short flags (-uO); the first one that takes a value ends it (-Wignore, -um mod).
      for (let j = 1; j < t.length; j++) {
        option = `-${t[j]}`;
        if (takesValue(option)) {
          value = j + 1 < t.length ? text(t.slice(j + 1)) : args[++i];
          break;
        }
        if (j + 1 < t.length) record(option, undefined);
      }
    }
    record(option, value);
    if (stops.has(option)) {
      out.stopped = { option, value };
      out.rest = args.slice(i + 1);
      return out;
    }
  }
  return out;
};

/** The last value of the first of these options that is present. */
export const optionValue = (scanned: ScannedArgs, ...names: string[]): Value | undefined => {
  for (const name of names) {
    const list = scanned.options.get(name);
    if (list && list.length > 0) return list[list.length - 1];
  }
  return undefined;
};

/** The command in `args` after the options of the program that runs it (`npm exec -- tsx x.ts` → `tsx x.ts`). */
export const commandAfter = (args: readonly Value[], spec: ArgSpec = {}): Value[] => {
  const scanned = scanArgs(args, { ...spec, stopAtPositional: true });
  return scanned.positionals.length > 0 ? [scanned.positionals[0], ...scanned.rest] : [];
};
