/**
 * `alembic [-c alembic.ini] upgrade head`: the config file (`-c`, `$ALEMBIC_CONFIG`, else
 * alembic.ini where it runs). Which migration scripts it then runs is read from that config by
 * the Python frameworks' reading of Alembic, not here.
 */
import { optionValue, scanArgs } from '../args.js';
import { text } from '../value.js';
import { type Intent, type Launcher, file, fileIfPresent } from './types.js';

export const alembic: Launcher = {
  names: ['alembic'],
  run(args, _name, env): Intent[] {
    const scanned = scanArgs(args, { values: ['-c', '--config', '-n', '--name', '-x'], stopAtPositional: true });
    if (scanned.positionals.length === 0) return [];
    const explicit = optionValue(scanned, '-c', '--config') ?? env('ALEMBIC_CONFIG');
    return [explicit ? file(explicit) : fileIfPresent(text('alembic.ini'))];
  },
};
