/**
 * `flask [--app X] run|shell|<command>` (every command loads the app): `--app`, else `$FLASK_APP`,
 * else wsgi.py or app.py where it runs, as Flask looks for them. An app given as a path
 * (`src/hello.py`, `hello.py:create_app()`) is that file; otherwise it is a module.
 */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal, text } from '../value.js';
import { type Intent, type Launcher, file, fileIfPresent, module } from './types.js';

const appIntent = (app: Value): Intent => {
  const t = literal(app);
  if (t === null) return module(app);
  const target = t.split(':')[0];
  if (/\.py$/.test(target)) return file(text(target));
  if (target.includes('/')) return file(text(`${target}.py`));
  return module(text(t.replace(/\(.*\)$/, '')));
};

export const flask: Launcher = {
  names: ['flask'],
  run(args, _name, env): Intent[] {
    const scanned = scanArgs(args, { values: ['--app', '-A', '--env-file', '-e'], stopAtPositional: true });
    if (scanned.positionals.length === 0) return [];
    const app = optionValue(scanned, '--app', '-A') ?? env('FLASK_APP');
    if (app) return [appIntent(app)];
    return [fileIfPresent(text('wsgi.py')), fileIfPresent(text('app.py'))];
  },
};
