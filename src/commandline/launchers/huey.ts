/** `huey_consumer[.py] pkg.mod.huey [-w 4 -k thread]`: the module holding the Huey instance. */
import { scanArgs } from '../args.js';
import { attributePath } from './dotted.js';
import { type Intent, type Launcher, module } from './types.js';

const VALUES = ['-w', '--workers', '-k', '--worker-type', '-d', '--delay', '-m', '--max-delay', '-b', '--backoff', '-c', '--health-check-interval', '-s', '--scheduler-interval', '-l', '--logfile', '-L', '--extra-locks'];

export const huey: Launcher = {
  names: ['huey_consumer', 'huey_consumer.py'],
  run(args): Intent[] {
    const app = scanArgs(args, { values: VALUES }).positionals[0];
    return app ? [module(attributePath(app))] : [];
  },
};
