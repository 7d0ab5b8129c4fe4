/** `nodemon [options] file` (node, or ts-node for .ts) and `nodemon --exec "cmd" [file]`. */
import { optionValue, scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, file, script } from './types.js';

const VALUES = ['-w', '--watch', '-e', '--ext', '-i', '--ignore', '-x', '--exec', '-d', '--delay', '-s', '--signal', '--config', '--cwd', '-C'];

export const nodemon: Launcher = {
  names: ['nodemon'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES, stopAtPositional: true });
    const exec = optionValue(scanned, '-x', '--exec');
    const entry = scanned.positionals[0];
    const dir = optionValue(scanned, '--cwd');
    if (exec) {
      const parts = [exec, ...(entry ? [entry] : [])].map(literal);
      return parts.every((p) => p !== null) ? [script(text(parts.join(' ')), dir)] : [script(exec, dir), ...(entry ? [file(entry, dir)] : [])];
    }
    return entry ? [file(entry, dir)] : [];
  },
};
