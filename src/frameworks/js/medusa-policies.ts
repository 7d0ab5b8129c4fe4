/**
 * Medusa's RBAC policies, imported from a folder the caller hands over. `policiesLoader(dir)`
 * (@medusajs/framework's policies/policy-loader.js) calls @medusajs/utils'
 * `discoverPoliciesFromDir(dir, maxDepth = 2)`: it lists `dir` two levels deep (readDirRecursive),
 * keeps each folder named `policies` among those entries (`dir/policies/`, `dir/<any>/policies/`)
 * and `dynamicImport`s every file directly in it but `index.js`/`index.ts` and `*.d.ts`,
 * `*.d.ts.map`, `*.js.map` (each runs its `definePolicies(…)` call). @medusajs/medusa's
 * dist/loaders/index.js:95 hands it `join(__dirname, "..")`, its own dist/, whose 14
 * `policies/*.js` nothing imports.
 *
 * Read: in a package that depends on @medusajs/framework or @medusajs/utils (peer dependencies
 * count), a module that imports one of them and calls `policiesLoader(…)` or
 * `discoverPoliciesFromDir(…)` (a member of a binding too, `framework_1.policiesLoader(…)`, and
 * compiled CommonJS read as its source) with a first argument census settles to a folder
 * (folder-expr.ts: `join(__dirname, "..")`); each code file the loader imports is a reference from
 * the module with the call's line. A second argument (another depth) is read when it is a literal
 * number. Where it stops: a folder known only at run time (`rootDirectory`, `plugin.resolve`: the
 * project's and plugins' folders, which the app's loader, outside the tree, hands over) names
 * nothing; a call in a comment or a string is not one; a call of a name not bound to a Medusa package
 * (a module's or plugin's own function of that name, even in a module that imports Medusa for
 * something else) is not one.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { explainedFolderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { commentsBlanked, insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { callArgsText } from './parameter-values.js';
import { enabledByPackages, fileReference, packageFilesUnder, toolPackages } from './support.js';
import { folderScopeOf } from './folder-scope.js';
import { PATH_NAMES } from './anchored-paths.js';

const MEDUSA = ['@medusajs/framework', '@medusajs/utils'];
const SOURCE = /\.[cm]?[jt]sx?$/;
/** What dynamicImport can run: code, not a declaration or a map (excludedExtensions), not the folder's index (excludedFiles). */
const POLICY = /^(?!index\.(?:js|ts)$)(?!.*\.d\.[cm]?ts$)[^/]+\.[cm]?[jt]sx?$/;
const CALL = /(?<![\w$])(?:([A-Za-z_$][\w$]*)\s*\.\s*)?(policiesLoader|discoverPoliciesFromDir)\s*\(/g;
const LOADERS = new Set(['policiesLoader', 'discoverPoliciesFromDir']);

/**
 * The names a file binds to Medusa's loaders: the loader functions it imports by name from a Medusa
 * package (`import { discoverPoliciesFromDir } from "@medusajs/utils"`), and the bindings of a whole
 * Medusa package (`const framework_1 = require("@medusajs/framework")`) a loader is called on. A
 * plugin's own `policiesLoader` (medusa-plugin-access scans `access-policies/` folders with a function
 * of that name, in files that import @medusajs/framework/utils for other things) is neither.
 */
const medusaBindings = (ctx: FrameworkContext, file: string): { loaders: Set<string>; packages: Set<string> } => {
  const loaders = new Set<string>();
  const packages = new Set<string>();
  for (const i of ctx.facts(file)?.imports ?? []) {
    if (i.typeOnly || !MEDUSA.some((m) => i.specifier === m || i.specifier.startsWith(`${m}/`))) continue;
    for (const n of i.names) {
      if ((n.name === '*' || n.name === 'default') && n.alias !== undefined) packages.add(n.alias);
      else if (LOADERS.has(n.name) && (n.alias === undefined || n.alias === n.name)) loaders.add(n.name);
    }
  }
  return { loaders, packages };
};

/** The files `discoverPoliciesFromDir(folder, depth)` imports: those directly in a `policies` folder at most `depth` levels below `folder`. */
export const policyFiles = (files: ReadonlySet<string>, folder: string, depth: number): string[] => {
  const prefix = folder === '' ? '' : `${folder}/`;
  const out: string[] = [];
  for (const path of pathsWithPrefix(files, prefix)) {
    if (path.includes('node_modules/')) continue;
    const parts = path.slice(prefix.length).split('/');
    // parts: [...folders above `policies`, 'policies', name]; the `policies` entry is itself at level parts.length - 1.
    if (parts.length < 2 || parts.length - 1 > depth || parts[parts.length - 2] !== 'policies' || !POLICY.test(parts[parts.length - 1])) continue;
    out.push(path);
  }
  return out;
};

const medusaPolicies: FrameworkReader = {
  id: 'medusa-policies',
  title: "Medusa RBAC policies (policiesLoader(folder) imports each file of the policies/ folders below it)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(toolPackages(ctx, MEDUSA, null), 'Medusa'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of toolPackages(ctx, MEDUSA, null)) {
      for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
        if (!SOURCE.test(file) || file.endsWith('.d.ts')) continue;
        const raw = ctx.readText(file) ?? '';
        if (!raw.includes('policiesLoader') && !raw.includes('discoverPoliciesFromDir')) continue;
        const bound = medusaBindings(ctx, file);
        if (bound.loaders.size === 0 && bound.packages.size === 0) continue;
        const text = commentsBlanked(asSource(raw, PATH_NAMES));
        const spans = quotedSpans(text);
        for (const call of text.matchAll(CALL)) {
          const at = call.index ?? 0;
          if (insideQuoted(text, spans, at)) continue;
          // Medusa's loader only: called on a binding of a Medusa package, or by the name imported from one.
          if (call[1] !== undefined ? !bound.packages.has(call[1]) : !bound.loaders.has(call[2])) continue;
          const args = splitArgs(callArgsText(text, at + call[0].length - 1) ?? '').map((a) => a.trim());
          const folder = args[0] ? explainedFolderOf(templateAsJoin(args[0]), file, text, folderScopeOf(ctx)) : null;
          if (folder === null) continue;
          const depth = args[1] === undefined || args[1] === '' ? 2 : /^\d+$/.test(args[1]) ? Number(args[1]) : null;
          if (depth === null) continue;
          const line = lineAt(text, at);
          const why = folder.why.length > 0 ? ` (${folder.why.join('; ')})` : '';
          const where = folder.folder === '' ? 'the root' : `${folder.folder}/`;
          for (const target of policyFiles(ctx.files, folder.folder, depth)) {
            out.references.push(fileReference(file, target, line, `${file}:${line} calls ${call[2]}(${args[0].replace(/\s+/g, ' ')})${why}, which imports each file of a policies/ folder up to ${depth} level${depth === 1 ? "" : "s"} below ${where} (Medusa)`));
          }
        }
      }
    }
    return out;
  },
};

export default medusaPolicies;
