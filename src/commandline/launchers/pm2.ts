/**
 * `pm2 start|restart|reload app.js | ecosystem.config.js | npm -- start | "cmd …"`, `pm2-runtime [start] …`:
 * the file it runs (with any `--interpreter`), the ecosystem file it reads, or the command after `--`.
 */
import { optionValue, scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, argv, file, script } from './types.js';

const STARTS: ReadonlySet<string> = new Set(['start', 'restart', 'reload', 'startOrRestart', 'startOrReload', 'startOrGracefulReload']);
const VALUES = [
  '-n', '--name', '-i', '--instances', '--interpreter', '--interpreter-args', '--node-args', '--cwd', '--env', '-o', '--output', '-e', '--error',
  '-l', '--log', '--ignore-watch', '--max-memory-restart', '-c', '--cron', '--cron-restart', '--only', '--kill-timeout', '--listen-timeout', '--restart-delay',
  '--exp-backoff-restart-delay', '--max-restarts', '--log-date-format', '--namespace', '-p', '--pid', '--log-type', '--public', '--secret', '--machine-name',
];
const PACKAGE_MANAGERS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun', 'npx']);

export const pm2: Launcher = {
  names: ['pm2', 'pm2-runtime', 'pm2-docker', 'pm2-dev'],
  run(args, name): Intent[] {
    const first = literal(args[0]);
    const rest = first !== null && STARTS.has(first) ? args.slice(1) : name === 'pm2' ? null : args;
    if (rest === null) return [];
    const dashes = rest.findIndex((a) => literal(a) === '--');
    const own = dashes < 0 ? rest : rest.slice(0, dashes);
    const after = dashes < 0 ? [] : rest.slice(dashes + 1);
    const scanned = scanArgs(own, { values: VALUES });
    const target = scanned.positionals[0];
    const dir = optionValue(scanned, '--cwd');
    const t = literal(target);
    if (!target) return [];
    if (t !== null && PACKAGE_MANAGERS.has(t)) return [argv([target, ...after], dir)];
    if (t !== null && /\s/.test(t)) return [script(text(t), dir)];
    return [file(target, dir)];
  },
};
