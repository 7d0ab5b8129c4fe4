/**
 * The repo folder a JS expression names, read from the text without running it: `__dirname`,
 * `import.meta.dirname`, `path.join(__dirname, 'a', 'b')` / `path.resolve(…)`, a package's own
 * folder `path.dirname(require.resolve('pkg'))` (a workspace package of the scan), a setting the
 * scope can settle (an nconf `config.get('paths').x` its JSON files give: nconf-config.ts), a join
 * onto one of those (`obj.path.join` too: the path module held on an object), the module's folder
 * and a literal path concatenated (`__dirname + '/../public'`), a call of a local helper with
 * literal arguments (read through its body: helperFunction, inlined), or a name whose
 * `const`/`let`/`var` holds one (a conditional one gives a candidate per branch: candidatesIn). Anything else is null: a folder
 * computed at run time is never guessed. Shared by the readers that follow a folder a module names
 * (folder loaders, static file servers).
 */
import { joinRepo, dirname, posix } from '../../util/path.js';
import { balancedText, IDENTIFIER as NAME, IDENTIFIER_SOURCE, topLevelIndex } from './js-text.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { FILE_URL_OF_MODULE } from './static-value.js';
import { moduleBinding } from './module-binding.js';
import { codeEnd } from './code-end.js';
import { lowerBound } from '../../util/lower-bound.js';

/** A string literal: quotes or a substitution-free template (a pattern's source, to build others with). */
export const LITERAL = String.raw`(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)`;
const MAX_DEPTH = 3;

const literal = (s: string): string => s.replace(/^["'`]|["'`]$/g, '');
/** A string literal with its text in group 1, 2 or 3 (the quote it is written in). */
const LITERAL_TEXT = /"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`/g;
/** The texts of the string literals in `list`, in order (`, 'a', "b.js"` gives a, b.js). */
export const literalTexts = (list: string): string[] => [...list.matchAll(LITERAL_TEXT)].map((p) => p[1] ?? p[2] ?? p[3]);

const OWN_FOLDER_PLUS = new RegExp(String.raw`^(?:__dirname|import\.meta\.dirname)\s*\+\s*(${LITERAL})$`);

/**
 * The module's own file: `__filename`, `module.filename`, `import.meta.filename`,
 * `fileURLToPath(import.meta.url)`, or `fs.realpathSync(…)` of one (the file a link in
 * node_modules/.bin resolves to: homebridge's bin runs `path.dirname(fs.realpathSync(__filename))`).
 */
const OWN_FILE_NAME = String.raw`(?:__filename|module\.filename|import\.meta\.filename|${FILE_URL_OF_MODULE})`;
const OWN_FILE = String.raw`(?:(?:fs\s*\.\s*)?realpathSync(?:\s*\.\s*native)?\(\s*${OWN_FILE_NAME}\s*\)|${OWN_FILE_NAME})`;
const OWN_FILE_ONLY = new RegExp(`^${OWN_FILE}$`);
/** `path.dirname(<own file>)`: the module's folder. */
const OWN_FILE_FOLDER = new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\(\s*${OWN_FILE}\s*\)$`);

/** A join onto the module's own file whose first part is `..` (`path.resolve(fileURLToPath(import.meta.url), '..')`): the parts below its folder, else null. */
const ownFileJoin = (base: string, parts: string[]): string[] | null => (parts[0] === '..' && OWN_FILE_ONLY.test(base.trim()) ? parts.slice(1) : null);

/** What a folder expression may refer to: the workspace packages by name. */
export interface FolderScope {
  /** Repo folder of a workspace package, by its package.json name. */
  packageDir(name: string): string | null;
  /** The folder a config setting expression names in `file`, and where its value came from. */
  setting?(expr: string, file: string, text: string): { folder: string; why: string } | null;
  /** The folder of a workspace package's main entry (`require.resolve('pkg')`: its `exports` "." or `main`), by its package.json name. */
  packageEntryDir?(name: string): string | null;
  /** The folder of the package holding `file` (its nearest package.json's), or null. */
  ownPackageDir?(file: string): string | null;
  /** Whether the scan holds `path` as a file or a folder. */
  holds?(path: string): boolean;
}

/** A folder and, when a setting gave it, where that value came from (for the evidence). */
export interface ExplainedFolder {
  folder: string;
  why: string[];
}

/**
 * Stop 49 (moved here from folder-constants.ts, so every reader of a folder expression reads it):
 * `fileURLToPath(new URL('../runtime', import.meta.url))`, a path relative to the module's own URL,
 * maybe inside one call that keeps the folder (`posixify(…)`, `path.normalize(…)`, `path.resolve(…)`,
 * `fs.realpathSync(…)`): not `dirname(…)`, which names another. `new URL('.', import.meta.url)` is the module's folder.
 */
const URL_FOLDER = /^(?:(?:(?:path|fs)\s*\.\s*)?(?:posixify|normalize|resolve|realpathSync)\s*\(\s*)?(?:url\s*\.\s*)?fileURLToPath\(\s*new\s+URL\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`)\s*,\s*import\.meta\.url\s*\)\s*\)(?:\s*\))?$/;

