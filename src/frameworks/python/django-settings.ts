/**
 * Where a Django project says which settings module it runs with: DJANGO_SETTINGS_MODULE set in
 * manage.py/wsgi.py/asgi.py/celery.py, in pytest-django's ini options, in a Dockerfile ENV, a
 * compose environment, a systemd Environment= or an env file, and `--settings=` on a command.
 * Each place is one declaration with its line; the kind of the place decides how the settings
 * are reached (code: an edge from that file; config: a root of that config's kind).
 */
import type { EntryKind } from '../../model/verdict.js';
import { listedPaths } from '../../util/file-index.js';
import { basename } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';

export interface SettingsDeclaration {
  module: string;
  file: string;
  line: number;
  /** 'code': the declaring file imports the settings when it runs; otherwise a root of this kind. */
  how: 'code' | EntryKind;
}

/** Python files that set the variable before Django starts. */
const PY_DECLARERS = /(^|\/)(manage|wsgi|asgi|celery\w*|conftest|__main__|settings\w*|\w*_?app)\.py$|(^|\/)(wsgi|asgi)\/__init__\.py$|\.wsgi$/;
const PY_PATTERN = /DJANGO_SETTINGS_MODULE['"]\s*(?:,|\]\s*=)\s*(?:f?['"])([A-Za-z_][\w.]*)['"]/g;

const PYTEST_CONFIGS = new Set(['pytest.ini', 'tox.ini', 'setup.cfg', 'pyproject.toml']);
const PYTEST_PATTERN = /^\s*(?:DJANGO_SETTINGS_MODULE\s*=\s*["']?([A-Za-z_][\w.]*)|.*--ds[= ]([A-Za-z_][\w.]*))/gm;

const DEPLOY_PATTERN = /DJANGO_SETTINGS_MODULE["']?\s*[=: ]\s*["']?([A-Za-z_][\w.]*)/g;

/** Asked of every file of the repo: plain prefix and suffix tests first, a pattern only for the few names they let through. */
const deployKind = (name: string): EntryKind | null => {
  if (name.startsWith('.env') || name.endsWith('.env')) return 'tooling';
  if (name.startsWith('Dockerfile') || name.startsWith('Containerfile') || name.endsWith('.dockerfile') || name.endsWith('.service') || name === 'Procfile') return 'production';
  if ((name.startsWith('compose') || name.startsWith('docker-compose')) && /^(docker-)?compose[\w.-]*\.ya?ml$/.test(name)) return 'production';
  if (name.startsWith('uwsgi') && /^uwsgi[\w.-]*\.ini$/.test(name)) return 'production';
  return null;
};

const matches = (text: string, pattern: RegExp): { module: string; line: number }[] => {
  const out: { module: string; line: number }[] = [];
  for (const m of text.matchAll(pattern)) {
    const module = m.slice(1).find((g) => g !== undefined);
    if (module) out.push({ module, line: lineAt(text, m.index ?? 0) });
  }
  return out;
};

export const findSettingsDeclarations = (files: ReadonlySet<string>, readText: (path: string) => string | null): SettingsDeclaration[] => {
  const out: SettingsDeclaration[] = [];
  // By index over the set's own order: asked of every path once, a for-of over the set is never optimized and made an iterator result per path.
  for (let at = 0, listed = listedPaths(files); at < listed.length; at++) {
    const file = listed[at];
    const name = basename(file);
    let pattern: RegExp | null = null;
    let how: SettingsDeclaration['how'] | null = null;
    // Every PY_DECLARERS alternative ends in .py or .wsgi: most files are out before the pattern runs.
    if ((file.endsWith('.py') || file.endsWith('.wsgi')) && PY_DECLARERS.test(file)) [pattern, how] = [PY_PATTERN, 'code'];
    else if (PYTEST_CONFIGS.has(name)) [pattern, how] = [PYTEST_PATTERN, 'test'];
    else {
      const kind = deployKind(name);
      if (kind) [pattern, how] = [DEPLOY_PATTERN, kind];
    }
    if (pattern === null || how === null) continue;
    const text = readText(file);
    if (text === null || !(text.includes('DJANGO_SETTINGS_MODULE') || (how === 'test' && text.includes('--ds')))) continue;
    for (const m of matches(text, pattern)) out.push({ ...m, file, how });
  }
  return out;
};

/**
 * Stop 53: settings that only Django's test command reads, with who reads them: what their dotted
 * paths name is loaded by a test run, never by the app the settings configure (saleor's TEST_RUNNER).
 */
export const TEST_TIER_SETTINGS: ReadonlyMap<string, string> = new Map([['TEST_RUNNER', 'the test runner class only `manage.py test` loads']]);

/** `--settings=x.y` / `--settings x.y` on a command line. */
export const settingsOption = (command: string): string | null => /--settings[= ]([A-Za-z_][\w.]*)/.exec(command)?.[1] ?? null;
