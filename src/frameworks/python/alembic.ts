/**
 * Alembic and Flask-Migrate: the migration environment (env.py) and every revision under
 * versions/ are imported by whatever runs the upgrade — `alembic upgrade` or `flask db upgrade`
 * on a command line (a root of that command's kind), `command.upgrade(...)` or `upgrade()` from
 * flask_migrate in code (an edge from that file) — and are an operator's tool otherwise. The
 * folder is the `script_location` (with `=` or `:`) of alembic.ini or of any *.ini/*.cfg's
 * `[alembic]` section (read, never run; `pkg.sub:folder` is a folder of that package wherever it
 * is installed), or `migrations/` beside a Flask-Migrate app. The module alembic's commands come
 * from may go by another name (keystone: `from alembic import command as alembic_api`, then
 * `alembic_api.upgrade(config, revision)`).
 *
 * sqlalchemy-migrate, Alembic's predecessor (OpenStack's legacy migrations), is the same shape: a
 * repository is a folder whose `migrate.cfg` has a `[db_settings]` section with a `repository_id`,
 * and `migrate.versioning`'s upgrade imports each numbered script of its versions/ by path
 * (keystone: `migrate_repository.Repository(abs_path)`, then `migrate_api.upgrade(engine,
 * repository)`). Its scripts and package files are reached from code that calls the upgrade of
 * `migrate.versioning.api` (or oslo.db's `migration.db_sync`, which runs it), from a `migrate
 * upgrade` command line, and are an operator's tool otherwise; the repository's own manage.py is a
 * script run by hand and is left to what says so.
 */
import { perScan } from '../per-scan.js';
import { listedPaths } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { allUnder, filesByFolder } from './python-files.js';
import { CONFIGPARSER_DIALECT, parseIni, type IniEntry } from '../../manifests/ini.js';
import { lineAt } from '../../util/lines.js';
import type { ImportFact } from '../../model/facts.js';

interface Environment {
  /** Which tool runs it: the upgrades of the other one do not. */
  tool: 'alembic' | 'migrate';
  dir: string;
  /** Where the folder is named: alembic.ini:line, or the Flask-Migrate convention. */
  source: string;
  line: number;
  how: string;
}

const UPGRADE_COMMAND = /\b(?:alembic\b[^|;&]*\b(?:upgrade|downgrade|stamp)\b|flask\b[^|;&]*\bdb\s+(?:upgrade|downgrade|stamp)\b)/;
const UPGRADE_CODE = /\b(?:command\.(?:upgrade|downgrade)|flask_migrate\b[\s\S]{0,200}\bupgrade)\s*\(/;
/** sqlalchemy-migrate's command line: `migrate upgrade URL REPOSITORY` (its shell is the `migrate` program). */
const MIGRATE_COMMAND = /(?:^|[\s/])migrate[ \t]+(?:upgrade|downgrade)\b/;

/**
 * The modules whose upgrade runs each tool's scripts, and the functions of theirs that do. A file
 * that imports one is searched for a call through the name it gave it: `from alembic import command
 * as alembic_api` → `alembic_api.upgrade(`, `from migrate.versioning.api import upgrade` → `upgrade(`.
 */
const UPGRADE_MODULES: { tool: Environment['tool']; module: string; calls: readonly string[] }[] = [
  { tool: 'alembic', module: 'alembic.command', calls: ['upgrade', 'downgrade'] },
  { tool: 'migrate', module: 'migrate.versioning.api', calls: ['upgrade', 'downgrade'] },
  { tool: 'migrate', module: 'oslo_db.sqlalchemy.migration', calls: ['db_sync'] },
];

/** A repository of sqlalchemy-migrate: its migrate.cfg's `[db_settings]` section and `repository_id` key. */
const DB_SETTINGS = /^[ \t]*\[db_settings\][ \t]*\r?$/m;
const REPOSITORY_ID = /^[ \t]*repository_id[ \t]*[=:]/m;

/**
 * The calls in `text` that run a `tool`'s upgrade through the names `imports` gave its modules, with
 * the line of the first one, or null.
 */
const apiCallLine = (tool: Environment['tool'], imports: readonly ImportFact[], text: string): number | null => {
  const callees: string[] = [];
  for (const { module, calls, tool: t } of UPGRADE_MODULES) {
    if (t !== tool) continue;
    const dot = module.lastIndexOf('.');
    const parent = module.slice(0, dot);
    const leaf = module.slice(dot + 1);
    for (const i of imports) {
      // `import alembic.command [as x]`
      if (i.specifier === module && i.syntax === 'import') callees.push(...calls.map((c) => `${i.alias ?? module}.${c}`));
      // `from alembic import command [as x]`
      if (i.specifier === parent && i.syntax === 'from') for (const n of i.names) if (n.name === leaf) callees.push(...calls.map((c) => `${n.alias ?? leaf}.${c}`));
      // `from alembic.command import upgrade [as x]`
      if (i.specifier === module && i.syntax === 'from') for (const n of i.names) if (calls.includes(n.name)) callees.push(n.alias ?? n.name);
    }
  }
  if (callees.length === 0) return null;
  const escaped = callees.map((c) => c.replace(/\./g, '\\.'));
  const call = new RegExp(`(?<![\\w.])(?:${escaped.join('|')})\\s*\\(`).exec(text);
  return call === null ? null : lineAt(text, call.index);
};

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

const isMigrateConfig = (f: string): boolean => f === 'migrate.cfg' || f.endsWith('/migrate.cfg');

/** The migrate.cfg files of the scan (sqlalchemy-migrate repositories, when they say so). */
const migrateConfigs = perScan((ctx: FrameworkContext): string[] => {
  const out: string[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) if (isMigrateConfig(listed[at])) out.push(listed[at]);
  return out.sort();
});

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
    if (dir !== null) out.push({ tool: 'alembic', dir, source: ini, line: entry.line, how: `script_location in ${ini}:${entry.line}` });
  }
  for (const env of [...ctx.files].filter((f) => /(^|\/)migrations\/env\.py$/.test(f)).sort()) {
    const dir = dirname(env);
    if (out.some((e) => e.dir === dir)) continue;
    const text = ctx.readText(env);
    if (text !== null && /\balembic\b/.test(text)) out.push({ tool: 'alembic', dir, source: env, line: 1, how: `Flask-Migrate's migrations folder ${dir}` });
  }
  for (const cfg of migrateConfigs(ctx)) {
    const text = ctx.readText(cfg) ?? '';
    const id = REPOSITORY_ID.exec(text);
    if (!DB_SETTINGS.test(text) || id === null) continue;
    const line = lineAt(text, id.index + id[0].search(/\S/));
    out.push({ tool: 'migrate', dir: dirname(cfg), source: cfg, line, how: `repository_id in ${cfg}:${line}` });
  }
  return out;
};

