/**
 * `celery -A pkg[.mod[:app]] worker|beat|flower|… [--workdir dir]` (and flower's own `flower -A pkg`): the app module is what every subcommand imports.
 * `beat -S/--scheduler pkg.mod.Scheduler` loads the repo's own scheduler class when it names one (`django` and other aliases name none).
 */
import { optionValue, scanArgs } from '../args.js';
import { attributePath } from './dotted.js';
import { type Intent, type Launcher, module, moduleIfPresent } from './types.js';

export const celery: Launcher = {
  names: ['celery', 'flower'],
  run(args): Intent[] {
    const scanned = scanArgs(args, {
      values: ['-A', '--app', '-b', '--broker', '--result-backend', '--loader', '--config', '--workdir', '-l', '--loglevel', '-Q', '--queues', '-c', '--concurrency', '-n', '--hostname', '-P', '--pool', '-s', '--schedule', '-S', '--scheduler', '--pidfile', '--logfile', '-f', '--port', '--address', '--basic-auth', '--url-prefix', '--max-tasks'],
    });
    const app = optionValue(scanned, '-A', '--app');
    const workdir = optionValue(scanned, '--workdir');
    const out: Intent[] = app ? [module(app, workdir)] : [];
    const scheduler = optionValue(scanned, '-S', '--scheduler');
    if (scheduler) out.push(moduleIfPresent(attributePath(scheduler), workdir));
    return out;
  },
};
