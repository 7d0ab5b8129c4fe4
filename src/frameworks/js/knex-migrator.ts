/**
 * knex-migrator loads its migrations by folder: it requires `MigratorConfig.js` from the folder it
 * runs in (the package root, or the API's `knexMigratorFilePath`), and from its `migrationPath`
 * requires every non-dot file of `init/` and of each `<subfolder>/<version>/` (`subfolder`
 * defaults to `versions`), and the hook modules `hooks/init` and `hooks/migrate`
 * (lib/index.js, lib/utils.js readTasks). Nothing imports those files, so without this reader a
 * whole migrations tree is dead.
 *
 * `migrationPath` is read statically: a string, `path.join(__dirname, '…')`, or
 * `config.get('a:b')` where `config` is required from a local module; that key path is looked up
 * in the JSON files of the module's folder (nconf's layout: overrides.json wins over
 * defaults.json, and other files there or one folder down may set it too). A relative path is the
 * package root's (knex-migrator's cwd; nconf loaders such as Ghost's make paths absolute from the
 * app root). What cannot be settled is a warning at MigratorConfig.js's line, never a guess.
 *
 * Kind follows the runner: a `knex-migrator migrate|init` command gives its kind; a file of the
 * package that requires `knex-migrator` (the API, as Ghost's server does at boot) references the
 * migrations, so they share its verdict; with neither, they are tooling.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { nconfKey } from './nconf-config.js';
import { requiredModule } from '../../languages/javascript/module-binding.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, fileReference, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^MigratorConfig\.js$/;
const MIGRATION = /^[^.].*\.[cm]?[jt]s$/;
const SOURCE = /\.[cm]?[jt]sx?$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['knex-migrator'], CONFIG);

/** Where migrationPath's value came from, for the evidence: "MigratorConfig.js:14" and, through config.get, "overrides.json:11". */
interface MigrationPath {
  dir: string;
  why: string;
}

const IS_RELATIVE = (s: string): boolean => !s.startsWith('/') && !/^[a-z]:[\\/]/i.test(s);

/** `config.get('a:b')` at `line` of the config: the value the module's JSON files give that key, or a warning. */
const nconfValue = (ctx: FrameworkContext, config: string, text: string, line: number, out: FrameworkOutput): { value: string; why: string } | null => {
  const call = callsIn(config, text, /^[\w$]+\.get$/).find((c) => c.line === line && c.args[0]?.kind === 'string');
  const key = call?.args[0]?.kind === 'string' ? call.args[0].value : null;
  const spec = call && key !== null ? requiredModule(text, call.name.slice(0, -'.get'.length)) : null;
  const module = spec === null ? null : resolveToolPath(ctx, dirname(config), spec);
  if (call === undefined || key === null || module === null) return null;
  const found = nconfKey(ctx, module, key, `${call.name}('${key}')`);
  if ('unread' in found) {
    out.diagnostics.push(warning('knex-migrator/not-static', `migrationPath ${call.name}('${key}') is not read: ${found.unread}`, config, line));
    return null;
  }
  return found;
};

/** The folder MigratorConfig.js's `migrationPath` names, or a warning at its line. */
const migrationPath = (ctx: FrameworkContext, pkg: JsPackage, config: string, exported: ConfigValue | null, out: FrameworkOutput): MigrationPath | null => {
  const text = ctx.readText(config) ?? '';
  const value = configAt(exported, 'migrationPath');
  if (value === null) return null;
  let raw: { value: string; why: string } | null = null;
  if (value.kind === 'string') raw = { value: value.value, why: `"${value.value}"` };
  else if (value.kind === 'unknown') {
    const warned = out.diagnostics.length;
    raw = nconfValue(ctx, config, text, value.line, out);
    if (raw === null && out.diagnostics.length === warned) out.diagnostics.push(warning('knex-migrator/not-static', `migrationPath is computed, not read: ${value.text}`, config, value.line));
  }
  if (raw === null) return null;
  const dir = IS_RELATIVE(raw.value) ? joinRepo(pkg.dir, raw.value.replace(/\/+$/, '')) : null;
  if (dir === null) {
    out.diagnostics.push(warning('knex-migrator/outside-repo', `migrationPath ${raw.value} is not a folder of this repository`, config, value.line));
    return null;
  }
  return { dir, why: `migrationPath at ${config}:${value.line}: ${raw.why}` };
};

