/** `source file` / `. file`: the file runs in this shell. */
import { literal } from '../value.js';
import { type Intent, type Launcher, file } from './types.js';

export const source: Launcher = {
  names: ['source', '.'],
  run: (args): Intent[] => (args[0] && literal(args[0]) !== '--' ? [file(args[0])] : args[1] ? [file(args[1])] : []),
};
