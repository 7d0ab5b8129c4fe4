/** `granian [--interface asgi|wsgi|rsgi] [--working-dir dir] pkg.mod:app`: the app's module. */
import { optionValue, scanArgs } from '../args.js';
import { type Intent, type Launcher, module } from './types.js';

/** Granian's on/off switches (`--ws/--no-ws`, …); every other option takes a value. */
const FLAGS = [
  '--reload', '--factory', '--ws', '--log', '--access-log', '--respawn-failed-workers', '--opt', '--http1-keep-alive', '--http1-pipeline-flush',
  '--http2-adaptive-window', '--reload-ignore-worker-failure', '--process-name-only', '--version', '--help',
];

export const granian: Launcher = {
  names: ['granian'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { flagsOnly: FLAGS, flagPattern: /^--no-/ });
    const app = scanned.positionals[0];
    return app ? [module(app, optionValue(scanned, '--working-dir'))] : [];
  },
};
