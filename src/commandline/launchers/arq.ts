/** `arq [--burst] [--watch dir] pkg.worker.WorkerSettings`: the module holding the worker settings. */
import { scanArgs } from '../args.js';
import { attributePath } from './dotted.js';
import { type Intent, type Launcher, module } from './types.js';

export const arq: Launcher = {
  names: ['arq'],
  run(args): Intent[] {
    const settings = scanArgs(args, { values: ['--watch', '--custom-log-dict'] }).positionals[0];
    return settings ? [module(attributePath(settings))] : [];
  },
};
