/**
 * node-migrate (`migrate` on npm) loads migrations by folder: `migrate.load({ stateStore,
 * migrationsDirectory }, cb)` lists `migrationsDirectory` and requires every file of it
 * (lib/load-migrations.js: `fs.readdir(migrationsDirectory)`, `files.filter(filterFn)` with
 * `() => true` unless `filterFunction` is given, then `require(path.join(migrationsDirectory,
 * file))`). @actual-app/sync-server runs it at boot from build/src/migrations.js with
 * `migrationsDirectory: path.join(__dirname, '../migrations')`, and nothing imports those files.
 *
 * In a package that depends on `migrate`, each module binding it (`require('migrate')`, `import x
 * from 'migrate'`) and calling `x.load({ … })` with a `migrationsDirectory` census can settle
 * (folder-expr.ts: `__dirname`, a join onto it, the module's own file, a const holding one) names
 * each code file directly in that folder (type declarations left out), from the calling module,
 * with the call's line. A folder that cannot be settled, or a `filterFunction` (which the reader
 * does not evaluate), is a warning at the call and adds nothing; with no `migrationsDirectory` the
 * library reads `./migrations` of the process's working directory, which census does not know.
 *
 * Stop 48: the other migration runners that take their folder as an option value, each read in a
 * package that depends on the runner and in the modules that import it. umzug 3 (`new Umzug({
 * migrations: { glob: path.join(__dirname, 'migrations/*.js') } })`, or `glob: [pattern, { cwd }]`)
 * imports each file its glob matches; TypeORM (`new DataSource({ migrations: [__dirname +
 * '/migrations/*.js'] })`) each file of the list's globs and paths; MikroORM (`MikroORM.init({
 * migrations: { path, pathTs } })`, `defineConfig(…)`) each code file directly in the folder
 * (knex's API `migrations.directory` is knex.ts', read only where the migrator runs). Only a value anchored at the module's
 * folder is read (folder-expr.ts: `__dirname`, a join onto it, a const holding one): a relative
 * path is the working directory's (the runners resolve it from `process.cwd()`), which census does
 * not know, and adds nothing. A glob's folder part is settled the same way and its last segments
 * match the files. Each matched file (type declarations left out) is a reference from the module
 * holding the option, with its line. A glob runner (umzug, TypeORM) given a plain path globs it as
 * given, so it names at most the one file it is, never a folder's files; umzug's literal `ignore`
 * (relative to its cwd) drops its matches. Comments are blanked first (a commented-out option names
 * nothing); a glob census refuses, an `ignore` it cannot read, or an anchored value it cannot
 * settle is a warning at the option's line, and nothing is followed.
 */
