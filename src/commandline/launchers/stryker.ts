/**
 * `stryker run [options] [configFile]`: Stryker (mutation testing) loads the config file it is
 * given, else stryker.conf.* / stryker.config.* by name (a tooling root of its own, see
 * entries/tool-configs.ts). The config is the one file of the repo the command names; what the
 * test runner then loads is the test runner's reader's.
 */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, file } from './types.js';

/** Stryker's options that take a value (`--concurrency 4`, `-m src/**`). */
export const STRYKER_VALUE_OPTIONS = [
  '-m', '--mutate', '-b', '--buildCommand', '--checkers', '--checkerNodeArgs', '--coverageAnalysis', '--testRunner', '--testRunnerNodeArgs', '--reporters',
  '--plugins', '--appendPlugins', '--ignorePatterns', '--incrementalFile', '--timeoutMS', '--timeoutFactor', '--dryRunTimeoutMinutes', '--maxConcurrentTestRunners',
  '-c', '--concurrency', '--maxTestRunnerReuse', '--logLevel', '--fileLogLevel', '--allowConsoleColors', '--tempDirName', '--cleanTempDir', '--ignorers', '--disableTypeChecks',
];
/** What a config file's name ends with: Stryker reads JavaScript (and TypeScript through its loader) and JSON configs. */
const CONFIG = /\.(?:[cm]?[jt]s|json)$/;

export const stryker: Launcher = {
  names: ['stryker'],
  run(args): Intent[] {
    if (literal(args[0]) !== 'run') return [];
    const config = scanArgs(args.slice(1), { values: STRYKER_VALUE_OPTIONS }).positionals[0];
    return config !== undefined && CONFIG.test(literal(config) ?? '') ? [file(config)] : [];
  },
};
