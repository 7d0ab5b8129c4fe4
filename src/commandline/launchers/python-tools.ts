/** Standard-library runners that take a script: `python -m pdb x.py`, `-m cProfile -o out x.py`, `-m trace --count x.py`. */
import { scanArgs } from '../args.js';
import { type Intent, type Launcher, file, runModule } from './types.js';

export const pythonTools: Launcher = {
  names: ['pdb', 'cProfile', 'profile', 'trace'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: ['-o', '-s', '-c', '--outfile', '--sort', '--file', '-f', '--coverdir', '-C', '--ignore-module', '--ignore-dir'], stops: ['-m'], stopAtPositional: true });
    if (scanned.stopped?.value) return [runModule(scanned.stopped.value)];
    return scanned.positionals.length > 0 ? [file(scanned.positionals[0])] : [];
  },
};
