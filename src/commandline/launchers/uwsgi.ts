/**
 * `uwsgi --module pkg.wsgi:app | --wsgi-file app.py | --mount /=pkg:app [--chdir dir] | --ini uwsgi.ini`.
 * uWSGI has hundreds of options and many on/off switches, so only the ones that name the app, its
 * folder or a config file are read; a bare `uwsgi app.ini` is a config file, as uwsgi reads it.
 */
import { type Value, literal, text } from '../value.js';
import { type Intent, type Launcher, config, file, module } from './types.js';

const MODULE = new Set(['--module', '-w', '--wsgi', '--callable-module']);
const FILE = new Set(['--wsgi-file', '--file']);
const CONFIG = new Set(['--ini', '--yaml', '-y', '--yml', '--json', '-j']);
const CONFIG_FILE = /\.(ini|ya?ml|json)$/;

export const uwsgi: Launcher = {
  names: ['uwsgi'],
  run(args): Intent[] {
    let dir: Value | undefined;
    const found: { kind: 'module' | 'file' | 'config' | 'mount'; value: Value }[] = [];
    for (let i = 0; i < args.length; i++) {
      const word = literal(args[i]);
      if (word === null || !word.startsWith('-')) {
        if (word !== null && CONFIG_FILE.test(word)) found.push({ kind: 'config', value: args[i] });
        continue;
      }
      const eq = word.indexOf('=');
      const option = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
      const value = word.startsWith('--') && eq > 0 ? text(word.slice(eq + 1)) : args[i + 1];
      const known = MODULE.has(option) || FILE.has(option) || CONFIG.has(option) || option === '--chdir' || option === '--mount';
      if (!known || value === undefined) continue;
      if (!(word.startsWith('--') && eq > 0)) i++;
      if (option === '--chdir') dir = value;
      else found.push({ kind: MODULE.has(option) ? 'module' : FILE.has(option) ? 'file' : option === '--mount' ? 'mount' : 'config', value });
    }
    return found.flatMap(({ kind, value }): Intent[] => {
      // A config file is where uwsgi starts; its own chdir says where the app is.
      if (kind === 'config') return [config(value, 'uwsgi')];
      if (kind === 'file') return [file(value, dir)];
      if (kind === 'module') return [module(value, dir)];
      // `--mount /mountpoint=pkg.wsgi:app` or `=path/app.py`.
      const t = literal(value);
      const app = t === null ? null : t.slice(t.indexOf('=') + 1);
      if (app === null || app === '') return [];
      return [/\.py$/.test(app) ? file(text(app), dir) : module(text(app), dir)];
    });
  },
};
