/** `pipx run [options] app …`: a package from the index runs nothing of the repo, but `pipx run script.py` runs the file. */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, file } from './types.js';

export const pipx: Launcher = {
  names: ['pipx'],
  run(args): Intent[] {
    if (literal(args[0]) !== 'run') return [];
    const scanned = scanArgs(args.slice(1), { values: ['--spec', '--python', '--index-url', '-i', '--pip-args', '--backend'], stopAtPositional: true });
    const app = scanned.positionals[0];
    return app && /\.pyw?$/.test(literal(app) ?? '') ? [file(app)] : [];
  },
};