export const collectAlembic = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byFolder = filesByFolder(ctx.files);
  for (const env of environments(ctx)) {
    const migrate = env.tool === 'migrate';
    // A sqlalchemy-migrate repository's manage.py is its shell, run by hand, not a script the upgrade imports.
    const files = allUnder(byFolder, env.dir).filter((f) => f.endsWith('.py') && !(migrate && f === `${env.dir}/manage.py`));
    if (files.length === 0) continue;
    const what = migrate ? `the sqlalchemy-migrate repository ${env.dir} (${env.how})` : `the Alembic environment ${env.dir} (${env.how})`;
    const command = migrate ? MIGRATE_COMMAND : UPGRADE_COMMAND;
    for (const c of ctx.commands) {
      if (!command.test(c.command)) continue;
      for (const file of files) out.entries.push({ source: c.source, target: file, targetKind: 'file', kind: c.kind, ...(c.line ? { line: c.line } : {}), evidence: `${c.evidence}: ${c.command.trim().replace(/\s+/g, ' ')} → ${what}` });
    }
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      const facts = ctx.facts(path);
      if (!facts || !path.endsWith('.py') || files.includes(path)) continue;
      const fromCode = facts.commands.find((c) => command.test(c.command));
      const usesApi = migrate
        ? facts.imports.some((i) => i.specifier.startsWith('migrate.versioning') || i.specifier.startsWith('oslo_db.sqlalchemy'))
        : facts.imports.some((i) => i.specifier === 'alembic' || i.specifier === 'alembic.command' || i.specifier === 'flask_migrate');
      const text = !fromCode && usesApi ? ctx.readText(path) : null;
      const match = text === null || migrate ? null : UPGRADE_CODE.exec(text);
      const line = fromCode ? fromCode.line : match ? lineAt(text!, match.index) : text === null ? null : apiCallLine(env.tool, facts.imports, text);
      if (line === null) continue;
      for (const file of files) out.references.push({ from: path, target: file, targetKind: 'file', line, label: `upgrade run by ${path}:${line}: ${what}` });
    }
    const runner = migrate ? "sqlalchemy-migrate's upgrade" : 'alembic upgrade';
    for (const file of files) out.entries.push({ source: env.source, target: file, targetKind: 'file', kind: 'tooling', line: env.line, evidence: `${what}, run by ${runner}` });
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'alembic',
  title: 'Alembic / Flask-Migrate / sqlalchemy-migrate',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f === 'alembic.ini' || f.endsWith('/alembic.ini') || f === 'migrations/env.py' || f.endsWith('/migrations/env.py') || isMigrateConfig(f)) return `${f} is there`;
    }
    const config = alembicConfigs(ctx)[0];
    return config === undefined ? null : `${config} has an [alembic] section`;
  },
  collect: collectAlembic,
};

export default reader;
