/**
 * `gunicorn [-c conf.py] [--chdir dir] pkg.mod:app`: the WSGI/ASGI app's module and the config file
 * (`-k` is a worker class, not the app). Without `-c`, gunicorn reads ./gunicorn.conf.py when there
 * is one; `$GUNICORN_CMD_ARGS` holds options too. The config's own `wsgi_app` and `chdir` are read
 * where the config is resolved.
 */
import { optionValue, scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, config, module } from './types.js';

const FLAGS = [
  '--reload', '--preload', '-D', '--daemon', '--capture-output', '--check-config', '--print-config', '--spew',
  '--enable-stdio-inheritance', '--no-sendfile', '--reuse-port', '-R', '--strip-header-spaces', '--help', '-h', '-v', '--version',
];

export const gunicorn: Launcher = {
  // gunicorn3: the name Debian's older python3 gunicorn installed, which units still run (lava-server-gunicorn.service).
  names: ['gunicorn', 'gunicorn3'],
  run(args, _name, env): Intent[] {
    const fromEnv = literal(env('GUNICORN_CMD_ARGS'));
    const words = fromEnv ? [...fromEnv.split(/\s+/).filter((w) => w !== '').map(text), ...args] : args;
    const scanned = scanArgs(words, { flagsOnly: FLAGS });
    const dir = optionValue(scanned, '--chdir');
    const out: Intent[] = [];
    const configFile = optionValue(scanned, '-c', '--config');
    const configText = literal(configFile);
    if (configFile && configText?.startsWith('python:')) out.push(module(text(configText.slice('python:'.length)), dir));
    else if (configFile) out.push(config(configFile, 'gunicorn'));
    else out.push(config(text('gunicorn.conf.py'), 'gunicorn', undefined, true));
    const app = scanned.positionals[0];
    if (app) out.push(module(app, dir));
    return out;
  },
};