/** The base of a join: `__dirname`, `path.dirname(require.resolve('pkg'))`, or a name holding a folder. */
const baseOf = (base: string, file: string, text: string, scope: FolderScope | null, depth: number, why: string[]): string | null => {
  const b = base.trim();
  if (b === '__dirname' || b === 'import.meta.dirname' || OWN_FILE_FOLDER.test(b)) return dirname(file);
  const url = URL_FOLDER.exec(b);
  if (url) return joinRepo(dirname(file), (url[1] ?? url[2] ?? url[3]).replace(/\/+$/, '') || '.');
  // `__dirname + '/../../public'`: the module's folder and a literal path after it
  const concatenated = OWN_FOLDER_PLUS.exec(b);
  if (concatenated) {
    const rest = literal(concatenated[1]);
    return rest.startsWith('/') ? joinRepo(dirname(file), rest.slice(1)) : null;
  }
  const setting = scope?.setting?.(b, file, text) ?? null;
  if (setting !== null) {
    why.push(setting.why);
    return setting.folder;
  }
  const resolved = RESOLVED_FOLDER.exec(b);
  if (resolved) return isResolver(resolved[1], text) ? resolvedPackageDirWhy(resolved[1], literal(resolved[2]), scope, why) : null;
  if (depth >= MAX_DEPTH) return null;
  const helper = HELPER_CALL.exec(b);
  if (helper) {
    const fn = functionNamed(text, helper[1]);
    const body = fn === null ? null : inlined(fn.params, fn.body, splitArgs(helper[2]).map(literal));
    if (body !== null) return folderIn(body, file, text, scope, depth + 1, why);
    if (fn !== null) return null;
  }
  const root = packageRootCall(b, file, text, scope, why);
  if (root !== undefined) return root;
  if (!NAME.test(b)) return null;
  const decl = declaredValue(text, b);
  return decl ? folderIn(decl, file, text, scope, depth + 1, why) : null;
};

/**
 * The value a `const`/`let`/`var` of `name` holds: up to its `;`, its `,` (the next declarator) or line
 * end outside brackets and strings, so a call spread over lines (`const dir = resolvePackagePath(\n  'pkg',\n  'migrations'\n);`)
 * is read whole; undefined when the text declares no such name.
 */
const declaredValue = (text: string, name: string): string | undefined => {
  const d = declaration(text, name, (c) => c === ';' || c === '\n' || c === ',');
  if (d === undefined) return undefined;
  const value = (d.end < 0 ? /^[^\n;]*/.exec(text.slice(d.start))![0] : text.slice(d.start, d.end)).trim();
  return value === '' ? undefined : value;
};

/**
 * The first `const name =` of the last text asked about, per name: a loader file of thousands of
 * listings asks for each one's folder, and a search of the whole text per listing was quadratic
 * (review s59: a minified bundle of listings took minutes).
 */
let declared: { text: string; byName: Map<string, { index: number; length: number } | null> } | null = null;

