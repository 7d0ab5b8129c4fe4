/** `vitest [run|watch|dev|related|bench] [filters] [--config file]`: a test run; path-like filters are its paths. */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal } from '../value.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const MODES: ReadonlySet<string> = new Set(['run', 'watch', 'dev', 'related', 'bench', 'list']);
const VALUES = ['-c', '--config', '-r', '--root', '--dir', '-t', '--testNamePattern', '--project', '--reporter', '--outputFile', '--environment', '--pool', '--shard', '--coverage.provider', '--maxWorkers', '--minWorkers', '--exclude', '--mode', '--workspace'];

/** A filter that names a file or folder rather than a substring to match. */
export const isPathLike = (v: Value): boolean => v.kind === 'path' || /\/|\.[cm]?[jt]sx?$/.test(literal(v) ?? '');

const CODE_FILE = /\.[cm]?[jt]sx?$/;

/**
 * The path filters that can name tests: vitest and jest run the files their include finds that
 * match a filter, so a filter naming a code file their default include does not take
 * (`vitest ./server/server.ts`) runs nothing of its own; what a config's include adds is test
 * discovery's to find.
 */
export const testFilters = (positionals: readonly Value[], testName: RegExp): Value[] =>
  positionals.filter((v) => {
    if (!isPathLike(v)) return false;
    const t = literal(v);
    return t === null || !CODE_FILE.test(t) || testName.test(t);
  });

export const VITEST_TEST_NAME = /\.(test|spec)\.[cm]?[jt]sx?$/;

export const vitest: Launcher = {
  names: ['vitest'],
  run(args): Intent[] {
    const rest = MODES.has(literal(args[0]) ?? '') ? args.slice(1) : args;
    const scanned = scanArgs(rest, { values: VALUES });
    const config = optionValue(scanned, '-c', '--config');
    const dir = optionValue(scanned, '-r', '--root', '--dir');
    return [testRun('vitest', testFilters(scanned.positionals, VITEST_TEST_NAME), dir), ...(config ? [file(config, dir)] : [])];
  },
};
