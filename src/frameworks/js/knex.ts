/**
 * Knex loads migrations and seeds by folder: the knexfile (knexfile.{js,ts,cjs,mjs} in the
 * package, or the file `knex --knexfile x` names) sets `migrations.directory` and
 * `seeds.directory` (a path or a list of paths; default `./migrations` and `./seeds`), and
 * `knex migrate:*` / `knex seed:*` (or the API's `db.migrate.latest()`, `db.seed.run()`) requires
 * every file there whose extension is in `loadExtensions` (the code ones by default). Nothing
 * imports those files, so without this reader a whole migrations folder is dead.
 *
 * A knexfile may hold one config or one per environment (`development: {...}`, `production:
 * {...}`: the CLI picks one by `--env`/NODE_ENV): each environment's folders count. Paths are
 * relative to the knexfile's folder (the CLI runs from there). Migrations are listed one folder
 * deep, as knex reads them; seeds too unless `seeds.recursive` is true. What cannot be read
 * statically is a warning naming the knexfile and line.
 *
 * Kind follows the runner, as for Django's and Alembic's migrations: a `knex migrate:…` command
 * gives the migrations its kind, `knex seed:…` the seeds; a file of the package that calls
 * `.migrate.latest()` (or up, down, rollback) or `.seed.run()` references them, so they share its
 * verdict (an app that migrates at boot); with neither, they are tooling.
 *
 * Stop 48: a module that calls `.migrate.latest()` (or up, down, rollback) and names the folder
 * in its own text, `knex({ migrations: { directory } })` or `.migrate.latest({ directory })`,
 * references the files of that folder (its `loadExtensions`, one level deep, as filesOf reads a
 * knexfile's). Only a value anchored at the module's folder (`path.join(__dirname, …)`) is read:
 * the API resolves a relative one from the working directory. A module that builds the options
 * but never runs the migrator names nothing.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { explainedFolderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { ANCHORED } from './migrate-load.js';
import { folderScopeOf } from './folder-scope.js';
import { literalValue, propertyOf } from './parameter-values.js';
import { configsFromCommands, eachPackage, enabledByPackages, fileReference, filesIn, kindOf, packageFilesUnder, readToolConfig, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';
import { blankedText } from './blanked-texts.js';

const KNEXFILE = /^knexfile\.([cm]?[jt]s)$/;
/** knex's default `loadExtensions`, less the compile-to-JS languages census does not read. */
const DEFAULT_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts'];
const SOURCE = /\.[cm]?[jt]sx?$/;
/** Keys of one knex config: a knexfile without any of them at the top holds one config per environment. */
const CONFIG_KEYS = ['client', 'dialect', 'connection', 'migrations', 'seeds', 'pool', 'useNullAsDefault', 'searchPath'];

