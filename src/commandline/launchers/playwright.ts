/** `playwright test [paths] [-c config]`: a test run; other subcommands (install, codegen) run nothing of the repo. */
import { optionValue, scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const VALUES = ['-c', '--config', '--project', '-g', '--grep', '--grep-invert', '-j', '--workers', '--reporter', '--retries', '--timeout', '--shard', '--output', '--repeat-each', '--max-failures'];

export const playwright: Launcher = {
  names: ['playwright'],
  run(args): Intent[] {
    if (literal(args[0]) !== 'test') return [];
    const scanned = scanArgs(args.slice(1), { values: VALUES });
    const config = optionValue(scanned, '-c', '--config');
    return [testRun('playwright', scanned.positionals), ...(config ? [file(config)] : [])];
  },
};
