/** `pytest [options] [paths | path::test]`: a test run over the paths given, or over its discovery from the cwd. */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal, text } from '../value.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const VALUES = [
  '-k', '-m', '-p', '-c', '-o', '-r', '-W', '-n', '--rootdir', '--basetemp', '--junitxml', '--junit-xml', '--cov-report', '--cov-config',
  '--maxfail', '--tb', '--durations', '--dist', '--log-level', '--log-file', '--log-cli-level', '--ignore', '--ignore-glob', '--deselect',
  '--confcutdir', '--import-mode', '--timeout', '--capture', '--color', '--ds', '--reruns', '--override-ini', '--config-file', '--numprocesses',
  '--html', '--alluredir', '--randomly-seed', '--benchmark-json', '--durations-min', '--lf-scope',
];

/** `tests/test_api.py::TestX::test_y` → `tests/test_api.py`. */
const pathOf = (v: Value): Value => {
  const t = literal(v);
  const i = t === null ? -1 : t.indexOf('::');
  return t !== null && i >= 0 ? text(t.slice(0, i)) : v;
};

export const pytest: Launcher = {
  names: ['pytest', 'py.test'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES });
    // Paths are relative to where pytest runs, whatever --rootdir says.
    const out: Intent[] = [testRun('pytest', scanned.positionals.map(pathOf))];
    const config = optionValue(scanned, '-c', '--config-file');
    if (config) out.push(file(config));
    return out;
  },
};
