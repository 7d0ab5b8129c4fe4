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
import { CONFIGPARSER_DIALECT, parseIni, type IniEntry } from '../../manifests/ini.js';

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
 * The `script_location` entry of a config, read as configparser reads it (manifests/ini.ts; its
 * problems are not this reader's to report): in a bare alembic.ini (alembic's own file, whatever
 * its section is called) the first one, in another config the first one of its `[alembic]` section.
 */
const locationEntry = (path: string, text: string): IniEntry | undefined => {
  const { sections } = parseIni(text, CONFIGPARSER_DIALECT);
  const own = /(^|\/)alembic\.ini$/.test(path) ? sections : sections.filter((s) => s.name === 'alembic');
  for (const s of own) for (const e of s.entries) if (e.key === 'script_location') return e;
  return undefined;
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
    const entry = locationEntry(ini, text);
    if (entry === undefined) continue;
    // The value written on the key's own line; %(here)s is the ini's own folder; a `pkg:folder` location names a package's folder.
    const first = entry.parts[0]?.line === entry.line ? entry.parts[0].text : '';
    const value = first.replace(/%\(here\)s\/?/, '');
    const dir = value.includes(':') ? packageFolder(ctx, value) : joinRepo(dirname(ini), value);
    if (dir !== null) out.push({ dir, source: ini, line: entry.line, how: `script_location in ${ini}:${entry.line}` });
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