type Part = 'migrations' | 'seeds';
const PARTS: { part: Part; noun: string; api: RegExp; subcommand: RegExp }[] = [
  { part: 'migrations', noun: 'migration', api: /\.migrate\s*\.\s*(?:latest|up|down|rollback)\s*\(/, subcommand: /^migrate:/ },
  { part: 'seeds', noun: 'seed', api: /\.seed\s*\.\s*run\s*\(/, subcommand: /^seed:/ },
];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['knex'], KNEXFILE);

/** The package's knexfiles: the one knex finds in its folder, and those `knex --knexfile x` names. */
const knexfilesOf = (ctx: FrameworkContext, pkg: JsPackage): string[] => [
  ...new Set([...filesIn(ctx, pkg.dir, KNEXFILE), ...configsFromCommands(ctx, ['knex'], ['--knexfile']).filter((c) => c.dir === pkg.dir).map((c) => c.config)]),
];

/** The configs of a knexfile's export: itself, or each environment's. */
const environments = (value: ConfigValue | null): { name: string | null; config: ConfigValue }[] => {
  if (value?.kind !== 'object') return [];
  if (CONFIG_KEYS.some((k) => value.props.has(k))) return [{ name: null, config: value }];
  return [...value.props].filter(([, v]) => v.kind === 'object').map(([name, config]) => ({ name, config }));
};

interface Folder {
  dir: string;
  recursive: boolean;
  extensions: string[];
  /** "knexfile.js:10 migrations.directory \"./db/migrations\"", or that the default folder is used. */
  why: string;
}

/** The folders one part (migrations or seeds) of a config reads, with unread values as warnings. */
const foldersOf = (knexfile: string, env: { name: string | null; config: ConfigValue }, part: Part, out: FrameworkOutput): Folder[] => {
  const where = env.name === null ? part : `${env.name}.${part}`;
  const section = configAt(env.config, part);
  const directory = configAt(section, 'directory');
  const flag = configAt(section, 'recursive');
  const recursive = part === 'seeds' && flag?.kind === 'boolean' && flag.value;
  const ext = configStrings(configAt(section, 'loadExtensions'));
  const extensions = ext.strings.length > 0 ? ext.strings.map((s) => s.value) : DEFAULT_EXTENSIONS;
  const base = dirname(knexfile);
  if (directory === null) {
    // A config that says nothing of the part uses the default folder; a section knex cannot read statically is warned about below.
    if (section !== null && section.kind === 'unknown') warnUnread(out.diagnostics, 'knex', knexfile, [{ line: section.line, text: section.text }], where);
    const dir = joinRepo(base, part);
    return dir === null ? [] : [{ dir, recursive, extensions, why: `${knexfile} sets no ${where}.directory, so the default ./${part}` }];
  }
  const strings = configStrings(directory);
  warnUnread(out.diagnostics, 'knex', knexfile, strings.unknown, `${where}.directory`);
  return strings.strings.flatMap((s) => {
    const dir = joinRepo(base, s.value.replace(/\/+$/, ''));
    return dir === null ? [] : [{ dir, recursive, extensions, why: `${knexfile}:${s.line} ${where}.directory "${s.value}"` }];
  });
};

/** The files knex requires from a folder: those with a loaded extension, one level deep unless recursive. */
const filesOf = (ctx: FrameworkContext, folder: Folder): string[] => {
  const candidates = folder.recursive ? pathsWithPrefix(ctx.files, folder.dir === '' ? '' : `${folder.dir}/`) : pathsInDir(ctx.files, folder.dir);
  return candidates.filter((f) => !f.includes('node_modules/') && !f.endsWith('.d.ts') && !basename(f).startsWith('.') && folder.extensions.some((e) => f.endsWith(e)));
};

/** The package's own files that run this part through the API, with the call's line. */
const apiUsers = (ctx: FrameworkContext, pkg: JsPackage, api: RegExp, exclude: Set<string>): { file: string; line: number }[] => {
  const out: { file: string; line: number }[] = [];
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    if (!SOURCE.test(file) || exclude.has(file) || file.endsWith('.d.ts')) continue;
    const text = ctx.readText(file);
    const match = text === null ? null : api.exec(text);
    if (text !== null && match) out.push({ file, line: text.slice(0, match.index).split('\n').length });
  }
  return out;
};

