/** `mocha [spec …] [-r ./setup.js] [--file f] [--config f]`: a test run; required and --file files load too. */
import { scanArgs } from '../args.js';
import { isFileSpecifier } from './node.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const VALUES = ['-r', '--require', '--file', '--config', '--spec', '-t', '--timeout', '-g', '--grep', '-f', '--fgrep', '-R', '--reporter', '-O', '--reporter-option', '-u', '--ui', '--extension', '--ignore', '--exclude', '-j', '--jobs', '--package', '-s', '--slow', '--retries'];

export const mocha: Launcher = {
  names: ['mocha', '_mocha'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES });
    const specs = [...(scanned.options.get('--spec') ?? []), ...scanned.positionals];
    const loads = ['-r', '--require', '--file', '--config'].flatMap((o) => scanned.options.get(o) ?? []).filter(isFileSpecifier);
    return [testRun('mocha', specs), ...loads.map((v) => file(v))];
  },
};
