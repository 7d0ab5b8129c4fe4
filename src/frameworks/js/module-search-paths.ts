/**
 * A folder a package adds to Node's module lookup, so that a bare name loads a file of it:
 * jsdoc's jsdoc.js:17 swaps `require` for `require('requizzle')({ requirePaths: { before:
 * [path.join(__dirname, 'lib')] }, infect: true })`, and from then on cli.js:13's
 * `require('jsdoc/app')` loads lib/jsdoc/app.js, which no relative specifier names. The same is
 * done with `require('app-module-path').addPath(dir)` and `module.paths.push(dir)` / `unshift`.
 * Read statically, only in a package that depends on requizzle or app-module-path (a cheap gate:
 * the package.json, no text read elsewhere): each such call's folder (folder-expr.ts: `__dirname`,
 * a join onto it), and then every bare specifier of the package's code files (a Node builtin
 * left out) completed as Node completes it below that folder. A folder searched after
 * node_modules (requizzle's `after`, addPath, `module.paths.push`) loses to a dependency of that
 * name, so such a specifier is left to the dependency. Each file found is a reference from the
 * importing file, at the import's line, naming the call that adds the folder.
 */
import { builtinModules } from 'node:module';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { callArgsText } from './parameter-values.js';
import { dependsOn, inNestedPackage, jsCodeFiles, jsPackages, labelledReferences, resolveToolPath, type JsPackage, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';

const LOADERS = ['requizzle', 'app-module-path'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** requizzle's option: `requirePaths: { before: [...], after: [...] }`. */
const REQUIRE_PATHS = /\brequirePaths\s*:\s*\{/g;
const PATH_LIST = /\b(before|after)\s*:\s*\[([^[\]]*)\]/g;
/** app-module-path's `addPath(dir)` (on any receiver), and `module.paths.push(dir)` / `unshift(dir)`. */
const ADD_CALL = /(?<![\w$])(?:addPath|module\s*\.\s*paths\s*\.\s*(push|unshift))\s*\(/g;
/** How far past `requirePaths: {` its lists are looked for. */
const OPTION_WINDOW = 600;

interface SearchFolder {
  folder: string;
  /** True when the folder is searched before node_modules (requizzle's `before`, `module.paths.unshift`). */
  first: boolean;
  source: string;
  line: number;
  how: string;
}

const foldersIn = (file: string, text: string): SearchFolder[] => {
  const out: SearchFolder[] = [];
  for (const m of text.matchAll(REQUIRE_PATHS)) {
    const at = m.index ?? 0;
    const window = text.slice(at, at + OPTION_WINDOW);
    for (const list of window.matchAll(PATH_LIST)) {
      for (const expr of splitArgs(list[2])) {
        const folder = expr === '' ? null : folderOf(expr, file, text);
        if (folder !== null) out.push({ folder, first: list[1] === 'before', source: file, line: lineAt(text, at + (list.index ?? 0)), how: `requizzle requirePaths.${list[1]}` });
      }
    }
  }
  for (const m of text.matchAll(ADD_CALL)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const args = callArgsText(text, open);
    const first = args === null ? undefined : splitArgs(args)[0];
    const folder = first === undefined || first === '' ? null : folderOf(first, file, text);
    if (folder === null) continue;
    const how = m[1] === undefined ? 'app-module-path addPath' : `module.paths.${m[1]}`;
    out.push({ folder, first: m[1] === 'unshift', source: file, line: lineAt(text, m.index ?? 0), how });
  }
  return out;
};

/** The package name a bare specifier starts with (`@scope/pkg`, `pkg`). */
const packageNameOf = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

const isBare = (spec: string): boolean => spec !== '' && !spec.startsWith('.') && !spec.startsWith('/') && !/^[a-z][\w+.-]*:/i.test(spec) && !BUILTINS.has(spec.split('/')[0]);

const referencesOf = (ctx: FrameworkContext, pkg: JsPackage, codeFiles: readonly string[]): LabelledReference[] => {
  const nested = inNestedPackage(ctx, pkg);
  const own = codeFiles.filter((f) => !nested(f));
  const folders: SearchFolder[] = [];
  for (const file of own) {
    const text = ctx.readText(file);
    if (text !== null) folders.push(...foldersIn(file, text));
  }
  if (folders.length === 0) return [];
  const out: LabelledReference[] = [];
  for (const file of own) {
    for (const imp of ctx.facts(file)?.imports ?? []) {
      if (!isBare(imp.specifier)) continue;
      for (const f of folders) {
        if (!f.first && dependsOn(pkg, packageNameOf(imp.specifier))) continue;
        const target = resolveToolPath(ctx, f.folder, imp.specifier);
        if (target === null || target === file) continue;
        out.push({ from: file, target, line: imp.line, label: `required by ${file}:${imp.line} as "${imp.specifier}" from the module search path ${f.folder === '' ? '.' : f.folder}/ that ${f.source}:${f.line} adds (${f.how})` });
        break;
      }
    }
  }
  return out;
};

const references = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const packages = jsPackages(ctx).filter((p) => LOADERS.some((name) => dependsOn(p, name)));
  if (packages.length === 0) return [];
  const out: LabelledReference[] = [];
  for (const pkg of packages) {
    const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
    const inPackage = new Set(pathsWithPrefix(ctx.files, prefix));
    out.push(...referencesOf(ctx, pkg, jsCodeFiles(ctx).filter((f) => inPackage.has(f))));
  }
  return out;
});

const moduleSearchPaths: FrameworkReader = {
  id: 'module-search-paths',
  title: 'Module search paths (a folder requizzle, app-module-path or module.paths adds to Node\'s lookup: the bare names it loads)',
  ecosystem: 'javascript',
  ...labelledReferences(references),
};

export default moduleSearchPaths;
