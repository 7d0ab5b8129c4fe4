/** `dramatiq [-p N] [-t N] [-P path] [-Q queue …] broker_module[:broker] [module …]`: every module it imports. */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal } from '../value.js';
import { type Intent, type Launcher, module } from './types.js';

const VALUES = [
  '-p', '--processes', '-t', '--threads', '-P', '--path', '--pid-file', '--log-file', '--watch', '--watch-include', '--watch-exclude',
  '-f', '--fork-function', '--worker-shutdown-timeout', '--skip-logging-config', '--log-format',
];
/** Options that take every word up to the next option (`-Q default mail`). */
const MANY = new Set(['-Q', '--queues']);

const dropMany = (args: readonly Value[]): Value[] => {
  const out: Value[] = [];
  let inMany = false;
  for (const a of args) {
    const t = literal(a);
    if (t !== null && t.startsWith('-')) inMany = MANY.has(t);
    else if (inMany) continue;
    if (!(t !== null && MANY.has(t))) out.push(a);
  }
  return out;
};

export const dramatiq: Launcher = {
  names: ['dramatiq', 'dramatiq-gevent'],
  run(args): Intent[] {
    const scanned = scanArgs(dropMany(args), { values: VALUES });
    const dir = optionValue(scanned, '-P', '--path');
    return [...scanned.positionals, ...(scanned.options.get('-f') ?? []), ...(scanned.options.get('--fork-function') ?? [])].map((m) => module(m, dir));
  },
};