import { dirname } from '../../util/path.js';
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { compileRepoGlob, compileRepoGlobs, isGlob } from '../../util/glob.js';
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { explainedFolderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { IDENTIFIER, balancedText } from '../../languages/javascript/js-text.js';
import { objectMembers } from '../../languages/javascript/object-members.js';
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { moduleAliases } from '../../languages/javascript/module-binding.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { callArgsText, literalValue, objectText } from './parameter-values.js';
import { enabledByPackages, fileReference, packageFilesUnder, toolPackages } from './support.js';
import { folderScopeOf } from './folder-scope.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { inScopeAt } from './for-in-tables.js';
import { PATH_NAMES } from './anchored-paths.js';

const SOURCE = /\.[cm]?[jt]sx?$/;
const MIGRATION = /\.[cm]?[jt]s$/;

const packages = (ctx: FrameworkContext) => toolPackages(ctx, ['migrate'], null);

/** A runner taking its migrations folder as an option: its package names, in the `migrations` option the member(s) naming it (null: the option is a list of paths and globs), and whether it globs the value (else the value is a folder). */
interface OptionRunner {
  title: string;
  packages: string[];
  members: string[] | null;
  takesGlob: boolean;
}
const OPTION_RUNNERS: OptionRunner[] = [
  { title: 'umzug', packages: ['umzug'], members: ['glob'], takesGlob: true },
  { title: 'TypeORM', packages: ['typeorm'], members: null, takesGlob: true },
  { title: 'MikroORM', packages: ['@mikro-orm/core', '@mikro-orm/migrations', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/sqlite', '@mikro-orm/mariadb', '@mikro-orm/mssql', '@mikro-orm/libsql', '@mikro-orm/better-sqlite', '@mikro-orm/mongodb'], members: ['path', 'pathTs'], takesGlob: false },
];
const MIGRATIONS_OPTION = /(?<![\w$.])migrations\s*:\s*([[{])/g;

/** One value of a `migrations` option: the member naming it, its expression, whether the runner globs it, and (umzug's `glob: [pattern, { cwd, ignore }]`) its cwd and ignore globs. */
interface OptionValue {
  member: string;
  expr: string;
  /** The runner globs the value (umzug, TypeORM): a plain path names at most the one file it is, never a folder's files. */
  takesGlob: boolean;
  cwd?: string;
  /** Literal ignore globs relative to the cwd; null: an ignore census cannot read. */
  ignore?: string[] | null;
}

/** A value anchored at the module's folder: `__dirname…`, `import.meta.dirname…`, or a join (of joins) onto one. */
export const ANCHORED = /^(?:(?:path\s*\.\s*)?(?:join|resolve)\(\s*)*(?:__dirname|import\.meta\.dirname)\b/;

/** A literal string or an array of them (umzug's `ignore` globs, the extensions a Medusa loader takes); null when any part is not a literal. */
const literalList = (expr: string): string[] | null => {
  const t = expr.trim();
  const parts = t.startsWith('[') && t.endsWith(']') ? splitArgs(t.slice(1, -1)).map((e) => e.trim()).filter((e) => e !== '') : [t];
  const globs = parts.map(literalValue);
  return globs.every((g): g is string => g !== null) ? globs : null;
};

/**
 * The files a folder-or-glob value anchored at the module's folder names: for a folder runner
 * (MikroORM) `path.join(__dirname, 'migrations')` every code file directly in it; for a glob runner
 * `path.join(__dirname, 'migrations/*.js')` or `__dirname + '/migrations/*.{js,ts}'` the files its
 * last segments match, less umzug's `ignore`, and a plain path only the file it is (TypeORM and
 * umzug glob it as given: a folder matches no file). Null when the value is not anchored there (a
 * working-directory path) or names nothing census can read; an anchored value census cannot
 * settle, a glob it refuses or an ignore it cannot read is a warning through `warn`.
 */
const optionTargets = (ctx: FrameworkContext, v: OptionValue, file: string, text: string, warn: (id: string, message: string) => void): { files: string[]; folder: string; why: string[] } | null => {
  let expr = templateAsJoin(v.expr.trim());
  // `__dirname + '/migrations/*.js'`: the same path as a join.
  const plus = /^(__dirname|import\.meta\.dirname)\s*\+\s*(["'])\/([^"'\n]*)\2$/.exec(expr);
  if (plus) expr = `path.join(${plus[1]}, '${plus[3]}')`;
  // A glob's last segments (those from the first one with glob syntax) match files; the rest is the folder.
  const join = /^((?:path\s*\.\s*)?(?:join|resolve)\(\s*[\s\S]*?,\s*)(["'])([^"'\n]*)\2\s*\)$/.exec(expr);
  let pattern: string | null = null;
  if (join && isGlob(join[3])) {
    if (!v.takesGlob) return null;
    const segments = join[3].split('/');
    const first = segments.findIndex((seg) => isGlob(seg));
    pattern = segments.slice(first).join('/');
    expr = `${join[1]}'${segments.slice(0, first).join('/') || '.'}')`;
  }
  const shown = `${v.member === 'migrations' ? 'the migrations option' : `migrations.${v.member}`} ${v.expr.replace(/\s+/g, ' ').slice(0, 120)}`;
  const folder = explainedFolderOf(expr, file, text, folderScopeOf(ctx));
  if (folder === null) {
    if (ANCHORED.test(expr)) warn('migrate-load/not-static', `${shown} is not a path census can read: its migrations are not followed`);
    return null;
  }
  if (v.ignore === null) {
    warn('migrate-load/not-static', `${shown} has an ignore census cannot read: its migrations are not followed`);
    return null;
  }
  const code = (f: string) => f !== file && MIGRATION.test(f) && !f.endsWith('.d.ts');
  if (pattern === null) {
    if (!v.takesGlob) return { files: pathsInDir(ctx.files, folder.folder).filter(code), folder: folder.folder, why: folder.why };
    const self = ctx.files.has(folder.folder) && code(folder.folder) ? [folder.folder] : [];
    return { files: self, folder: dirname(folder.folder), why: folder.why };
  }
  let refused = false;
  const matches = compileRepoGlob(pattern, (reason) => warn('migrate-load/glob', `${shown}: ${reason}`));
  const prefix = folder.folder === '' ? '' : `${folder.folder}/`;
  let files = (pattern.includes('/') || pattern.includes('**') ? pathsWithPrefix(ctx.files, prefix) : pathsInDir(ctx.files, folder.folder)).filter((f) => code(f) && matches(f.slice(prefix.length)));
  if (v.ignore !== undefined && v.ignore.length > 0 && files.length > 0) {
    // umzug hands `ignore` to fast-glob with the cwd: each glob matches paths relative to it. One census refuses ignores nothing it knows of, so nothing is followed.
    const cwd = v.cwd === undefined ? null : explainedFolderOf(templateAsJoin(v.cwd.trim()), file, text, folderScopeOf(ctx));
    const ignored = compileRepoGlobs(v.ignore, (reason) => {
      refused = true;
      warn('migrate-load/glob', `${shown}: ignore ${reason}: its migrations are not followed`);
    });
    if (cwd === null || refused) return null;
    const base = cwd.folder === '' ? '' : `${cwd.folder}/`;
    files = files.filter((f) => !(f.startsWith(base) && ignored(f.slice(base.length))));
  }
  return { files, folder: folder.folder, why: folder.why };
};

/** The `migrations` options of one runner in the modules of a package that import it. */
const collectOptions = (ctx: FrameworkContext, out: FrameworkOutput): void => {
  for (const runner of OPTION_RUNNERS) {
    for (const pkg of toolPackages(ctx, runner.packages, null)) {
      for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
        if (!SOURCE.test(file) || file.includes('node_modules/')) continue;
        if (!ctx.facts(file)?.imports.some((i) => runner.packages.includes(i.specifier) && !i.typeOnly)) continue;
        // A commented-out option (`// migrations: [...]`) is not read: comments are blanked, offsets and lines kept.
        const text = commentsBlanked(ctx.readText(file) ?? '');
        for (const m of text.matchAll(MIGRATIONS_OPTION)) {
          const open = (m.index ?? 0) + m[0].length - 1;
          const value = balancedText(text, open);
          if (value === null) continue;
          const line = lineAt(text, m.index ?? 0);
          let values: OptionValue[];
          if (runner.members === null) {
            if (value.charAt(0) !== '[') continue;
            values = splitArgs(value.slice(1, -1)).map((e) => ({ member: 'migrations', expr: e.trim(), takesGlob: runner.takesGlob })).filter((v) => v.expr !== '');
          } else {
            if (value.charAt(0) !== '{') continue;
            const members = objectMembers(value);
            values = runner.members.flatMap((member): OptionValue[] => {
              const expr = members.get(member);
              if (expr === undefined) return [];
              // umzug's `glob: [pattern, { cwd, ignore }]`: the pattern under the cwd, less the ignored paths.
              const list = /^\[\s*(["'`][^"'`\n]*["'`])\s*,\s*(\{[\s\S]*\})\s*\]$/.exec(expr);
              const options = list ? objectMembers(list[2]) : null;
              const cwd = options?.get('cwd');
              if (list === null || options === null || cwd === undefined) return [{ member, expr, takesGlob: runner.takesGlob }];
              const ignore = options.get('ignore');
              return [{ member, expr: `path.join(${cwd}, ${list[1]})`, takesGlob: runner.takesGlob, cwd, ...(ignore === undefined ? {} : { ignore: literalList(ignore) }) }];
            });
          }
          const warn = (id: string, message: string) => out.diagnostics.push(warning(id, `${runner.title}: ${message}`, file, line));
          for (const v of values) {
            const found = optionTargets(ctx, v, file, text, warn);
            if (found === null) continue;
            const why = found.why.length > 0 ? ` (${found.why.join('; ')})` : '';
            for (const target of found.files) {
              out.references.push(fileReference(file, target, line, `${file}:${line} hands ${runner.title} the migrations option ${v.member === 'migrations' ? '' : `${v.member}: `}${v.expr.replace(/\s+/g, ' ')}${why}, and ${runner.title} loads each migration file it names in ${found.folder === '' ? 'the root' : `${found.folder}/`}`));
            }
          }
        }
      }
    }
  }
};

/**
 * The source files (no type declarations) of the packages depending on one of `deps` whose text
 * holds `word`, each read as its source (esbuild's and tsc's CommonJS, `(0, import_path.resolve)(__dirname,
 * "../migrations")`, as `path.resolve(…)`) with comments blanked, offsets kept.
 */
function* sourcesMentioning(ctx: FrameworkContext, deps: string[], word: string): Generator<{ file: string; text: string }> {
  for (const pkg of toolPackages(ctx, deps, null)) {
    for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
      if (!SOURCE.test(file) || file.includes('node_modules/') || file.endsWith('.d.ts')) continue;
      const raw = ctx.readText(file) ?? '';
      if (raw.includes(word)) yield { file, text: commentsBlanked(asSource(raw, PATH_NAMES)) };
    }
  }
}

/**
 * Stop 51: NocoBase's `db.addMigrations({ directory, extensions, namespace })` (@nocobase/database's
 * Database: `glob.sync(`${directory}/*.{${extensions.join(',')}}`, { ignore: ['**\/*.d.ts'] })`, each
 * file `requireModule`d; `extensions` defaults to `['js', 'ts']`, as its documentation says).
 * @nocobase/server registers its own with `this.app.db.addMigrations({ namespace: "core/pm",
 * directory: path.resolve(__dirname, "../migrations") })`. Read in a package that depends on
 * @nocobase/database or @nocobase/server (whose `app.db` is that Database), for a call whose
 * options are written there with a `directory` anchored at the module's folder; a computed
 * `extensions` adds nothing.
 */
const NOCOBASE = ['@nocobase/database', '@nocobase/server'];
const ADD_MIGRATIONS = /\.\s*addMigrations\s*\(/g;

/** The line of the file's first `const|let|var NAME =`, for the evidence (`?` when none). */
const declaredAt = (text: string, name: string): string => {
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(name)}\s*=`).exec(text);
  return decl === null ? '?' : String(lineAt(text, decl.index));
};

/** Whether NAME at `at` is the module's one `const|let|var NAME =`: declared once, in a function enclosing `at`, not shadowed by a parameter between. */
const heldAt = (text: string, name: string, at: number): boolean => {
  const decls = [...text.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(name)}\s*=`, 'g'))];
  return decls.length === 1 && inScopeAt(text, name, decls[0].index ?? 0, at);
};

const collectAddMigrations = (ctx: FrameworkContext, out: FrameworkOutput): void => {
  for (const { file, text } of sourcesMentioning(ctx, NOCOBASE, 'addMigrations')) {
    for (const call of text.matchAll(ADD_MIGRATIONS)) {
      const open = (call.index ?? 0) + call[0].length - 1;
      const arg = splitArgs(callArgsText(text, open) ?? '')[0]?.trim() ?? '';
      const line = lineAt(text, call.index ?? 0);
      const unread = (what: string) => out.diagnostics.push(warning('migrate-load/not-static', `addMigrations() is given ${what} census cannot read: its migrations are not followed`, file, line));
      // Options held in a const (`const opts = { directory: … }; db.addMigrations(opts)`) are read where it is declared.
      // Only the one declaration of the name whose function encloses the call, with no function
      // between taking a parameter of that name (review 4 finding 4: another function's `options`).
      const options = IDENTIFIER.test(arg) && !heldAt(text, arg, call.index ?? 0) ? '' : (objectText(arg, text) ?? '');
      if (!options.startsWith('{') || !options.endsWith('}')) {
        if (arg !== '') unread(`options ${arg.replace(/\s+/g, ' ').slice(0, 80)}`);
        continue;
      }
      const members = objectMembers(options);
      const dirExpr = members.get('directory');
      if (dirExpr === undefined) continue;
      const extensionsExpr = members.get('extensions');
      const extensions = extensionsExpr === undefined ? ['js', 'ts'] : literalList(extensionsExpr);
      // Every directory is settled the same way (folder-expr.ts): anchored at the module, or a const holding such a path.
      const folder = explainedFolderOf(templateAsJoin(dirExpr), file, text, folderScopeOf(ctx));
      if (folder === null || extensions === null) {
        unread(folder === null ? `a directory ${dirExpr.replace(/\s+/g, ' ').slice(0, 80)}` : `extensions ${extensionsExpr}`);
        continue;
      }
      const held = [arg, dirExpr].filter((name) => IDENTIFIER.test(name)).map((name) => `${name} at line ${declaredAt(text, name)}`);
      const why = [...held, ...folder.why];
      const shown = arg === options ? `{ directory: ${dirExpr.replace(/\s+/g, ' ')} }` : `${arg}) with directory: ${dirExpr.replace(/\s+/g, ' ')}`;
      for (const target of pathsInDir(ctx.files, folder.folder)) {
        if (target === file || target.endsWith('.d.ts') || !extensions.some((e) => target.endsWith(`.${e}`))) continue;
        out.references.push(fileReference(file, target, line, `${file}:${line} runs addMigrations(${shown}${arg === options ? ')' : ''}${why.length > 0 ? ` (${why.join('; ')})` : ''}, and @nocobase/database requires each *.{${extensions.join(',')}} file of ${folder.folder === '' ? 'the root' : `${folder.folder}/`}`));
      }
    }
  }
};

/**
 * Stop 51: Medusa's migration scripts. `new MigrationScriptsMigrator({ container }).run(paths)`
 * (@medusajs/framework/migrations) globs `*.{js,ts}` in each folder of `paths`, less `**\/index.{js,ts}`
 * and `**\/*.d.ts` (Migrator.loadMigrationFiles), and imports each. @medusajs/medusa's
 * commands/db/run-scripts.js hands it `[join(dirname(require.resolve("@medusajs/medusa")),
 * "migration-scripts"), ...plugins.map(…)]`. Read in a package that depends on @medusajs/framework:
 * the migrator bound by `const m = new …MigrationScriptsMigrator(…)`, its `m.run(…)` given a list
 * written there or held by the module's one `const` of that name, declared in a function enclosing the
 * call with no parameter of that name between; each element census settles to a
 * folder (folder-expr.ts: anchored at the module, or a package's main folder by `require.resolve`)
 * names its files; a spread or computed element (the plugins' folders) adds nothing.
 */
const MEDUSA = ['@medusajs/framework'];
const MEDUSA_MIGRATOR = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+(?:[A-Za-z_$][\w$]*\s*\.\s*)?MigrationScriptsMigrator\s*\(/g;

/**
 * Where the module's one list literal held by NAME opens: a `const` (or a `let`/`var` never
 * assigned anew) whose whole initializer is the list; -1 otherwise. A tail (`[…].map((p) => join(p,
 * 'sub'))`) makes the value other folders than the literal's (review 2 findings 3 and 2).
 */
const wholeListOf = (text: string, name: string, at: number): number => {
  const decls = [...text.matchAll(new RegExp(String.raw`\b(const|let|var)\s+${escapeRegExp(name)}\s*=\s*\[`, 'g'))];
  // The one declaration of the name, and the one the call at `at` sees (review 4 finding 4: a parameter of that name is the caller's).
  if (decls.length !== 1 || !heldAt(text, name, at)) return -1;
  const decl = decls[0];
  const open = (decl.index ?? 0) + decl[0].length - 1;
  const list = balancedText(text, open);
  if (list === null || !LIST_END.test(text.slice(open + list.length, open + list.length + 200))) return -1;
  if (decl[1] !== 'const' && new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?![=>])`).test(text.slice(0, decl.index) + text.slice(open))) return -1;
  return open;
};
/** What may follow a whole initializer: the statement's or the declaration list's end, or (no semicolon) a new line that starts a statement. */
const LIST_END = /^(?:\s*(?:[;,}]|$)|[ \t]*\r?\n\s*[A-Za-z_$])/;

const collectMedusaScripts = (ctx: FrameworkContext, out: FrameworkOutput): void => {
  for (const { file, text } of sourcesMentioning(ctx, MEDUSA, 'MigrationScriptsMigrator')) {
    for (const bound of text.matchAll(MEDUSA_MIGRATOR)) {
      // Only a `run(` in the function that binds the migrator or one nested in it (a lock's callback,
      // review 4 finding 1) with no function between taking a parameter of its name: another
      // function's `migrator` may be any object (review 2 finding 4).
      for (const call of text.matchAll(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(bound[1])}\s*\.\s*run\s*\(`, 'g'))) {
        if (!inScopeAt(text, bound[1], bound.index ?? 0, call.index ?? 0)) continue;
        const open = (call.index ?? 0) + call[0].length - 1;
        const arg = splitArgs(callArgsText(text, open) ?? '')[0]?.trim() ?? '';
        let list = arg.startsWith('[') && balancedText(arg, 0)?.length === arg.length ? arg : null;
        let listAt = call.index ?? 0;
        if (list === null && IDENTIFIER.test(arg)) {
          listAt = wholeListOf(text, arg, call.index ?? 0);
          list = listAt < 0 ? null : balancedText(text, listAt);
        }
        if (list === null) continue;
        const line = lineAt(text, call.index ?? 0);
        for (const element of splitArgs(list.slice(1, -1)).map((e) => e.trim())) {
          if (element === '' || element.startsWith('...')) continue;
          const folder = explainedFolderOf(templateAsJoin(element), file, text, folderScopeOf(ctx));
          if (folder === null) continue;
          const why = folder.why.length > 0 ? ` (${folder.why.join('; ')})` : '';
          const held = listAt === (call.index ?? 0) ? '' : ` (the list at line ${lineAt(text, listAt)})`;
          for (const target of pathsInDir(ctx.files, folder.folder)) {
            if (!/\.(?:js|ts)$/.test(target) || target.endsWith('.d.ts') || /(?:^|\/)index\.(?:js|ts)$/.test(target)) continue;
            out.references.push(fileReference(file, target, line, `${file}:${line} runs ${bound[1]}.run(${arg.length <= 40 ? arg : '[…]'})${held} with ${element.replace(/\s+/g, ' ')}${why}, and Medusa's MigrationScriptsMigrator imports each *.{js,ts} of ${folder.folder === '' ? 'the root' : `${folder.folder}/`}`));
          }
        }
      }
    }
  }
};

const migrateLoad: FrameworkReader = {
  id: 'migrate-load',
  title: 'migration runners given their folder as an option (node-migrate migrate.load(), umzug, TypeORM, MikroORM, NocoBase addMigrations(), Medusa migration scripts)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    for (const [list, name] of [[packages(ctx), 'migrate'], [toolPackages(ctx, NOCOBASE, null), 'NocoBase'], [toolPackages(ctx, MEDUSA, null), 'Medusa'], ...OPTION_RUNNERS.map((r) => [toolPackages(ctx, r.packages, null), r.title] as const)] as const) {
      const found = enabledByPackages(list, name);
      if (found !== null) return found;
    }
    return null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    collectOptions(ctx, out);
    collectAddMigrations(ctx, out);
    collectMedusaScripts(ctx, out);
    for (const pkg of packages(ctx)) {
      for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
        if (!SOURCE.test(file) || file.includes('node_modules/')) continue;
        if (!ctx.facts(file)?.imports.some((i) => i.specifier === 'migrate' && !i.typeOnly)) continue;
        const text = commentsBlanked(ctx.readText(file) ?? '');
        // The module's names, by the shared binder (module-binding.ts; stop 54, review 5 of stop 53 #8e): `const migrate =
        // require('migrate')`, `import migrate from 'migrate'`, and the forms a regex of its own missed (`, m = require('migrate')`
        // in a declaration list, `import * as m`, `import m = require(…)`, `await import(…)`).
        for (const name of new Set(moduleAliases(text, (m) => m === 'migrate', false).map((a) => a.local))) {
          for (const call of text.matchAll(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*\.\s*load\s*\(`, 'g'))) {
            const open = (call.index ?? 0) + call[0].length - 1;
            const options = splitArgs(callArgsText(text, open) ?? '')[0]?.trim() ?? '';
            if (!options.startsWith('{') || !options.endsWith('}')) continue;
            const members = objectMembers(options);
            const dirExpr = members.get('migrationsDirectory');
            if (dirExpr === undefined) continue;
            const line = lineAt(text, call.index ?? 0);
            if (members.has('filterFunction')) {
              out.diagnostics.push(warning('migrate-load/filtered', `${name}.load() filters ${dirExpr} with a filterFunction census does not evaluate: its migrations are not followed`, file, line));
              continue;
            }
            const folder = explainedFolderOf(templateAsJoin(dirExpr), file, text, folderScopeOf(ctx));
            if (folder === null) {
              out.diagnostics.push(warning('migrate-load/not-static', `${name}.load()'s migrationsDirectory ${dirExpr} is not a folder census can read`, file, line));
              continue;
            }
            for (const target of pathsInDir(ctx.files, folder.folder)) {
              if (target === file || !MIGRATION.test(target) || target.endsWith('.d.ts')) continue;
              const why = folder.why.length > 0 ? ` (${folder.why.join('; ')})` : '';
              out.references.push(fileReference(file, target, line, `${file}:${line} runs ${name}.load({ migrationsDirectory: ${dirExpr.replace(/\s+/g, ' ')} })${why}, which requires every file of ${folder.folder === '' ? 'the root' : `${folder.folder}/`} (node-migrate)`));
            }
          }
        }
      }
    }
    return out;
  },
};

export default migrateLoad;
