/** `ts-node [options] file.ts` and its relatives (ts-node-dev, tsnd); `--cwd`/`--dir` move where it runs. */
import { optionValue, scanArgs } from '../args.js';
import { NODE_VALUES, nodeLike } from './node.js';
import type { Intent, Launcher } from './types.js';

const VALUES = [
  ...NODE_VALUES, '-P', '--project', '-O', '--compiler-options', '--compiler', '-I', '--ignore', '--cwd', '--dir', '--scope-dir',
  '--ignore-diagnostics', '-D', '--watch', '--ignore-watch', '--interval', '--debounce', '--cache-directory',
];

export const tsNode: Launcher = {
  names: ['ts-node', 'ts-node-esm', 'ts-node-script', 'ts-node-transpile-only', 'ts-node-dev', 'tsnd'],
  run(args): Intent[] {
    const dir = optionValue(scanArgs(args, { values: VALUES, stopAtPositional: true }), '--cwd', '--dir');
    return nodeLike(args, { values: VALUES }, 'ts-node').map((i) => (i.kind === 'file' && dir ? { ...i, dir } : i));
  },
};
