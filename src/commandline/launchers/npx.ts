/** `npx [options] bin args` (and bunx, pnpx): the bin is a command of its own; `-c "…"` is shell text. */
import { optionValue, scanArgs } from '../args.js';
import { type Intent, type Launcher, argv, script } from './types.js';

export const npx: Launcher = {
  names: ['npx', 'bunx', 'pnpx'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: ['-p', '--package', '-c', '--call', '--node-options', '--shell'], stopAtPositional: true });
    const call = optionValue(scanned, '-c', '--call');
    if (call) return [script(call)];
    const bin = scanned.positionals[0];
    return bin ? [argv([bin, ...scanned.rest])] : [];
  },
};
