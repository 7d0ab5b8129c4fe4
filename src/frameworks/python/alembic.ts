/**
 * Alembic and Flask-Migrate: the migration environment (env.py) and every revision under
 * versions/ are imported by whatever runs the upgrade — `alembic upgrade` or `flask db upgrade`
 * on a command line (a root of that command's kind), `command.upgrade(...)` or `upgrade()` from
 * flask_migrate in code (an edge from that file) — and are an operator's tool otherwise. The
 * folder is the `script_location` (with `=` or `:`) of alembic.ini or of any *.ini/*.cfg's
 * `[alembic]` section (read, never run; `pkg.sub:folder` is a folder of that package wherever it
 * is installed), or `migrations/` beside a Flask-Migrate app.
 */
import { perScan } from '../per-scan.js';
import { listedPaths } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { allUnder, filesByFolder } from './python-files.js';

interface Environment {
  dir: string;
  /** Where the folder is named: alembic.ini:line, or the Flask-Migrate convention. */
  source: string;
  line: number;
  how: string;
}

const UPGRADE_COMMAND = /\b(?:alembic\b[^|;&]*\b(?:upgrade|downgrade|stamp)\b|flask\b[^|;&]*\bdb\s+(?:upgrade|downgrade|stamp)\b)/;
const UPGRADE_CODE = /\b(?:command\.(?:upgrade|downgrade)|flask_migrate\b[\s\S]{0,200}\bupgrade)\s*\(/;

/** An INI-style config that may hold an `[alembic]` section (mailman's `mailman/config/alembic.cfg`). */
const CONFIG_FILE = /\.(?:ini|cfg)$/;
const ALEMBIC_SECTION = /^[ \t]*\[alembic\][ \t]*\r?$/m;
const LOCATION = /^\s*script_location\s*[=:]/;

/** alembic.ini, and any other *.ini/*.cfg with an `[alembic]` section (alembic reads whatever file `Config(path)` names). */
const alembicConfigs = perScan((ctx: FrameworkContext): string[] => {
  const out: string[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (!CONFIG_FILE.test(f)) continue;
    if (/(^|\/)alembic\.ini$/.test(f)) out.push(f);
    else if (ALEMBIC_SECTION.test(ctx.readText(f) ?? '')) out.push(f);
  }
  return out.sort();
});

/**
 * The line of `script_location` in a config: alembic.ini's first one (its own file), in another
 * config the one inside its `[alembic]` section.
 */
const locationLine = (path: string, lines: string[]): number => {
  if (/(^|\/)alembic\.ini$/.test(path)) return lines.findIndex((l) => LOCATION.test(l));
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]*)\]/.exec(lines[i]);
    if (header) inSection = header[1].trim() === 'alembic';
    else if (inSection && LOCATION.test(lines[i])) return i;
  }
  return -1;
};

/**
 * A `package:folder` location is a folder inside an importable package (alembic resolves it with
 * importlib.resources): found where the package is, e.g. below an installed tree's dist-packages,
 * else read from the repo root.
 */
const packageFolder = (ctx: FrameworkContext, value: string): string | null => {
  const colon = value.indexOf(':');
  const pkg = value.slice(0, colon).trim();
  const folder = value.slice(colon + 1).trim();
  const init = ctx.module(pkg)[0];
  if (init !== undefined && init.endsWith('/__init__.py')) return joinRepo(dirname(init), folder);
  return joinRepo(pkg.replace(/\./g, '/'), folder);
};

const environments = (ctx: FrameworkContext): Environment[] => {
  const out: Environment[] = [];
  for (const ini of alembicConfigs(ctx)) {
    const text = ctx.readText(ini);
    if (text === null) continue;
    const lines = text.split('\n');
    const i = locationLine(ini, lines);
    if (i < 0) continue;
    // %(here)s is the ini's own folder; a `pkg:folder` location names a package's folder.
    const value = lines[i].replace(/^[^=:]*[=:]\s*/, '').trim().replace(/%\(here\)s\/?/, '');
    const dir = value.includes(':') ? packageFolder(ctx, value) : joinRepo(dirname(ini), value);
    if (dir !== null) out.push({ dir, source: ini, line: i + 1, how: `script_location in ${ini}:${i + 1}` });
  }
  for (const env of [...ctx.files].filter((f) => /(^|\/)migrations\/env\.py$/.test(f)).sort()) {
    const dir = dirname(env);
    if (out.some((e) => e.dir === dir)) continue;
    const text = ctx.readText(env);
    if (text !== null && /\balembic\b/.test(text)) out.push({ dir, source: env, line: 1, how: `Flask-Migrate's migrations folder ${dir}` });
  }
  return out;
};

export const collectAlembic = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byFolder = filesByFolder(ctx.files);
  for (const env of environments(ctx)) {
    const files = allUnder(byFolder, env.dir).filter((f) => f.endsWith('.py'));
    if (files.length === 0) continue;
    const what = `the Alembic environment ${env.dir} (${env.how})`;
    for (const c of ctx.commands) {
      if (!UPGRADE_COMMAND.test(c.command)) continue;
      for (const file of files) out.entries.push({ source: c.source, target: file, targetKind: 'file', kind: c.kind, ...(c.line ? { line: c.line } : {}), evidence: `${c.evidence}: ${c.command.trim().replace(/\s+/g, ' ')} → ${what}` });
    }
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      const facts = ctx.facts(path);
      if (!facts || !path.endsWith('.py') || files.includes(path)) continue;
      const fromCode = facts.commands.find((c) => UPGRADE_COMMAND.test(c.command));
      const usesApi = facts.imports.some((i) => i.specifier === 'alembic' || i.specifier === 'alembic.command' || i.specifier === 'flask_migrate');
      const text = !fromCode && usesApi ? ctx.readText(path) : null;
      const match = text === null ? null : UPGRADE_CODE.exec(text);
      if (!fromCode && !match) continue;
      const line = fromCode ? fromCode.line : text!.slice(0, match!.index).split('\n').length;
      for (const file of files) out.references.push({ from: path, target: file, targetKind: 'file', line, label: `upgrade run by ${path}:${line}: ${what}` });
    }
    for (const file of files) out.entries.push({ source: env.source, target: file, targetKind: 'file', kind: 'tooling', line: env.line, evidence: `${what}, run by alembic upgrade` });
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'alembic',
  title: 'Alembic / Flask-Migrate',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f === 'alembic.ini' || f.endsWith('/alembic.ini') || f === 'migrations/env.py' || f.endsWith('/migrations/env.py')) return `${f} is there`;
    }
    const config = alembicConfigs(ctx)[0];
    return config === undefined ? null : `${config} has an [alembic] section`;
  },
  collect: collectAlembic,
};

export default reader;
