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
 */
import { pathsInDir } from '../../util/file-index.js';
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { explainedFolderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { IDENTIFIER } from '../../languages/javascript/js-text.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { callArgsText } from './parameter-values.js';
import { enabledByPackages, fileReference, packageFilesUnder, toolPackages } from './support.js';

const SOURCE = /\.[cm]?[jt]sx?$/;
const MIGRATION = /\.[cm]?[jt]s$/;
/** The module's binding of `migrate`: `const migrate = require('migrate')`, `import migrate from 'migrate'`. */
const BINDING = /\b(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*(['"])migrate\2\s*\)|import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])migrate\4)/g;
/** `key: value` of an object literal's member (a shorthand `{ name }` is its name). */
const MEMBER = /^([A-Za-z_$][\w$]*|"[^"\n]*"|'[^'\n]*')\s*:\s*([\s\S]+)$/;

const packages = (ctx: FrameworkContext) => toolPackages(ctx, ['migrate'], null);

const migrateLoad: FrameworkReader = {
  id: 'migrate-load',
  title: 'node-migrate: the migrations folder migrate.load() requires',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'migrate'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
        if (!SOURCE.test(file) || file.includes('node_modules/')) continue;
        if (!ctx.facts(file)?.imports.some((i) => i.specifier === 'migrate' && !i.typeOnly)) continue;
        const text = ctx.readText(file) ?? '';
        for (const b of text.matchAll(BINDING)) {
          const name = b[1] ?? b[3];
          for (const call of text.matchAll(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*\.\s*load\s*\(`, 'g'))) {
            const open = (call.index ?? 0) + call[0].length - 1;
            const options = splitArgs(callArgsText(text, open) ?? '')[0]?.trim() ?? '';
            if (!options.startsWith('{') || !options.endsWith('}')) continue;
            const members = new Map<string, string>();
            for (const part of splitArgs(options.slice(1, -1))) {
              const m = MEMBER.exec(part);
              if (m) members.set(m[1].replace(/^["']|["']$/g, ''), m[2].trim());
              // A shorthand `{ migrationsDirectory }`: the name is its own value (folderOf settles the const).
              else if (IDENTIFIER.test(part.trim())) members.set(part.trim(), part.trim());
            }
            const dirExpr = members.get('migrationsDirectory');
            if (dirExpr === undefined) continue;
            const line = lineAt(text, call.index ?? 0);
            if (members.has('filterFunction')) {
              out.diagnostics.push(warning('migrate-load/filtered', `${name}.load() filters ${dirExpr} with a filterFunction census does not evaluate: its migrations are not followed`, file, line));
              continue;
            }
            const folder = explainedFolderOf(templateAsJoin(dirExpr), file, text);
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