const DECLARED = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*/g;
const firstDeclaration = (text: string, name: string): { index: number; length: number } | null => {
  if (declared === null || declared.text !== text) {
    // Every name's first declaration, in one scan: what the pattern per name finds first.
    declared = { text, byName: new Map() };
    for (const m of text.matchAll(DECLARED)) if (!declared.byName.has(m[1])) declared.byName.set(m[1], { index: m.index ?? 0, length: m[0].length });
  }
  let found = declared.byName.get(name);
  if (found === undefined && NAME.test(name)) found = null;
  if (found === undefined) {
    const m = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(name)}\s*=\s*`).exec(text);
    found = m === null ? null : { index: m.index, length: m[0].length };
    declared.byName.set(name, found);
  }
  return found;
};

/** The first `const`/`let`/`var` of `name`: where its header is, where its value starts, and the first `stop` character after it outside brackets and strings (-1: none within 2,000 characters). */
const declaration = (text: string, name: string, stop: (c: string) => boolean): { index: number; start: number; end: number } | undefined => {
  const m = firstDeclaration(text, name);
  if (m === null) return undefined;
  const start = m.index + m.length;
  return { index: m.index, start, end: topLevelIndex(text, start, stop, 2_000) };
};

/** What `.resolve(…)` resolves packages with: `require`, `createRequire(import.meta.url)`, `module.createRequire(…)`, or a name holding one. */
// One argument list with at most one call inside: the text after the inner call is matched only after it, so an unclosed `createRequire(aaa…` fails in linear time.
const RESOLVER = String.raw`require|(?:module\s*\.\s*)?createRequire\([^()]*(?:\([^()]*\)[^()]*)?\)|${IDENTIFIER_SOURCE}`;
const RESOLVE_CALL = new RegExp(String.raw`^(${RESOLVER})\s*\.\s*resolve\(\s*(${LITERAL})\s*\)$`);
/** `path.dirname(require.resolve('pkg'))`: the folder of a resolved specifier. */
const RESOLVED_FOLDER = new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\(\s*(${RESOLVER})\s*\.\s*resolve\(\s*(${LITERAL})\s*\)\s*\)$`);

/** `require`, a `createRequire(…)` call, or a name the text declares as one (`const req = createRequire(import.meta.url)`). */
const isResolver = (resolver: string, text: string): boolean =>
  resolver === 'require' ||
  /createRequire\(/.test(resolver) ||
  new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(resolver)}\s*=\s*(?:[\w$]+\s*\.\s*)?createRequire\(`).test(text);

/**
 * The folder a resolved specifier names in a package of the scan (the module's own or a workspace
 * one; another resolves into node_modules: null): `pkg/package.json` the package's folder, a bare
 * `pkg` the folder of its main entry (`path.dirname(require.resolve('@medusajs/medusa'))` is its `dist/`).
 */
const resolvedPackageDir = (spec: string, scope: FolderScope | null): string | null => {
  const manifest = /\/package\.json$/.test(spec);
  const pkg = spec.replace(/\/package\.json$/, '');
  if (scope === null || !/^(?:@[^/]+\/)?[^/@.][^/]*$/.test(pkg)) return null;
  return manifest || scope.packageEntryDir === undefined ? scope.packageDir(pkg) : scope.packageEntryDir(pkg);
};

/** resolvedPackageDir, with the step in `why`: which package of the scan the specifier names. */
const resolvedPackageDirWhy = (resolver: string, spec: string, scope: FolderScope | null, why: string[]): string | null => {
  const dir = resolvedPackageDir(spec, scope);
  const name = spec.replace(/\/package\.json$/, '');
  const where = dir === '' ? 'the root' : `${dir}/`;
  if (dir !== null) why.push(`${resolver.replace(/\s+/g, '')}.resolve("${spec}") ${name === spec ? `is the main entry of package "${name}", in ${where}` : `is the package.json of package "${name}", in ${where}`} of this scan`);
  return dir;
};

/** A join onto `require.resolve('<pkg>/package.json')` whose first part is `..` (Backstage's `resolvePath(req.resolve(`${name}/package.json`), '..', ...paths)`): the package's folder and the parts below it, else null. */
const packageJsonJoin = (base: string, parts: string[], text: string, scope: FolderScope | null, why: string[]): string | null => {
  const call = RESOLVE_CALL.exec(base.trim());
  if (call === null || parts[0] !== '..' || !isResolver(call[1], text) || !/\/package\.json$/.test(literal(call[2]))) return null;
  const dir = resolvedPackageDirWhy(call[1], literal(call[2]), scope, why);
  return dir === null ? null : joinRepo(dir, ...parts.slice(1));
};

/**
 * A join whose base is no folder but a file and whose first part is `..`: onto the module's own
 * file (ownFileJoin) or a resolved package.json (packageJsonJoin), the folder it names (its step in
 * `why`), else null. Both join readers (folderIn, candidatesIn) read these first.
 */
const joinedBelow = (base: string, parts: string[], file: string, text: string, scope: FolderScope | null, why: string[]): string | null => {
  const below = ownFileJoin(base, parts);
  if (below !== null) return joinRepo(dirname(file), ...below);
  const steps: string[] = [];
  const inPackage = packageJsonJoin(base, parts, text, scope, steps);
  if (inPackage !== null) why.push(...steps);
  return inPackage;
};

/** The module's own URL: `import.meta.url`, `pathToFileURL(__filename).href` (`require('url')`'s too), `new URL('file:' + __filename).href`. */
const OWN_URL = new RegExp(
  String.raw`^(?:import\.meta\.url|(?:(?:url|require\(\s*(?:'url'|"url"|'u'\s*\+\s*'rl'|"u"\s*\+\s*"rl")\s*\))\s*\.\s*)?pathToFileURL\(\s*__filename\s*\)\s*(?:\.\s*href|\.\s*toString\(\s*\))?|new\s+URL\(\s*(?:'file:'|"file:")\s*\+\s*__filename\s*\)\s*\.\s*href)$`,
);

/** `expr` without the parentheses around all of it. */
const unwrapped = (expr: string): string => {
  let t = expr.trim();
  while (t.startsWith('(') && balancedText(t, 0, t.length) === t) t = t.slice(1, -1).trim();
  return t;
};

/**
 * The module's own URL, or a bundler's CommonJS stand-in for `import.meta.url` whose Node branch is
 * one (rollup: `(typeof document === 'undefined' ? require('u' + 'rl').pathToFileURL(__filename).href : …)`).
 */
const isOwnUrl = (expr: string): boolean => {
  const t = unwrapped(expr);
  if (OWN_URL.test(t)) return true;
  const q = topLevelIndex(t, 0, isQuestion(t), t.length);
  const branches = q < 0 ? null : conditionalBranches(t);
  return branches !== null && /^typeof\s+document\s*===?\s*(['"])undefined\1$/.test(t.slice(0, q).trim()) && OWN_URL.test(unwrapped(branches[0]));
};

/** A call of any function or method: its callee and argument text. */
const ANY_CALL = new RegExp(String.raw`^(${IDENTIFIER_SOURCE}(?:\s*\.\s*${IDENTIFIER_SOURCE})*)\s*\(([\s\S]*)\)$`);

/** The last member of a callee whose name says it resolves a path in a package (`resolvePackagePath`, `getPkgDir`): not a path or URL function (`path.posix.join`, `upath.join`, `url.resolve`), not a getter (`config.get`). */
const PACKAGE_HELPER_NAME = /(?:^|\.)\s*[\w$]*(?:package|pkg)[\w$]*$/i;

/**
 * Whether a callee may be a package-root helper: its name says it resolves a package's path (a
 * two-string call of any other function, a path function on another binding or a getter, names no
 * package folder), and it is no helper of the repo's own (defined in the module or imported by a
 * relative path: the helper readers follow those through their bodies).
 */
const isPackageRootHelper = (callee: string, text: string): boolean => {
  if (!PACKAGE_HELPER_NAME.test(callee)) return false;
  const head = callee.split('.')[0].trim();
  return functionNamed(text, head) === null && moduleBinding(text, head) === null;
};

/**
 * A package-root helper: a call of a function whose name says it resolves a package path
 * (isPackageRootHelper), whose first argument names a package of the scan and whose others
 * are literal paths inside it, the folder they name there (Backstage's `resolvePackagePath(name,
 * ...paths)`, `resolvePackageAssets`: `path.resolve(dirname(require.resolve(`${name}/package.json`)), ...paths)`).
 * The first argument is the package's name (the module's own package or a workspace one: another
 * package's name resolves into node_modules, not a repo file), or the module's own URL (the
 * package holding the module: `resolvePackagePath(import.meta.url, 'migrations')`; read so only
 * when that path is in the scan, a helper resolving from the module's folder being the other
 * reading). Undefined when `expr` is no such call; null when it is one census cannot settle.
 */
const packageRootCall = (expr: string, file: string, text: string, scope: FolderScope | null, why: string[]): string | null | undefined => {
  if (scope === null) return undefined;
  const call = ANY_CALL.exec(expr);
  if (call === null || !isPackageRootHelper(call[1], text)) return undefined;
  const args = splitArgs(call[2]);
  if (args.length < 2) return undefined;
  const parts = args.slice(1).map((a) => (new RegExp(`^${LITERAL}$`).test(a.trim()) ? literal(a.trim()) : null));
  if (parts.some((p) => p === null)) return undefined;
  const first = args[0].trim();
  let dir: string | null = null;
  let shown: string;
  const ownUrl = isOwnUrl(first);
  if (new RegExp(`^${LITERAL}$`).test(first)) {
    dir = resolvedPackageDir(`${literal(first)}/package.json`, scope);
    shown = `"${literal(first)}"`;
  } else if (ownUrl) {
    dir = scope.ownPackageDir?.(file) ?? null;
    shown = "the module's own URL";
  } else return undefined;
  if (dir === null) return null;
  const folder = joinRepo(dir, ...(parts as string[]));
  if (folder === null || (ownUrl && scope.holds?.(folder) !== true)) return null;
  // The module-relative reading (`resolveFromFile(import.meta.url, 'x')`) also in the scan, and another folder: ambiguous.
  const besideModule = ownUrl ? joinRepo(dirname(file), ...(parts as string[])) : null;
  if (besideModule !== null && besideModule !== folder && scope.holds?.(besideModule) === true) return null;
  const at = text.indexOf(expr);
  const paths = (parts as string[]).map((p) => `"${p}"`).join(', ');
  why.push(`${call[1].replace(/\s+/g, '')}(${shown}, ${paths}) at ${file}${at < 0 ? '' : `:${lineAt(text, at)}`} resolves ${paths} in the package of ${dir === '' ? '' : `${dir}/`}package.json${ownUrl ? ', the one holding the module' : ''}`);
  return folder;
};

/** A call of a local helper with literal arguments: `getPkgPath('strapi-admin')`, `fromRoot('public', 'js')`. */
const HELPER_CALL = new RegExp(String.raw`^(${IDENTIFIER_SOURCE})\(\s*(${LITERAL}(?:\s*,\s*${LITERAL})*)\s*\)$`);

/**
 * How far a call's parentheses (or an arrow's expression body) are followed. An unbalanced `(`
 * (hostile or generated text) would otherwise be followed to the end of the file once per call.
 */
export const CALL_ARGS_WINDOW = 10_000;

/**
 * The names of a parameter list as written: each without its default, its rest `...` and a
 * TypeScript annotation (`name?: T`, `name: T = x`: TS files' helpers, `const fixture = (name: string) =>
 * join(here, name)`, are read as JS ones); null for one census cannot read (a pattern).
 */
export const paramNames = (list: string): (string | null)[] =>
  list.trim() === ''
    ? []
    : splitArgs(list).map((p) => {
        const name = p.replace(/[?]?\s*:[\s\S]*$/, '').replace(/=[\s\S]*$/, '').replace(/^\.\.\./, '').trim();
        return NAME.test(name) ? name : null;
      });

/**
 * Where an arrow's expression body that starts at `start` ends: its parenthesized expression
 * (`=> ({ … })`), else the first `,`, `;` or line end outside brackets, strings, comments and
 * regular expressions, or a closer of a bracket opened before it. -1 when it does not end within the window.
 */
export const expressionEnd = (text: string, start: number): number => {
  if (text[start] === '(') {
    const body = balancedText(text, start, CALL_ARGS_WINDOW);
    return body === null ? -1 : start + body.length;
  }
  // Comments and regular expressions are stepped over too (code-end.ts), as shadowed-names does.
  return codeEnd(text, start, false);
};

/** A helper function the text defines: its parameter list, its one returned expression (null: a body that is more), where its header is. */
export interface HelperFunction {
  params: string;
  body: string | null;
  index: number;
}

/**
 * The function whose parameter list opens at `open` (`(a, ...b) {`, `(a) =>`, `a =>`): its
 * parameters and its one returned expression (an arrow's expression, or a block that is one
 * `return`; null for any other body). Null when no function body follows the list (a call).
 */
export const functionAt = (text: string, open: number): { params: string; body: string | null } | null => {
  let params: string;
  let after: number;
  if (text[open] === '(') {
    const list = balancedText(text, open, 2_000);
    if (list === null) return null;
    params = list.slice(1, -1);
    after = open + list.length;
  } else {
    const bare = new RegExp(String.raw`^(${IDENTIFIER_SOURCE})\s*`).exec(text.slice(open, open + 200));
    if (bare === null) return null;
    params = bare[1];
    after = open + bare[0].length;
  }
  const tail = /^\s*(?::[^{}=;]*?)?\s*(=>\s*)?/.exec(text.slice(after, after + 200));
  const start = after + (tail?.[0].length ?? 0);
  if (text[start] === '{') {
    const block = balancedText(text, start, CALL_ARGS_WINDOW);
    const ret = block === null ? null : /^\{\s*return\s+([\s\S]+?)\s*;?\s*\}$/.exec(block);
    return { params, body: ret === null || /;\s*\S/.test(ret[1]) ? null : ret[1] };
  }
  if (tail?.[1] === undefined) return null;
  // The arrow's expression, bounded (a one-line minified module is not read to its end).
  const end = expressionEnd(text, start);
  return end < 0 ? null : { params, body: text.slice(start, end).trim() };
};

/** An exported header: `export function f`, `exports.f =`, `module.exports.f =`. */
const EXPORTED = /^(?:export\b|(?:module\s*\.\s*)?exports\s*\.)/;

/**
 * The one function or method named `name` in `text` (a declaration, `const f = (…) =>`, `f: function (…)`,
 * `exports.f = …`, a class's `static f(…) {`). When the module defines the name more than once (a
 * function and another object's member of that name), the exported one, else none: the helper a
 * caller reaches is not guessed.
 */
export const functionNamed = (text: string, name: string): HelperFunction | null => {
  if (!text.includes(name)) return null;
  const n = escapeRegExp(name);
  const headers = [
    new RegExp(String.raw`\b(?:export\s+(?:default\s+)?)?(?:async\s+)?function\s*\*?\s*${n}\s*\(`, 'g'),
    // Blanks after a separator are spaces and tabs (a line break is a separator): `\s*` there would rescan a run of blank lines from each of its breaks.
    new RegExp(String.raw`(?:^|[\n;{}])[ \t]*(?:(?:static|async|public|export)\s+)*${n}\s*\(`, 'g'),
    new RegExp(String.raw`(?:\b(?:const|let|var)\s+|\bexports\s*\.\s*|\bmodule\s*\.\s*exports\s*\.\s*|[\n{,][ \t]*)${n}\s*[=:]\s*(?:async\s+)?(?:function\b\s*[\w$]*\s*)?(?=\()`, 'g'),
    new RegExp(String.raw`(?:\b(?:const|let|var)\s+|\bexports\s*\.\s*)${n}\s*=\s*(?:async\s+)?(?=${IDENTIFIER_SOURCE}\s*=>)`, 'g'),
  ];
  const found = new Map<number, HelperFunction & { exported: boolean }>();
  for (const header of headers) {
    for (const m of text.matchAll(header)) {
      const open = (m.index ?? 0) + m[0].length - (m[0].endsWith('(') ? 1 : 0);
      if (found.has(open)) continue;
      const fn = functionAt(text, open);
      // The header's own first character (the pattern may open on the separator before it).
      const head = m[0].slice(Math.max(0, m[0].search(/[^\s;{},]/)));
      if (fn !== null) found.set(open, { ...fn, index: (m.index ?? 0) + Math.max(0, m[0].search(/[^\s;{},]/)), exported: EXPORTED.test(head) });
    }
  }
  const all = [...found.values()];
  const exported = all.filter((f) => f.exported);
  const one = all.length === 1 ? all[0] : exported.length === 1 ? exported[0] : null;
  return one === null ? null : { params: one.params, body: one.body, index: one.index };
};

/**
 * `body` (a helper's returned expression) with its parameters replaced by a call's literals (a
 * rest parameter by all the remaining ones, spread in its place), or null: no body, a parameter
 * census cannot read, a literal it cannot put in a string, more literals than parameters.
 * `const getPkgPath = name => path.dirname(require.resolve(`${name}/package.json`))` called as
 * `getPkgPath('strapi-admin')` reads as `path.dirname(require.resolve(`strapi-admin/package.json`))`.
 */
export const inlined = (params: string, body: string | null, values: readonly string[]): string | null => {
  if (body === null || values.some((v) => /[`'"\\$\n]/.test(v))) return null;
  let out = body;
  const names = paramNames(params);
  const raw = names.length === 0 ? [] : splitArgs(params);
  for (const [i, name] of names.entries()) {
    if (name === null) return null;
    const p = escapeRegExp(name);
    if (raw[i].trim().startsWith('...')) {
      const quoted = values.slice(i).map((v) => `'${v}'`);
      // `f(...fileName)` / `resolve(root, ...fileName)`: the literals spread in its place.
      out = out.replace(new RegExp(String.raw`,?\s*\.\.\.${p}(?![\w$])`, 'g'), (m) => (quoted.length === 0 ? '' : `${m.startsWith(',') ? ', ' : ''}${quoted.join(', ')}`));
      return new RegExp(String.raw`(?<![\w$.])${p}(?![\w$])`).test(out) ? null : out;
    }
    const value = values[i];
    if (value === undefined) return null;
    out = out.replace(new RegExp(String.raw`\$\{\s*${p}\s*\}`, 'g'), value).replace(new RegExp(String.raw`(?<![\w$.'"\`])${p}(?![\w$'"\`])`, 'g'), `'${value}'`);
  }
  return values.length > names.length ? null : out;
};

/** The path module held on an object (`obj.path.join(…)`, MeshCentral's habit): read as `path.join(…)`. */
const HELD_PATH_MODULE = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)+(?=path\s*\.\s*(?:join|resolve)\()/;
/**
 * An override read first (`process.env.X_PLUGINS || path.join(__dirname, 'plugins')`, or `??`): the
 * folder is the fallback, the one the package ships and an install nobody configured uses, as
 * env-folders.ts reads the same shape assigned to a variable (Stop 60).
 */
export const ENV_OVERRIDE = /^process\s*\.\s*env\s*(?:\.\s*[A-Za-z_$][\w$]*|\[\s*(["'])[^"'\n]+\1\s*\])\s*(?:\|\||\?\?)\s*/;

/** `path.join(base, 'a', 'b')` / `path.resolve(…)`: the base and the literal parts. */
const JOIN_CALL = new RegExp(String.raw`^(?:path\s*\.\s*)?(?:join|resolve)\(\s*([^,()]+(?:\([^()]*(?:\([^()]*\))?[^()]*\))?(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*((?:,\s*${LITERAL}\s*)*)\)$`);

/**
 * The repo root as a join's base is `.`: path.join(__dirname, '/lib/versioned/') is a folder below
 * the module's (gulp-cli's root index.js:27), but joined onto `''` the leading `/` made it absolute.
 */
const joinBase = (base: string): string => (base === '' ? '.' : base);

/**
 * path.resolve (unlike path.join) starts again at the root on a part that begins with `/`:
 * `path.resolve(__dirname, '/etc/app')` is /etc/app, outside the repo, so it names no repo folder.
 */
const RESOLVE_JOIN = /^(?:path\s*\.\s*)?resolve\(/;
const resolvesOutside = (call: string, parts: readonly string[]): boolean => RESOLVE_JOIN.test(call) && parts.some((p) => p.startsWith('/'));

/**
 * Stop 65: a join or resolve of one template that opens with the folder is that template
 * (`path.resolve(`${__dirname}/eslint-rules`)`: gatsby's dist/utils/eslint-config.js:7).
 */
const ONE_TEMPLATE_JOIN = /^(?:path\s*\.\s*)?(?:join|resolve)\(\s*(`\$\{[^{}`]+\}[^`$]*`)\s*\)$/;

const folderIn = (expr: string, file: string, text: string, scope: FolderScope | null, depth: number, why: string[]): string | null => {
  const held = expr.trim().replace(ENV_OVERRIDE, '').replace(HELD_PATH_MODULE, '');
  const one = ONE_TEMPLATE_JOIN.exec(held);
  const e = one === null ? held : templateAsJoin(one[1]);
  const call = JOIN_CALL.exec(e);
  if (call) {
    const parts = literalTexts(call[2]);
    if (resolvesOutside(e, parts)) return null;
    const below = joinedBelow(call[1], parts, file, text, scope, why);
    if (below !== null) return below;
    const base = baseOf(call[1], file, text, scope, depth, why);
    if (base === null) return null;
    return joinRepo(joinBase(base), ...parts);
  }
  return baseOf(e, file, text, scope, depth, why);
};

/**
 * `${base}/a/b` (a template literal that opens with its one substitution) as `path.join(base, 'a/b')`,
 * the same folder spelled as a join, which the readers read; anything else as it is. testem serves
 * `${__dirname}/../../public/testem`, webpack-bundle-analyzer `${projectRoot}/public`.
 */
export const templateAsJoin = (expr: string): string => {
  const m = /^`\$\{\s*([^{}`]+?)\s*\}(\/[^`$'\\]*)?`$/.exec(expr.trim());
  return m ? `path.join(${m[1]}, '${(m[2] ?? '').replace(/^\/+/, '')}')` : expr;
};

/** The repo folder `expr` names in `file` (whose text is `text`), with the settings it went through, or null. */
export const explainedFolderOf = (expr: string, file: string, text: string, scope: FolderScope | null = null): ExplainedFolder | null => {
  const why: string[] = [];
  const folder = folderIn(expr, file, text, scope, 0, why);
  return folder === null ? null : { folder, why };
};

/** A region of the text (a function's body: function-region.ts) in which a local's assignments are looked for. */
export interface TextRegion {
  start: number;
  end: number;
}

/**
 * An assignment's value ends at its first top-level comma: `=` binds tighter than `,` in JS, so
 * `var A = "a.js", cache, timer;` gives A `"a.js"` (the names after it are declarators of their own)
 * and the expression `D = x, y` gives D `x`; a comma inside a call, a literal or brackets is the
 * value's own (`path.join(__dirname, 'x')`). A `)` or `]` that closes a bracket opened before the
 * value (`f(a = 1)`) leaves the value as it was.
 */
const ownValue = (value: string): string => {
  if (!value.includes(',')) return value;
  const comma = topLevelIndex(value, 0, (c) => c === ',', value.length);
  return comma < 0 || value[comma] !== ',' ? value : value.slice(0, comma).trim();
};

/** The values assigned to `name` in the region: `name = value` and `var name = value`, in order. */
export const assignmentsIn = (name: string, text: string, region: TextRegion): { value: string; index: number }[] => {
  // The index holds whole names: a region that starts inside one (none census makes) is scanned.
  const indexed = NAME.test(name) && (region.start === 0 || !/[\w$]/.test(text[region.start - 1]));
  const assignment = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*=(?![=>])\s*([^\n;]+)`, indexed ? 'y' : 'g');
  const inRegion = text.slice(region.start, region.end);
  if (!assignment.sticky) return [...inRegion.matchAll(assignment)].map((m) => ({ value: ownValue(m[1].trim()), index: region.start + (m.index ?? 0) }));
  // The pattern is tried only where the name stands before an `=` (assignedNames), as the scan of
  // the region would have met those places: one past another's value is skipped.
  const out: { value: string; index: number }[] = [];
  const places = assignedNames(text).get(name) ?? [];
  let next = region.start;
  for (let k = lowerBound(places, (p) => p, region.start); k < places.length && places[k] < region.end; k++) {
    if (places[k] < next) continue;
    assignment.lastIndex = places[k] - region.start;
    const m = assignment.exec(inRegion);
    if (m === null) continue;
    out.push({ value: ownValue(m[1].trim()), index: places[k] });
    next = places[k] + m[0].length;
  }
  return out;
};

/**
 * Where each name stands right before an `=` (not `==` or `=>`) in the last text asked about: a
 * loader file of thousands of listings asks for each listed name's assignments, and a scan of the
 * whole text (a listing outside any function) per name was quadratic (review s59).
 */
let assigned: { text: string; places: Map<string, number[]> } | null = null;
const ASSIGNED_NAME = /(?<![\w$])[\w$]+(?=\s*=(?![=>]))/g;
const assignedNames = (text: string): Map<string, number[]> => {
  if (assigned !== null && assigned.text === text) return assigned.places;
  const places = new Map<string, number[]>();
  for (const m of text.matchAll(ASSIGNED_NAME)) {
    let list = places.get(m[0]);
    if (list === undefined) places.set(m[0], (list = []));
    list.push(m.index ?? 0);
  }
  assigned = { text, places };
  return places;
};

/** A conditional's `?` (not `??` or `?.`). */
const isQuestion = (expr: string) => (c: string, at: number): boolean => c === '?' && expr[at + 1] !== '?' && expr[at + 1] !== '.' && expr[at - 1] !== '?';

/** The two branches of `cond ? a : b` at the top level of `expr`, or null (none, or a conditional nested in its first branch). */
const conditionalBranches = (expr: string): [string, string] | null => {
  const q = topLevelIndex(expr, 0, isQuestion(expr), expr.length);
  const colon = q < 0 ? -1 : topLevelIndex(expr, q + 1, (c) => c === ':', expr.length);
  if (colon < 0) return null;
  const nested = topLevelIndex(expr, q + 1, isQuestion(expr), expr.length);
  return nested >= 0 && nested < colon ? null : [expr.slice(q + 1, colon).trim(), expr.slice(colon + 1).trim()];
};

/** The conditional a `const`/`let`/`var` of `name` holds (`const rootDir = cond\n  ? a\n  : b;`, up to its `;` outside strings and brackets), or null. */
const declaredConditional = (text: string, name: string): { branches: [string, string]; index: number } | null => {
  const d = declaration(text, name, (c) => c === ';' || c === ',');
  const branches = d === undefined || d.end < 0 ? null : conditionalBranches(text.slice(d.start, d.end).trim());
  return branches === null || d === undefined ? null : { branches, index: d.index };
};

/**
 * Whether an assignment at `at` runs whenever the one at `from` does: the braces between them
 * close what they open (it is in no nested block or loop body), and no `if (…)`, `else`, `for`,
 * `while`, conditional, `&&`/`||` or (review s64-rv2) arrow without braces (`later(() => dir = …)`,
 * run when and as often as it is called) heads its statement. Read from the text: strings holding
 * braces make it answer false, which keeps the earlier value (the old reading).
 */
const unconditionalAfter = (text: string, from: number, at: number): boolean => {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0 && !/(?:\)|\belse|[?:(]|&&|\|\||=>)\s*$/.test(text.slice(Math.max(0, at - 200), at));
};

/**
 * Stop 64: the folders a local may hold, from its assignments in the region. An assignment that
 * reads the name itself (`dir = path.join(dir, 'plugins')`) is a step from the values assigned
 * before it, not a value of its own; when it always runs after them it replaces them
 * (`let dir = __dirname; dir = path.join(dir, 'plugins'); fs.readdirSync(dir)` lists plugins/ only,
 * where each assignment read as a candidate listed the module's own folder too); a step after the
 * use (`use`, the listing's position) or with no use known replaces nothing. Any other
 * assignment is one candidate more (branches: `dir = a` in one, `dir = b` in another).
 */
const assignedCandidates = (
  name: string,
  assigned: { value: string; index: number }[],
  file: string,
  text: string,
  scope: FolderScope | null,
  region: TextRegion | null,
  depth: number,
  use: number | undefined,
): ExplainedFolder[] => {
  const self = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}(?![\w$])`);
  let out: ExplainedFolder[] = [];
  for (const a of assigned) {
    if (region === null || !self.test(a.value)) {
      out.push(...candidatesIn(a.value, file, text, scope, region, depth + 1, use));
      continue;
    }
    const stepped = candidatesIn(a.value, file, text, scope, { start: region.start, end: a.index }, depth + 1, a.index);
    // Review s64-rv2: a step after the use (`if (flat) return fs.readdirSync(dir)…; dir = path.join(dir, 'extra')`)
    // replaces nothing the use reads: the earlier values stay candidates.
    out = use !== undefined && a.index < use && unconditionalAfter(text, assigned[0].index, a.index) ? stepped : [...out, ...stepped];
  }
  return out;
};

/** `use`: where the expression is read (a listing's position), when known: a step replaces earlier values only before it. */
const candidatesIn = (expr: string, file: string, text: string, scope: FolderScope | null, region: TextRegion | null, depth: number, use?: number): ExplainedFolder[] => {
  const e = expr.trim().replace(ENV_OVERRIDE, '').replace(HELD_PATH_MODULE, '');
  const call = JOIN_CALL.exec(e);
  const base = call ? call[1].trim() : e;
  const parts = call ? [...call[2].matchAll(new RegExp(LITERAL, 'g'))].map((m) => literal(m[0])) : [];
  if (call) {
    const why: string[] = [];
    const below = joinedBelow(base, parts, file, text, scope, why);
    if (below !== null) return [{ folder: below, why }];
  }
  let bases: ExplainedFolder[];
  const named = depth < MAX_DEPTH && NAME.test(base) && base !== '__dirname';
  const assigned = named && region !== null ? assignmentsIn(base, text, region) : [];
  // `path.resolve(rootDir, 'public')`, `const rootDir = cond ? path.resolve(__dirname, '..') : path.resolve(__dirname, '..', '..')`.
  const conditional = named && assigned.length === 0 ? declaredConditional(text, base) : null;
  if (assigned.length > 0) bases = assignedCandidates(base, assigned, file, text, scope, region, depth, use);
  else if (conditional !== null) {
    const step = (branch: string) => `${base} = ${branch.replace(/\s+/g, ' ')} at ${file}:${lineAt(text, conditional.index)} (one branch of its conditional)`;
    bases = conditional.branches.flatMap((branch) => candidatesIn(branch, file, text, scope, region, depth + 1, use).map((c) => ({ folder: c.folder, why: [...c.why, step(branch)] })));
  } else {
    const why: string[] = [];
    const one = baseOf(base, file, text, scope, depth, why);
    bases = one === null ? [] : [{ folder: one, why }];
  }
  const out = new Map<string, ExplainedFolder>();
  for (const b of bases) {
    const folder = joinRepo(b.folder, ...parts);
    if (folder !== null && !out.has(folder)) out.set(folder, { folder, why: b.why });
  }
  return [...out.values()];
};

/**
 * Every repo folder `expr` may name when a local it goes through is assigned more than once in
 * the region (`dir = path.join(root, 'min'); … dir = path.join(root, 'full')`, `root` itself set
 * from a setting or from `__dirname`), or a `const` it goes through holds a conditional: each
 * assignment or branch census can read is a candidate, the others are left out (as conditional
 * alias branches are). A name with no assignment in the region is read as folderOf reads it.
 * Bounded to the region: no flow between functions or files.
 */
export const folderCandidatesOf = (expr: string, file: string, text: string, region: TextRegion, scope: FolderScope | null = null, use?: number): string[] =>
  candidatesIn(expr, file, text, scope, region, 0, use).map((c) => c.folder);

/**
 * The repo folders `expr` may name in `file`, each with the settings and branches it went through:
 * explainedFolderOf's one folder, or one per branch of a conditional `const` it goes through
 * (The Lounge's `path.resolve(rootDir, …)`, `rootDir` chosen between two folders by NODE_ENV).
 */
export const explainedCandidatesOf = (expr: string, file: string, text: string, scope: FolderScope | null = null): ExplainedFolder[] => candidatesIn(expr, file, text, scope, null, 0);

/** The repo folder `expr` names in `file` (whose text is `text`), or null. */
export const folderOf = (expr: string, file: string, text: string, scope: FolderScope | null = null): string | null => explainedFolderOf(expr, file, text, scope)?.folder ?? null;

/** The top-level comma-separated parts of a call's argument text (commas inside brackets or quotes stay); another `separator` (`&&`) splits an expression so. */
export const splitArgs = (s: string, separator = ','): string[] => {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote && s[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === separator[0] && depth === 0 && s.startsWith(separator, i)) {
      out.push(s.slice(start, i).trim());
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
};

/** A join part: a literal, a name whose `const` holds a literal, else one folder name census cannot know: `*`. */
const partOf = (part: string, text: string): string => {
  if (new RegExp(`^${LITERAL}$`).test(part)) return literal(part);
  if (!NAME.test(part)) return '*';
  const decl = declaredValue(text, part);
  return decl !== undefined && new RegExp(`^${LITERAL}$`).test(decl) ? literal(decl) : '*';
};

/**
 * The folders `expr` may name when a part of it is computed at run time: as folderOf, but a join
 * part census cannot read (`path.resolve(__dirname, suite, 'app')`, `suite` from an environment
 * variable) stands for any one folder name, `*`, so the result is a glob. Null when the base is not
 * read or no literal part follows it (a bare `*` under the base would name every folder).
 */
export const folderPatternOf = (expr: string, file: string, text: string, scope: FolderScope | null = null, depth = 0): string | null => {
  const e = expr.trim();
  const exact = folderIn(e, file, text, scope, depth, []);
  if (exact !== null) return exact;
  const call = /^(?:path\s*\.\s*)?(?:join|resolve)\(([\s\S]*)\)$/.exec(e);
  if (call) {
    const [base, ...parts] = splitArgs(call[1]);
    const root = base === undefined ? null : baseOf(base, file, text, scope, depth, []);
    if (root === null) return null;
    const segments = parts.map((p) => partOf(p, text));
    if (resolvesOutside(e, segments)) return null;
    return segments.some((s) => s !== '*' && s !== '') ? joinRepo(joinBase(root), ...segments) : null;
  }
  if (depth >= MAX_DEPTH || !NAME.test(e)) return null;
  const decl = declaredValue(text, e);
  return decl ? folderPatternOf(decl, file, text, scope, depth + 1) : null;
};

/**
 * The folder `name` holds as a relative specifier (`../lib`), for `require(name + '/tail')`, when
 * `name` is declared once in the file (`const`/`let`/`var`) holding a folder folderOf settles:
 * homebridge's bin runs `const lib = path.join(path.dirname(fs.realpathSync(__filename)), "../lib");
 * require(lib + '/cli')`, read as `../lib` + `/cli`. Null when the name is declared more than once or
 * holds anything else. The caller checks the tail starts a path below it and the name is no parameter.
 * `__dirname` declared nowhere in the file is Node's CommonJS module wrapper's, the module's own folder
 * (`require(__dirname + '/lib/a')`).
 */
export const folderSpecifier = (name: string, file: string, text: string): string | null => {
  const declared = text.match(new RegExp(String.raw`\b(?:const|let|var|function|class)\s+${escapeRegExp(name)}(?![\w$])`, 'g'));
  if (name === '__dirname' && declared === null) return '.';
  if (declared?.length !== 1) return null;
  const folder = folderOf(name, file, text);
  if (folder === null) return null;
  const rel = posix.relative(`/${dirname(file)}`, `/${folder}`);
  return rel === '' ? '.' : rel.startsWith('..') ? rel : `./${rel}`;
};
