/**
 * Strings the code spells out, as far as they can be known without running it: literals,
 * substitution-free templates, and the usual ways of naming a file next to the current one
 * (`path.join(__dirname, 'x.js')`, `new URL('./x.js', import.meta.url)`, `require.resolve('./x')`).
 * Paths anchored at the current file come out relative to the file's folder (`./x.js`,
 * `../tools/y.js`): the convention every code-found path follows downstream. Literal strings stay
 * as written; anything computed at run time is null.
 */
import { basename, posix } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { type AstNode, dottedName, literalString, nodeAt, nodesAt, unwrap } from './ast.js';

export interface ValueContext {
  /** Repo-relative path of the file being extracted. */
  file: string;
  /** Its text, for quoting run-time parts as written. */
  text: string;
  /** Names the file binds to its own folder or path (see ownPathNames). */
  ownNames?: OwnPathNames;
}

/**
 * The right side of a declaration that text-reading readers take as the file's own folder:
 * `dirname(x)` of any name, or `path.dirname(fileURLToPath(import.meta.url))`. Looser than
 * ownPathNames, which also checks that `x` holds the file's path: those readers have no AST.
 */
export const OWN_FOLDER_DECLARATION = /^(?:path\s*\.\s*)?dirname\(\s*(?:\w+|fileURLToPath\(\s*import\.meta\.url\s*\))\s*\)$/;

/** Local names an ES module gives its own folder and path, since it has no `__dirname`. */
export interface OwnPathNames {
  folders: ReadonlySet<string>;
  files: ReadonlySet<string>;
  /**
   * Callees bound to desm's `join` (`import { join } from 'desm'`, or `desm.join` of its default
   * import): `join(import.meta.url, 'x.js')` is `path.join(dirname(fileURLToPath(url)), 'x.js')`,
   * the file beside this one, where a path `join` of a URL names nothing.
   */
  urlJoins: ReadonlySet<string>;
  /**
   * Names of a URL built from a relative literal and the module's own URL, each with the folder a
   * relative path resolves against from it, relative to the module's folder (`.`, `../..`):
   * `const BUILD_ROOT = new URL('./', import.meta.url)` makes `new URL('extract/worker.js', BUILD_ROOT)`
   * the file `./extract/worker.js` (census's own src/own-files.ts, whose EXTRACT_WORKER is the
   * extraction pool's `new Worker(…)`); astro's `const PKG_BASE = new URL("../../", import.meta.url)`
   * makes `new URL("templates/env.mjs", PKG_BASE)` the file `../../templates/env.mjs`
   * (dist/env/constants.js:8-9, read by vite-plugin-env.js as the virtual module's template).
   */
  folderUrls: ReadonlyMap<string, string>;
}

