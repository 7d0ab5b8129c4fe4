/** `uvicorn pkg.mod:app [--app-dir dir] [--port …]`: the ASGI app's module. */
import { optionValue, scanArgs } from '../args.js';
import { type Intent, type Launcher, module } from './types.js';

const FLAGS = [
  '--reload', '--factory', '--access-log', '--no-access-log', '--use-colors', '--no-use-colors', '--proxy-headers', '--no-proxy-headers',
  '--server-header', '--no-server-header', '--date-header', '--no-date-header', '--help', '--version',
];

export const uvicorn: Launcher = {
  names: ['uvicorn'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { flagsOnly: FLAGS });
    const app = scanned.positionals[0];
    return app ? [module(app, optionValue(scanned, '--app-dir'))] : [];
  },
};
