/** `jest [paths|patterns] [--config file]`: a test run; `--rootDir` is where it looks. */
import { optionValue, scanArgs } from '../args.js';
import { literal } from '../value.js';
import { testFilters } from './vitest.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const VALUES = [
  '-c', '--config', '--rootDir', '--roots', '-t', '--testNamePattern', '--testPathPattern', '--testPathIgnorePatterns', '--coverageDirectory',
  '-w', '--maxWorkers', '--selectProjects', '--shard', '--reporters', '--testTimeout', '--outputFile', '--changedSince', '--env', '--testEnvironment', '--setupFiles',
];

/** jest's default testMatch: `__tests__/**` and `*.test.*` / `*.spec.*`. */
const JEST_TEST_NAME = /(^|\/)__tests__\/|(^|[.\/])(test|spec)\.[cm]?[jt]sx?$/;

export const jest: Launcher = {
  names: ['jest'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES });
    const config = optionValue(scanned, '-c', '--config');
    // --config can also be inline JSON.
    const configFile = config && !(literal(config) ?? '').trim().startsWith('{') ? [file(config)] : [];
    return [testRun('jest', testFilters(scanned.positionals, JEST_TEST_NAME), optionValue(scanned, '--rootDir')), ...configFile];
  },
};
