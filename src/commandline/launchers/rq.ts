/**
 * `rq worker [-c settings] [-P path] [-w pkg.MyWorker] queues…` (and `rqworker`): the settings
 * module, and the repo's own worker, job or queue classes when it names them. Job functions are
 * named by whoever enqueues them, not here.
 */
import { optionValue, scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, module, moduleIfPresent } from './types.js';
import { attributePath } from './dotted.js';

const VALUES = [
  '-c', '--config', '-u', '--url', '-P', '--path', '-w', '--worker-class', '-j', '--job-class', '--queue-class', '--connection-class',
  '--exception-handler', '--serializer', '-S', '-n', '--name', '--results-ttl', '--worker-ttl', '--job-monitoring-interval', '--logging_level',
  '--log-format', '--date-format', '--max-jobs', '--max-idle-time', '--maintenance-interval', '--pid', '--num-workers', '--dequeue-strategy',
  '--sentry-dsn', '--sentry-ca-certs', '--sentry-debug', '-l',
];
const CLASSES = ['-w', '--worker-class', '-j', '--job-class', '--queue-class', '--connection-class', '--exception-handler', '-S', '--serializer'];

export const rq: Launcher = {
  names: ['rq', 'rqworker'],
  run(args, name): Intent[] {
    const sub = name === 'rq' ? literal(args[0]) : 'worker';
    if (sub !== 'worker' && sub !== 'worker-pool') return [];
    const scanned = scanArgs(name === 'rq' ? args.slice(1) : args, { values: VALUES });
    const dir = optionValue(scanned, '-P', '--path');
    const out: Intent[] = [];
    const settings = optionValue(scanned, '-c', '--config');
    if (settings) out.push(module(settings, dir));
    for (const option of CLASSES) for (const v of scanned.options.get(option) ?? []) out.push(moduleIfPresent(attributePath(v), dir));
    return out;
  },
};
