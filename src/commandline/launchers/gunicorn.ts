/** `gunicorn [-c conf.py] [--chdir dir] pkg.mod:app`: the WSGI/ASGI app's module and the config file (`-k` is a worker class, not the app). */
import { optionValue, scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, file, module } from './types.js';

const FLAGS = [
  '--reload', '--preload', '-D', '--daemon', '--capture-output', '--check-config', '--print-config', '--spew',
  '--enable-stdio-inheritance', '--no-sendfile', '--reuse-port', '-R', '--strip-header-spaces', '--help', '-h', '-v', '--version',
];

export const gunicorn: Launcher = {
  names: ['gunicorn'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { flagsOnly: FLAGS });
    const dir = optionValue(scanned, '--chdir');
    const out: Intent[] = [];
    const config = optionValue(scanned, '-c', '--config');
    const configText = literal(config);
    if (config && configText?.startsWith('python:')) out.push(module(text(configText.slice('python:'.length)), dir));
    else if (config) out.push(file(config));
    const app = scanned.positionals[0];
    if (app) out.push(module(app, dir));
    return out;
  },
};
