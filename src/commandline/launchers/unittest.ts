/** `python -m unittest [discover -s dir | tests/test_x.py | tests.test_x]`: a test run. */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal } from '../value.js';
import { type Intent, type Launcher, module, testRun } from './types.js';

const isDottedName = (v: Value): boolean => /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(literal(v) ?? '') && !/\.py$/.test(literal(v) ?? '');

export const unittest: Launcher = {
  names: ['unittest'],
  run(args): Intent[] {
    const discover = literal(args[0]) === 'discover';
    const scanned = scanArgs(discover ? args.slice(1) : args, { values: ['-s', '--start-directory', '-p', '--pattern', '-t', '--top-level-directory', '-k'] });
    if (discover) {
      const start = optionValue(scanned, '-s', '--start-directory') ?? scanned.positionals[0];
      return [testRun('unittest', start ? [start] : [])];
    }
    const modules = scanned.positionals.filter(isDottedName);
    const paths = scanned.positionals.filter((p) => !isDottedName(p));
    return [testRun('unittest', paths), ...modules.map((m) => module(m))];
  },
};