/** `fileURLToPath(import.meta.url)` (also `url.fileURLToPath`): an ES module's own file, as a pattern's source (folder-expr.ts builds on it). */
export const FILE_URL_OF_MODULE = String.raw`(?:url\s*\.\s*)?fileURLToPath\(\s*import\.meta\.url\s*\)`;
const DECLARED = String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*string\s*)?=\s*`;
const FILE_ALIAS = new RegExp(`${DECLARED}${FILE_URL_OF_MODULE}`, 'g');
// The braces' span is bounded: an unclosed `import {` (in a string, or many of them) is not searched to the end of the text from each.
const DESM_NAMED = /\bimport\s*\{([^}]{0,1000})\}\s*from\s*['"]desm['"]/g;
/** desm's default import or its namespace (`import * as desm from 'desm'`): either object's `join`. */
const DESM_DEFAULT = /\bimport\s+(?:\*\s*as\s+)?([A-Za-z_$][\w$]*)\s*(?:,\s*\{[^}]{0,1000}\}\s*)?from\s*['"]desm['"]/g;

/** Local names of desm's `join`: `join`, `join as j`, or `d.join` of `import d from 'desm'` or `import * as d from 'desm'`. */
const desmJoins = (text: string): Set<string> => {
  const names = new Set<string>();
  if (!text.includes('desm')) return names;
  for (const m of text.matchAll(DESM_NAMED)) {
    for (const spec of m[1].split(',')) {
      const named = /^\s*join(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*$/.exec(spec);
      if (named) names.add(named[1] ?? 'join');
    }
  }
  for (const m of text.matchAll(DESM_DEFAULT)) names.add(`${m[1]}.join`);
  return names;
};
/**
 * `const ROOT = new URL('./', import.meta.url)` (or `'.'`, `'../../'`, `'./x.js'`, a `: URL` annotation):
 * a URL at a place relative to the module. The literal is a relative path of plain segments only
 * (no query, fragment, scheme or escape), so where it points is known exactly.
 */
const FOLDER_URL_ALIAS = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*URL\s*)?=\s*new\s+URL\(\s*(['"`])(\.\.?(?:\/[^'"`\\$?#:\s/]*)*)\2\s*,\s*import\.meta\.url\s*\)/g;
/**
 * The folder a relative path resolves against from a URL at `relative` (the module's folder being
 * `.`), as URL resolution does it: a URL whose last segment is empty, `.` or `..` is that folder
 * (`new URL('../..', base)` ends in a slash), any other is a file whose folder is its parent.
 */
const urlFolder = (relative: string): string => {
  const last = relative.slice(relative.lastIndexOf('/') + 1);
  const folder = last === '' || last === '.' || last === '..' ? relative : posix.dirname(relative);
  return posix.normalize(folder).replace(/\/$/, '') || '.';
};
/**
 * Whether a name is assigned once in the text (its declaration): `let ROOT = new URL('./', import.meta.url)`
 * then `ROOT = new URL('https://example.org/')` is another URL from then on, and census does not follow which.
 */
const assignedOnce = (text: string, name: string): boolean =>
  !new RegExp(String.raw`(?<![\w$.]|\b(?:const|let|var)\s+)${escapeRegExp(name)}\s*(?:=(?![=>])|\+=)`).test(text);
const FOLDER_ALIAS = new RegExp(String.raw`${DECLARED}(?:path\s*\.\s*)?dirname\(\s*(?:${FILE_URL_OF_MODULE}|([A-Za-z_$][\w$]*))\s*\)`, 'g');

/**
 * `const _filename = fileURLToPath(import.meta.url)` and `const _dirname = dirname(_filename)`
 * (or `path.dirname(fileURLToPath(import.meta.url))`): the way ES modules name their own path
 * and folder, under any name, so `path.resolve(_dirname, 'init.js')` reads as `./init.js`.
 * Declarations are matched in the text, not scoped: a name reused for something else in an inner
 * scope would read as the folder too, which no file seen so far does.
 */
export const ownPathNames = (text: string): OwnPathNames | undefined => {
  if (!text.includes('import.meta.url') && !text.includes('__filename')) return undefined;
  const files = new Set<string>(['__filename']);
  for (const m of text.matchAll(FILE_ALIAS)) files.add(m[1]);
  const folders = new Set<string>();
  for (const m of text.matchAll(FOLDER_ALIAS)) if (m[2] === undefined || files.has(m[2])) folders.add(m[1]);
  files.delete('__filename');
  const urlJoins = desmJoins(text);
  const folderUrls = new Map<string, string>();
  if (text.includes('new URL')) for (const m of text.matchAll(FOLDER_URL_ALIAS)) if (assignedOnce(text, m[1])) folderUrls.set(m[1], urlFolder(m[3]));
  return files.size > 0 || folders.size > 0 || urlJoins.size > 0 || folderUrls.size > 0 ? { folders, files, urlJoins, folderUrls } : undefined;
};

const DIR_NAMES = new Set(['__dirname', 'import.meta.dirname']);
const FILE_NAMES = new Set(['__filename', 'import.meta.filename', 'import.meta.url']);
const JOIN_CALLS = new Set(['path.join', 'path.resolve', 'join', 'resolve', 'posix.join', 'path.posix.join']);
const FILE_URL_CALLS = new Set(['fileURLToPath', 'url.fileURLToPath']);

const isFileRelative = (p: string): boolean => p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../');

/** A path relative to the file's folder, normalised and spelled `./x` / `../x` so it reads as one. */
const besideFile = (relative: string): string => {
  const normal = posix.normalize(relative);
  return posix.isAbsolute(normal) || isFileRelative(normal) ? normal : `./${normal}`;
};

/** `path.join(__dirname, 'a', 'b')` → `./a/b`; a join of plain literals stays as written (`a/b`). */
const joinArgs = (ctx: ValueContext, args: AstNode[]): string | null => {
  if (args.length === 0) return null;
  const parts: string[] = [];
  for (const arg of args) {
    const value = evaluateString(arg, ctx);
    if (value === null) return null;
    parts.push(value);
  }
  const joined = posix.join(...parts);
  return isFileRelative(parts[0]) ? besideFile(joined) : joined;
};

/**
 * The folder, relative to this module's, that a `new URL(…, base)`'s base resolves relative paths
 * against: `.` for the module's own URL, the folder of a name in ownPathNames' folderUrls; null for
 * any other base (a parameter, a URL from elsewhere), which census does not follow.
 */
const ownUrlFolder = (base: AstNode | null, ctx: ValueContext): string | null => {
  const name = dottedName(base);
  if (name === 'import.meta.url') return '.';
  return name === null ? null : (ctx.ownNames?.folderUrls.get(name) ?? null);
};

/** Whether a `new URL(…, base)`'s base is this module's own URL or a name of a URL relative to it (ownUrlFolder). */
export const isOwnUrlBase = (base: AstNode | null, ctx: ValueContext): boolean => ownUrlFolder(base, ctx) !== null;

/** A relative URL path of plain segments: no scheme, query, fragment, escape or root, so it joins onto a folder as a path does. */
const PLAIN_URL_PATH = /^[^/\\:?#][^\\:?#]*$/;

/**
 * `new URL('./x.js', import.meta.url)` → `./x.js`, beside this file; `new URL('x.js', BASE)` with BASE
 * a name in folderUrls → `x.js` below BASE's folder (`../../templates/env.mjs` for astro's PKG_BASE).
 */
const urlBesideFile = (node: AstNode, ctx: ValueContext): string | null => {
  if (node.type !== 'NewExpression' || dottedName(nodeAt(node, 'callee')) !== 'URL') return null;
  const [target, base] = nodesAt(node, 'arguments');
  const folder = target ? ownUrlFolder(base ?? null, ctx) : null;
  if (folder === null) return null;
  const relative = literalString(target);
  if (relative === null) return null;
  if (folder === '.') return besideFile(relative);
  return PLAIN_URL_PATH.test(relative) ? besideFile(posix.join(folder, relative)) : null;
};

const DIRNAME_CALLS = new Set(['dirname', 'path.dirname', 'posix.dirname', 'path.posix.dirname']);

const evaluateCall = (node: AstNode, ctx: ValueContext): string | null => {
  const callee = dottedName(nodeAt(node, 'callee'));
  const args = nodesAt(node, 'arguments');
  if (callee === null) return null;
  if (ctx.ownNames?.urlJoins.has(callee)) {
    // desm's join takes the folder of a module URL; any other first argument is not known here.
    if (args.length < 2 || dottedName(unwrap(args[0])) !== 'import.meta.url') return null;
    const rest = joinArgs(ctx, args.slice(1));
    return rest === null || posix.isAbsolute(rest) ? null : besideFile(rest);
  }
  if (JOIN_CALLS.has(callee)) return joinArgs(ctx, args);
  if (DIRNAME_CALLS.has(callee) && args.length === 1) {
    // `dirname(fileURLToPath(import.meta.url))`: the folder of a path beside this file.
    const path = evaluateString(args[0], ctx);
    return path !== null && isFileRelative(path) ? besideFile(posix.dirname(path)) : null;
  }
  if (FILE_URL_CALLS.has(callee) && args[0]) {
    const inner = unwrap(args[0]);
    return inner ? (urlBesideFile(inner, ctx) ?? (dottedName(inner) === 'import.meta.url' ? besideFile(basename(ctx.file)) : null)) : null;
  }
  if (callee === 'require.resolve' || callee === 'import.meta.resolve') {
    const specifier = literalString(args[0] ?? null);
    if (specifier === null) return null;
    return isFileRelative(specifier) ? besideFile(specifier) : specifier;
  }
  return null;
};

export const evaluateString = (input: AstNode | null, ctx: ValueContext): string | null => {
  const node = unwrap(input);
  if (!node) return null;
  const literal = literalString(node);
  if (literal !== null) return literal;
  const name = dottedName(node);
  if (name !== null) {
    if (name === 'process.execPath') return 'node';
    if (DIR_NAMES.has(name) || ctx.ownNames?.folders.has(name)) return '.';
    if (FILE_NAMES.has(name) || ctx.ownNames?.files.has(name)) return besideFile(basename(ctx.file));
    return null;
  }
  switch (node.type) {
    case 'CallExpression':
      return evaluateCall(node, ctx);
    case 'NewExpression':
      return urlBesideFile(node, ctx);
    case 'MemberExpression': {
      // `new URL('./x.js', import.meta.url).pathname`
      const object = unwrap(nodeAt(node, 'object'));
      const property = nodeAt(node, 'property');
      return object && !node.computed && property?.name === 'pathname' ? urlBesideFile(object, ctx) : null;
    }
    case 'TemplateLiteral': {
      const template = describeTemplate(node, ctx);
      return template.complete ? template.text : null;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return null;
      const left = evaluateString(nodeAt(node, 'left'), ctx);
      const right = evaluateString(nodeAt(node, 'right'), ctx);
      if (left === null || right === null) return null;
      // `__dirname + '/x.js'`: a path beside the file, not a string glued to '.'.
      if (DIR_NAMES.has(dottedName(nodeAt(node, 'left')) ?? '') && right.startsWith('/')) return besideFile(`.${right}`);
      return left + right;
    }
    default:
      return null;
  }
};

/** How a run-time value reads in a command: `${name}` as written, or `${…}` when long. */
export const placeholder = (node: AstNode, ctx: ValueContext): string => {
  const source = ctx.text.slice(node.start, node.end);
  return source.length <= 40 && !source.includes('\n') ? `\${${source}}` : '${…}';
};

/**
 * A template's text with every substitution that can be known filled in and the others kept as
 * written (`node scripts/${name}.js`); `complete` when nothing was left open.
 */
export const describeTemplate = (node: AstNode, ctx: ValueContext): { text: string; complete: boolean } => {
  const quasis = nodesAt(node, 'quasis');
  const expressions = nodesAt(node, 'expressions');
  let text = '';
  let complete = true;
  for (let i = 0; i < quasis.length; i++) {
    const value = quasis[i].value as { cooked?: unknown; raw?: unknown } | undefined;
    text += typeof value?.cooked === 'string' ? value.cooked : typeof value?.raw === 'string' ? value.raw : '';
    if (i < expressions.length) {
      const known = evaluateString(expressions[i], ctx);
      if (known === null) complete = false;
      text += known ?? placeholder(expressions[i], ctx);
    }
  }
  return { text, complete };
};