/** `migrations: {` in a module's text: the options object handed to `knex({ … })`. */
const MIGRATIONS_OPTION = /(?<![\w$.])migrations\s*:\s*\{/g;
/** `.migrate.latest({`: a config handed to the migrator's call itself. */
const API_CONFIG = /\.migrate\s*\.\s*(?:latest|up|down|rollback)\s*\(\s*\{/g;

/**
 * The migrations folders a module that runs the migrator through the API names in its own text:
 * `knex({ migrations: { directory } })` or `db.migrate.latest({ directory })`. The API resolves a
 * relative directory from the process's working directory, which census does not know, so only a
 * value anchored at the module's folder is read (folder-expr.ts); an anchored one census cannot
 * settle is a warning at its line.
 */
const apiFolders = (ctx: FrameworkContext, file: string, out: FrameworkOutput): Folder[] => {
  const text = blankedText(ctx, file, ctx.readText(file) ?? '');
  const folders: Folder[] = [];
  for (const pattern of [MIGRATIONS_OPTION, API_CONFIG]) {
    for (const m of text.matchAll(pattern)) {
      const options = balancedText(text, (m.index ?? 0) + m[0].length - 1);
      const directory = options === null ? null : propertyOf(options, 'directory');
      if (options === null || directory === null) continue;
      const line = lineAt(text, m.index ?? 0);
      const expr = directory.trim();
      const ext = propertyOf(options, 'loadExtensions');
      const listed = ext === null ? null : /^\[([\s\S]*)\]$/.exec(ext.trim());
      const loaded = listed === null ? null : splitArgs(listed[1]).map((e) => e.trim()).filter((e) => e !== '').map(literalValue);
      if (ext !== null && (loaded === null || loaded.some((e) => e === null))) {
        out.diagnostics.push(warning('knex/not-static', `migrations.loadExtensions is computed, not read: ${ext.trim().slice(0, 120)}`, file, line));
        continue;
      }
      const folder = explainedFolderOf(templateAsJoin(expr), file, text, folderScopeOf(ctx));
      if (folder === null) {
        if (ANCHORED.test(templateAsJoin(expr))) out.diagnostics.push(warning('knex/not-static', `migrations.directory is computed, not read: ${expr.slice(0, 120)}`, file, line));
        continue;
      }
      const extensions = loaded === null ? DEFAULT_EXTENSIONS : (loaded as string[]);
      const why = folder.why.length > 0 ? ` (${folder.why.join('; ')})` : '';
      folders.push({ dir: folder.folder, recursive: false, extensions, why: `${file}:${line} migrations.directory ${expr.replace(/\s+/g, ' ')}${why}` });
    }
  }
  return folders;
};

/** The migrations the package's API users name in their own options (see apiFolders): each a reference from the user. */
const collectApiOptions = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  for (const user of apiUsers(ctx, pkg, PARTS[0].api, new Set())) {
    for (const folder of apiFolders(ctx, user.file, out)) {
      for (const f of filesOf(ctx, folder)) {
        if (f !== user.file) out.references.push(fileReference(user.file, f, user.line, `a knex migration (${folder.why}), loaded by the knex migrator ${user.file}:${user.line} runs`));
      }
    }
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  collectApiOptions(ctx, pkg, out);
  for (const knexfile of knexfilesOf(ctx, pkg)) {
    const value = readToolConfig(ctx, knexfile, out.diagnostics, 'knex').value;
    const envs = environments(value);
    // The knexfile itself is what every knex command loads first.
    const anyRun = toolRun(ctx, pkg.dir, ['knex']);
    out.entries.push({ source: knexfile, target: knexfile, targetKind: 'file', kind: kindOf(anyRun), evidence: `${knexfile} is the knexfile, read by ${runEvidence(anyRun, 'knex')}` });
    if (value !== null && value.kind !== 'object') warnUnread(out.diagnostics, 'knex', knexfile, value.kind === 'unknown' ? [{ line: value.line, text: value.text }] : [], 'the exported config');
    for (const { part, noun, api, subcommand } of PARTS) {
      const files = new Map<string, string>();
      for (const env of envs) {
        for (const folder of foldersOf(knexfile, env, part, out)) {
          for (const f of filesOf(ctx, folder)) if (!files.has(f) && f !== knexfile) files.set(f, folder.why);
        }
      }
      if (files.size === 0) continue;
      const run = toolRun(ctx, pkg.dir, ['knex'], { args: (args) => subcommand.test(args.find((a) => !a.startsWith('-')) ?? '') });
      const users = apiUsers(ctx, pkg, api, new Set(files.keys()));
      // The API users decide the kind when no command runs it; tooling only when nothing does.
      if (run !== null || users.length === 0) {
        for (const [f, why] of files) out.entries.push({ source: knexfile, target: f, targetKind: 'file', kind: kindOf(run), evidence: `${f} is a knex ${noun} (${why}), read by ${runEvidence(run, 'knex')}` });
      }
      for (const user of users) {
        for (const [f, why] of files) out.references.push(fileReference(user.file, f, user.line, `a knex ${noun} (${why}), loaded by the knex ${part === 'migrations' ? 'migrator' : 'seeder'} ${user.file}:${user.line} runs`));
      }
    }
  }
};

const knex: FrameworkReader = {
  id: 'knex',
  title: 'Knex (the migrations and seeds folders of its knexfile)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'knex'),
  collect: eachPackage(packages, collectPackage),
};

export default knex;
