/** `jest [paths|patterns] [--config file]`: a test run; `--rootDir` is where it looks. */
import { optionValue, scanArgs } from '../args.js';
import { literal } from '../value.js';
import { isPathLike } from './vitest.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const VALUES = [
  '-c', '--config', '--rootDir', '--roots', '-t', '--testNamePattern', '--testPathPattern', '--testPathIgnorePatterns', '--coverageDirectory',
  '-w', '--maxWorkers', '--selectProjects', '--shard', '--reporters', '--testTimeout', '--outputFile', '--changedSince', '--env', '--testEnvironment', '--setupFiles',
];

export const jest: Launcher = {
  names: ['jest'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES });
    const config = optionValue(scanned, '-c', '--config');
    // --config can also be inline JSON.
    const configFile = config && !(literal(config) ?? '').trim().startsWith('{') ? [file(config)] : [];
    return [testRun('jest', scanned.positionals.filter(isPathLike), optionValue(scanned, '--rootDir')), ...configFile];
  },
};
