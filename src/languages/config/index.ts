/**
 * Configuration and wiring formats. They are listed and counted here; what they wire up is read by
 * the entry detectors (src/entries/), not by an extractor.
 */
import type { LanguageRecord } from '../types.js';

const config = (id: LanguageRecord['id'], comments: LanguageRecord['comments'], extensions: string[], more: Partial<LanguageRecord> = {}): LanguageRecord =>
  ({ id, family: 'config', extensions, comments, source: false, ...more });

export const jsonLanguage = config('json', 'none', ['.json', '.jsonc']);
export const yamlLanguage = config('yaml', 'hash', ['.yml', '.yaml']);
export const tomlLanguage = config('toml', 'hash', ['.toml']);
export const iniLanguage = config('ini', 'hash', ['.ini', '.cfg', '.conf']);
export const dockerfileLanguage = config('dockerfile', 'hash', ['.dockerfile'], { fileNames: ['Dockerfile', 'Containerfile'], fileNamePrefixes: ['Dockerfile.', 'Containerfile.'] });
export const makefileLanguage = config('makefile', 'hash', ['.mk'], { fileNames: ['Makefile', 'makefile', 'GNUmakefile'] });
export const systemdLanguage = config('systemd', 'hash', ['.service', '.timer', '.socket', '.path']);
export const procfileLanguage = config('procfile', 'hash', [], { fileNames: ['Procfile'], fileNamePrefixes: ['Procfile.'] });
export const crontabLanguage = config('crontab', 'hash', ['.cron', '.crontab'], { fileNames: ['crontab'], folders: ['/cron.d/'] });
