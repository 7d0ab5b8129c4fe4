/** `coverage run [options] x.py | -m module`: the program under coverage is what runs. */
import { scanArgs } from '../args.js';
import { type Intent, type Launcher, argv, file } from './types.js';
import { text } from '../value.js';

export const coverage: Launcher = {
  names: ['coverage'],
  run(args): Intent[] {
    const [sub, ...rest] = args;
    if (sub?.kind !== 'text' || sub.text !== 'run') return [];
    const scanned = scanArgs(rest, { values: ['--rcfile', '--source', '--include', '--omit', '--context', '--data-file', '--concurrency'], stops: ['-m'], stopAtPositional: true });
    if (scanned.stopped?.value) return [argv([text('python'), text('-m'), scanned.stopped.value, ...scanned.rest])];
    return scanned.positionals.length > 0 ? [file(scanned.positionals[0])] : [];
  },
};
