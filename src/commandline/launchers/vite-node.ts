/**
 * `vite-node [options] file… [-- args]`: runs each file through Vite's transform (`--script`:
 * only the first, the rest are its arguments); words after `--` are the program's own.
 */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, file } from './types.js';

const VALUES = ['-r', '--root', '-c', '--config', '-m', '--mode', '--options'];

export const viteNode: Launcher = {
  names: ['vite-node'],
  run(args): Intent[] {
    const end = args.findIndex((a) => literal(a) === '--');
    const own = end < 0 ? args : args.slice(0, end);
    const scanned = scanArgs(own, { values: VALUES });
    const files = scanned.options.has('--script') ? scanned.positionals.slice(0, 1) : scanned.positionals;
    return files.map((f) => file(f));
  },
};
