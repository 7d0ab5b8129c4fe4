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
 * repository)`): its `Collection` lists versions/ and takes the files whose names start with three or
 * more digits, nothing else. Those scripts are reached from code that calls the upgrade of
 * `migrate.versioning.api` (or oslo.db's `migration.db_sync`, which runs it), from a `migrate
 * upgrade` command line, and are an operator's tool otherwise. The `__init__.py` of the repository
 * folder and of its versions/ go with them: the upgrade never imports them, but they make the
 * repository a package folder, which is how it is shipped (setuptools' find_packages takes only
 * folders with one) and found at run time. Any other file of the repository (its manage.py shell, a
 * helper) is left to what else says so.
 */
import { perScan } from '../per-scan.js';
import { pathsNamedLike } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { allUnder, filesByFolder, importsPackage, packageImporters } from './python-files.js';
import { CONFIGPARSER_DIALECT, parseIni, type IniEntry } from '../../manifests/ini.js';
import { lineAt } from '../../util/lines.js';
import { boundDotted } from './package-paths.js';
import type { ImportFact } from '../../model/facts.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { handedLocations } from './alembic-handed.js';
import { formattedLocations, placeholderOf } from './alembic-formatted.js';
import { withSteps } from '../../util/sentences.js';

interface Environment {
  /** Which tool runs it: the upgrades of the other one do not. */
  tool: 'alembic' | 'migrate';
  dir: string;
  /** Where the folder is named: alembic.ini:line, or the Flask-Migrate convention. */
  source: string;
  line: number;
  how: string;
  /**
   * Stop 49: named only by `set_main_option('script_location', …)` in this file's code: the upgrade that uses it is
   * the one this file runs, so the environment lives as this file lives (an edge from it), not by every upgrade of
   * the repo, nor as an operator's tool.
   */
  setter?: boolean;
}

const UPGRADE_COMMAND = /\b(?:alembic\b[^|;&]*\b(?:upgrade|downgrade|stamp)\b|flask\b[^|;&]*\bdb\s+(?:upgrade|downgrade|stamp)\b)/;
/** sqlalchemy-migrate's command line: `migrate upgrade URL REPOSITORY` (its shell is the `migrate` program). */
const MIGRATE_COMMAND = /(?:^|[\s/])migrate[ \t]+(?:upgrade|downgrade)\b/;

/**
 * The functions that run each tool's upgrade, by their dotted names. A call is read through the names
 * the file's imports gave (`from alembic import command as alembic_api` → `alembic_api.upgrade(`,
 * `from flask_migrate import upgrade` → `upgrade(`, `import alembic.command` →
 * `alembic.command.upgrade(`).
 */
const UPGRADE_FUNCTIONS: ReadonlyMap<string, Environment['tool']> = new Map([
  ...['upgrade', 'downgrade'].map((c) => [`alembic.command.${c}`, 'alembic'] as const),
  ...['upgrade', 'downgrade'].map((c) => [`flask_migrate.${c}`, 'alembic'] as const),
  ...['upgrade', 'downgrade'].map((c) => [`migrate.versioning.api.${c}`, 'migrate'] as const),
  ['oslo_db.sqlalchemy.migration.db_sync', 'migrate'] as const,
]);

/** A call of a dotted name (`x.y.upgrade(`, `db_upgrade(`): looked up in that table once its first name is read through the file's imports. */
const CALL = /(?<![\w.])((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/g;

/**
 * Stop 49: the modules of that table's functions (`alembic.command`), by tool: `getattr(alembic_cmd, cmd)(config, …)`
 * runs whichever of their commands the command line named (OpenStack's db-manage programs: zaqar, octavia,
 * neutron), the upgrade among them.
 */
const UPGRADE_MODULES: ReadonlyMap<string, Environment['tool']> = new Map([...UPGRADE_FUNCTIONS].map(([f, tool]) => [f.slice(0, f.lastIndexOf('.')), tool] as const).filter(([m]) => m !== ''));
const GETATTR_CALL = /(?<![\w.])getattr\s*\(\s*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*,[^()\n]*\)\s*\(/g;

/** The top-level packages of that table: a file that imports none of them (or below them) calls none of its functions. */
const UPGRADE_HEADS: readonly string[] = [...new Set([...UPGRADE_FUNCTIONS.keys()].map((f) => f.split('.')[0]))];

/** A repository of sqlalchemy-migrate: its migrate.cfg's `[db_settings]` section and `repository_id` key. */
const DB_SETTINGS = /^[ \t]*\[db_settings\][ \t]*\r?$/m;
const REPOSITORY_ID = /^[ \t]*repository_id[ \t]*[=:]/m;

/**
 * The line of the first call in `text` that runs a `tool`'s upgrade, read through the names `imports`
 * bound (package-paths' boundDotted: the first name of the call stands for the module it was bound
 * to), or null.
 */
const upgradeCallLine = (tool: Environment['tool'], imports: readonly ImportFact[], text: string): number | null => {
  for (const [pattern, table] of [[CALL, UPGRADE_FUNCTIONS], [GETATTR_CALL, UPGRADE_MODULES]] as const) {
    for (const m of text.matchAll(pattern)) if (table.get(boundDotted(m[1], imports)) === tool) return lineAt(text, m.index!);
  }
  return null;
};

/**
 * The files that run each tool's upgrade, with the line: a command they run (`alembic upgrade head`
 * in a subprocess call) or a call of the upgrade's functions. Found once for every environment.
 */
const upgradeCallers = (ctx: FrameworkContext): Map<Environment['tool'], { path: string; line: number }[]> => {
  const out = new Map<Environment['tool'], { path: string; line: number }[]>([['alembic', []], ['migrate', []]]);
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['py'] }); at < listed.length; at++) {
    const path = listed[at];
    const facts = ctx.facts(path);
    if (!facts || !path.endsWith('.py')) continue;
    // The scan's importers by top-level name (python-files importsPackage), where every import's specifier was split here (issue 19).
    const imports = UPGRADE_HEADS.some((name) => importsPackage(ctx, path, name));
    const text = imports ? ctx.readText(path) : null;
    for (const [tool, callers] of out) {
      const command = tool === 'migrate' ? MIGRATE_COMMAND : UPGRADE_COMMAND;
      const line = facts.commands.find((c) => command.test(c.command))?.line ?? (text === null ? null : upgradeCallLine(tool, facts.imports, text));
      if (line !== null) callers.push({ path, line });
    }
  }
  return out;
};

/** An INI-style config that may hold an `[alembic]` section (mailman's `mailman/config/alembic.cfg`). */
const CONFIG_FILE = /\.(?:ini|cfg)$/;
const ALEMBIC_SECTION = /^[ \t]*\[alembic\][ \t]*\r?$/m;

/** alembic.ini, and any other *.ini/*.cfg with an `[alembic]` section (alembic reads whatever file `Config(path)` names). */
const alembicConfigs = perScan((ctx: FrameworkContext): string[] => {
  const out: string[] = [];
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['ini', 'cfg'] }); at < listed.length; at++) {
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
  for (let at = 0, listed = pathsNamedLike(ctx.files, { stems: ['migrate'] }); at < listed.length; at++) if (isMigrateConfig(listed[at])) out.push(listed[at]);
  return out.sort();
});

/**
 * A plain (not `pkg:folder`) script_location is a path alembic hands on unchanged (its
 * coerce_resource_to_filename), so it is read from the process's working folder. A db-manage program is
 * run from the checkout, whose root is the scan's root; when the path starts with a package the scan
 * holds below another folder (an installed tree's dist-packages), it is read from where that package
 * sits. Never from the setting file's own folder.
 */
const cwdFolder = (ctx: FrameworkContext, value: string): string | null => {
  const path = value.replace(/^\.\//, '');
  const first = path.split('/')[0];
  const init = /^[A-Za-z_]\w*$/.test(first) ? ctx.module(first)[0] : undefined;
  const base = init !== undefined && (init === `${first}/__init__.py` || init.endsWith(`/${first}/__init__.py`)) ? dirname(dirname(init)) : '';
  return joinRepo(base, path);
};

/** set_main_option calls read per file: a hostile file of thousands of them costs no more than this many argument walks. */
const MAX_SET_CALLS = 2000;

/**
 * Stop 49: a script_location set in code, `config.set_main_option('script_location',
 * 'zaqar.storage.sqlalchemy.migration:alembic_migrations')` on the Config a db-manage program builds
 * (zaqar's migration/cli.py; its alembic.ini's own value is a path from the source checkout). Read
 * from tokens in the files that import alembic: a `pkg:folder` literal (adjacent literals joined),
 * or a plain path read from the working folder (cwdFolder); a computed value has no literal and
 * gives nothing. Only a call whose first argument is a string is read, at most MAX_SET_CALLS a file.
 */
const codeLocations = perScan((ctx: FrameworkContext): { path: string; line: number; value: string }[] => {
  const out: { path: string; line: number; value: string }[] = [];
  for (const path of packageImporters(ctx, 'alembic', 'listed')) {
    const text = ctx.readText(path);
    if (text === null || !text.includes('set_main_option')) continue;
    const t = tokenize(text);
    for (let i = 0, read = 0; i + 2 < t.count && read < MAX_SET_CALLS; i++) {
      if (t.kind[i] !== Kind.Name || t.kind[i + 2] !== Kind.String || nameText(t, i) !== 'set_main_option' || !isOp(t, i + 1, Op.LParen)) continue;
      read++;
      const args = callArgs(t, i + 1, t.count);
      if (args === null || args.positional.length < 2) continue;
      const [k0, k1] = args.positional[0];
      const [v0, v1] = args.positional[1];
      if (stringValue(t, k0, k1) !== 'script_location') continue;
      const value = stringValue(t, v0, v1);
      if (value !== null && value.trim() !== '') out.push({ path, line: t.line[v0], value: value.trim() });
    }
  }
  return out;
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
    // Stop 61: a template's `{name}`, filled by a module beside the ini that runs the upgrade on what it writes (jupyterhub's dbutil.py).
    const placeholder = placeholderOf(value);
    if (placeholder !== null) {
      for (const { path, line, dir } of formattedLocations(ctx, ini, placeholder)) {
        if (!out.some((e) => e.dir === dir)) out.push({ tool: 'alembic', dir, source: path, line, how: `script_location {${placeholder}} of the template ${ini}:${entry.line}, filled by ${path}:${line}`, setter: true });
      }
      continue;
    }
    const dir = value.includes(':') ? packageFolder(ctx, value) : joinRepo(dirname(ini), value);
    if (dir !== null && !out.some((e) => e.dir === dir)) out.push({ tool: 'alembic', dir, source: ini, line: entry.line, how: `script_location in ${ini}:${entry.line}` });
  }
  for (const env of [...ctx.files].filter((f) => /(^|\/)migrations\/env\.py$/.test(f)).sort()) {
    const dir = dirname(env);
    if (out.some((e) => e.dir === dir)) continue;
    const text = ctx.readText(env);
    if (text !== null && /\balembic\b/.test(text)) out.push({ tool: 'alembic', dir, source: env, line: 1, how: `Flask-Migrate's migrations folder ${dir}` });
  }
  // Last, a folder only code names (an ini or the Flask-Migrate convention names most; theirs keeps its callers).
  for (const { path, line, value } of codeLocations(ctx)) {
    const dir = value.includes(':') ? packageFolder(ctx, value) : cwdFolder(ctx, value);
    if (dir !== null && !out.some((e) => e.dir === dir)) out.push({ tool: 'alembic', dir, source: path, line, how: `script_location set by ${path}:${line}`, setter: true });
  }
  // Stop 51: a folder a caller hands the function that sets script_location (cloudkitty's six environments).
  for (const { path, line, dir, how } of handedLocations(ctx)) {
    if (!out.some((e) => e.dir === dir)) out.push({ tool: 'alembic', dir, source: path, line, how, setter: true });
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

/** What sqlalchemy-migrate's Collection takes from a repository's versions/ folder: names that start with three or more digits. */
const NUMBERED_SCRIPT = /^\d{3,}.*\.py$/;

/**
 * A sqlalchemy-migrate repository's files that the upgrade needs: the numbered scripts directly in
 * its versions/ (imported by path), and the `__init__.py` of the repository folder and of versions/
 * (never imported by the upgrade, but what makes the repository a package folder that is shipped).
 */
const migrateScripts = (byFolder: ReadonlyMap<string, readonly string[]>, dir: string): string[] => {
  const versions = dir === '' ? 'versions' : `${dir}/versions`;
  const scripts = (byFolder.get(versions) ?? []).filter((f) => NUMBERED_SCRIPT.test(f.slice(versions.length + 1)));
  if (scripts.length === 0) return [];
  const inits = [[dir, dir === '' ? '__init__.py' : `${dir}/__init__.py`], [versions, `${versions}/__init__.py`]].filter(([folder, init]) => (byFolder.get(folder) ?? []).includes(init)).map(([, init]) => init);
  return [...inits, ...scripts].sort();
};

export const collectAlembic = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byFolder = filesByFolder(ctx.files);
  const envs = environments(ctx);
  const callers = envs.length === 0 ? null : upgradeCallers(ctx);
  for (const env of envs) {
    const migrate = env.tool === 'migrate';
    const files = migrate ? migrateScripts(byFolder, env.dir) : allUnder(byFolder, env.dir).filter((f) => f.endsWith('.py'));
    if (files.length === 0) continue;
    const what = migrate ? `the sqlalchemy-migrate repository ${env.dir} (${env.how})` : `the Alembic environment ${env.dir} (${env.how})`;
    const command = migrate ? MIGRATE_COMMAND : UPGRADE_COMMAND;
    // A repository's __init__.py is not imported by the upgrade: say why it goes with the scripts.
    const whatFor = (file: string): string => (migrate && file.endsWith('__init__.py') ? `${what}, whose package folder this __init__.py makes (shipped with the package; the upgrade imports only the numbered scripts, by path)` : what);
    if (env.setter) {
      // Its upgrade is the setting file's own: an edge from it, no other caller, no tooling root.
      for (const file of files) if (file !== env.source) out.references.push({ from: env.source, target: file, targetKind: 'file', line: env.line, label: `loaded by the alembic commands ${env.source} runs: ${what}` });
      continue;
    }
    for (const c of ctx.commands) {
      if (!command.test(c.command)) continue;
      for (const file of files) out.entries.push({ source: c.source, target: file, targetKind: 'file', kind: c.kind, ...(c.line ? { line: c.line } : {}), evidence: withSteps(`${c.evidence}: ${c.command.trim().replace(/\s+/g, ' ')}`, [whatFor(file)]) });
    }
    for (const { path, line } of callers!.get(env.tool)!) {
      if (files.includes(path)) continue;
      for (const file of files) out.references.push({ from: path, target: file, targetKind: 'file', line, label: `upgrade run by ${path}:${line}: ${whatFor(file)}` });
    }
    const runner = migrate ? "sqlalchemy-migrate's upgrade" : 'alembic upgrade';
    for (const file of files) out.entries.push({ source: env.source, target: file, targetKind: 'file', kind: 'tooling', line: env.line, evidence: `${whatFor(file)}, run by ${runner}` });
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'alembic',
  title: 'Alembic / Flask-Migrate / sqlalchemy-migrate',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = pathsNamedLike(ctx.files, { stems: ['alembic', 'env', 'migrate'] }); at < listed.length; at++) {
      const f = listed[at];
      if (f === 'alembic.ini' || f.endsWith('/alembic.ini') || f === 'migrations/env.py' || f.endsWith('/migrations/env.py') || isMigrateConfig(f)) return `${f} is there`;
    }
    const config = alembicConfigs(ctx)[0];
    if (config !== undefined) return `${config} has an [alembic] section`;
    const set = codeLocations(ctx)[0];
    if (set !== undefined) return `${set.path}:${set.line} sets script_location`;
    const handed = handedLocations(ctx)[0];
    return handed === undefined ? null : `${handed.path}:${handed.line} hands a folder to the script_location it sets`;
  },
  collect: collectAlembic,
};

export default reader;
