/** `make [-C dir] [-f file] [target …] [VAR=value]`: each target in the Makefile; none named means the default target (''). */
import { optionValue, scanArgs } from '../args.js';
import { type Value, describe, literal } from '../value.js';
import type { Intent, Launcher } from './types.js';

const VALUES = ['-C', '--directory', '-f', '--file', '--makefile', '-I', '--include-dir', '-o', '--old-file', '-W', '--what-if', '--new-file', '--assume-new', '--eval', '-O', '--output-sync'];

/** `-j 4` / `-l 2.5`: the count is optional, so only a number after them belongs to them. */
const dropJobCounts = (args: readonly Value[]): Value[] =>
  args.filter((a, i) => !(i > 0 && /^(-j|-l|--jobs|--load-average)$/.test(literal(args[i - 1]) ?? '') && /^\d+(\.\d+)?$/.test(literal(a) ?? '')));

export const make: Launcher = {
  names: ['make', 'gmake'],
  run(args): Intent[] {
    const scanned = scanArgs(dropJobCounts(args), { values: VALUES });
    const dir = optionValue(scanned, '-C', '--directory');
    const makefile = optionValue(scanned, '-f', '--file', '--makefile');
    if (literal(makefile) === '-') return [];
    // `VAR=value` words set variables, whether or not the value is known.
    const targets = scanned.positionals.filter((p) => !/^[A-Za-z_][\w.]*\+?:?=/.test(describe(p)));
    if (targets.length === 0) return [{ kind: 'make-target', target: '', dir, makefile }];
    return targets.map((t): Intent => {
      const name = literal(t);
      return name === null ? { kind: 'unresolved', reason: `make target ${t.kind === 'dynamic' ? t.text : '?'} is computed at run time` } : { kind: 'make-target', target: name, dir, makefile };
    });
  },
};
