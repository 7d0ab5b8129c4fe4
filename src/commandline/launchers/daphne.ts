/** `daphne [-b host] [-p port] [--root-path p] pkg.asgi:application`: Django Channels' ASGI server; the app's module. */
import { scanArgs } from '../args.js';
import { type Intent, type Launcher, module } from './types.js';

const FLAGS = ['--proxy-headers', '--no-server-name', '-h', '--help', '--version'];

export const daphne: Launcher = {
  names: ['daphne'],
  run(args): Intent[] {
    const app = scanArgs(args, { flagsOnly: FLAGS }).positionals[0];
    return app ? [module(app)] : [];
  },
};