/** The files knex-migrator requires from a migrationPath: init/*, <subfolder>/<version>/*, the two hook modules. */
const migrationFiles = (ctx: FrameworkContext, dir: string, subfolder: string): string[] => {
  const direct = (folder: string) => pathsInDir(ctx.files, folder).filter((f) => MIGRATION.test(basename(f)) && !f.endsWith('.d.ts'));
  const out = direct(joinRepo(dir, 'init') ?? dir);
  const versions = joinRepo(dir, subfolder) ?? dir;
  const prefix = `${versions}/`;
  for (const f of pathsWithPrefix(ctx.files, prefix)) {
    const parts = f.slice(prefix.length).split('/');
    if (parts.length === 2 && MIGRATION.test(parts[1]) && !f.endsWith('.d.ts')) out.push(f);
  }
  for (const hook of ['hooks/init', 'hooks/migrate']) {
    const file = resolveToolPath(ctx, dir, hook);
    if (file !== null) out.push(file);
  }
  return out;
};

/** The package's own files that require knex-migrator: they run it through its API. */
const apiUsers = (ctx: FrameworkContext, pkg: JsPackage): { file: string; line: number }[] => {
  const out: { file: string; line: number }[] = [];
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    if (!SOURCE.test(file) || CONFIG.test(basename(file))) continue;
    const imp = ctx.facts(file)?.imports.find((i) => i.specifier === 'knex-migrator' && !i.typeOnly);
    if (imp) out.push({ file, line: imp.line });
  }
  return out;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const config = joinRepo(pkg.dir, 'MigratorConfig.js');
  if (config === null || !ctx.files.has(config)) return;
  const exported = readToolConfig(ctx, config, out.diagnostics, 'knex-migrator').value;
  const path = migrationPath(ctx, pkg, config, exported, out);
  const subValue = configAt(exported, 'subfolder');
  const subfolder = subValue?.kind === 'string' ? subValue.value : 'versions';
  // The config is loaded even when its migrationPath cannot be read (that is a warning).
  const files = [config, ...(path === null ? [] : migrationFiles(ctx, path.dir, subfolder))];
  // A noun phrase: references show it after "is reached through", entries after "<file> is".
  const what = (f: string): string =>
    f === config || path === null ? 'the config knex-migrator requires from the package root' : `a knex-migrator ${f.includes('/hooks/') ? 'hook module' : 'migration'} under ${path.dir} (${path.why})`;
  const run = toolRun(ctx, pkg.dir, ['knex-migrator', 'knex-migrator-migrate', 'knex-migrator-init'], { args: (args) => /^(?:migrate|init)$/.test(args.find((a) => !a.startsWith('-')) ?? '') || args.length === 0 });
  const users = apiUsers(ctx, pkg);
  // The API users decide the kind when no command runs it; tooling only when nothing does.
  if (run !== null || users.length === 0) {
    for (const f of files) out.entries.push({ source: config, target: f, targetKind: 'file', kind: kindOf(run), evidence: `${f} is ${what(f)}, read by ${runEvidence(run, 'knex-migrator')}` });
  }
  for (const user of users) {
    for (const f of files) out.references.push(fileReference(user.file, f, user.line, `${what(f)}, loaded by the knex-migrator API that ${user.file}:${user.line} requires`));
  }
};

const knexMigrator: FrameworkReader = {
  id: 'knex-migrator',
  title: 'knex-migrator (the migrations MigratorConfig.js points at)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'knex-migrator'),
  collect: eachPackage(packages, collectPackage),
};

export default knexMigrator;
