/**
 * `django-admin <command> [--settings pkg.settings] [--pythonpath dir]` (and `python -m django`):
 * the settings module every command loads, from `--settings` or `$DJANGO_SETTINGS_MODULE`. What
 * the command itself runs (migrations, management commands) is the Django framework reading's.
 */
import { optionValue, scanArgs } from '../args.js';
import { type Intent, type Launcher, module } from './types.js';

export const djangoAdmin: Launcher = {
  names: ['django-admin', 'django-admin.py'],
  run(args, _name, env): Intent[] {
    const scanned = scanArgs(args, { values: ['--settings', '--pythonpath', '-v', '--verbosity'] });
    if (scanned.positionals.length === 0) return [];
    const settings = optionValue(scanned, '--settings') ?? env('DJANGO_SETTINGS_MODULE');
    return settings ? [module(settings, optionValue(scanned, '--pythonpath'))] : [];
  },
};
