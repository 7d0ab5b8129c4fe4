/** `npm-run-all [-s|-p] a b`, `run-s a b`, `run-p a b`: package.json scripts by name; `build:*` patterns are not expanded here. */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, npmScript } from './types.js';

export const npmRunAll: Launcher = {
  names: ['npm-run-all', 'npm-run-all2', 'run-s', 'run-p'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: ['--npm-path', '--max-parallel'] });
    return scanned.positionals.map((p) =>
      /[*{]/.test(literal(p) ?? '') ? { kind: 'unresolved', reason: `script pattern "${literal(p)}" is not expanded here` } : npmScript(p),
    );
  },
};
