/** `celery -A pkg[.mod[:app]] worker|beat|flower|… [--workdir dir]` (and flower's own `flower -A pkg`): the app module is what every subcommand imports. */
import { optionValue, scanArgs } from '../args.js';
import { type Intent, type Launcher, module } from './types.js';

export const celery: Launcher = {
  names: ['celery', 'flower'],
  run(args): Intent[] {
    const scanned = scanArgs(args, {
      values: ['-A', '--app', '-b', '--broker', '--result-backend', '--loader', '--config', '--workdir', '-l', '--loglevel', '-Q', '--queues', '-c', '--concurrency', '-n', '--hostname', '-P', '--pool', '-s', '--schedule', '-S', '--scheduler', '--pidfile', '--logfile', '-f', '--port', '--address', '--basic-auth', '--url-prefix', '--max-tasks'],
    });
    const app = optionValue(scanned, '-A', '--app');
    return app ? [module(app, optionValue(scanned, '--workdir'))] : [];
  },
};
