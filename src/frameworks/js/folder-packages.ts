/**
 * Packages whose one call requires every file of a folder, so nothing imports those files by name:
 *
 * - require-directory: `requireDirectory(module, './routes', { recurse: false })` — the folder is
 *   relative to the calling module (its own folder when left out), recursive unless `recurse:
 *   false`, `.js` files (`extensions`, a list or a const holding one, widens it; one census cannot
 *   read takes every code file, with a warning), never the calling file itself;
 * - require-all: `requireAll(__dirname + '/controllers')` or `requireAll({ dirname, filter,
 *   recursive })` — an absolute folder, recursive unless `recursive: false`, files matching
 *   `filter` (a regular expression on the file name, or a const holding one; any other filter
 *   leaves the call unread; default `.js`/`.json`, not dot-files);
 * - require-dir: `requireDir('./models', { recurse: true })` — relative to the calling module,
 *   its top level unless `recurse: true`;
 * - redbean-node: `R.autoloadModels('./server/model')` — `glob.sync(dir + '/*.js')` from where the
 *   process runs (the package folder `npm start` runs in), `.d.ts` left out;
 * - @fastify/autoload (Stop 51; every app `fastify generate` makes): `fastify.register(AutoLoad, {
 *   dir: path.join(__dirname, 'routes') })` — each script of each folder below `dir` (`.js`, `.cjs`,
 *   `.mjs`; `.ts` when the caller is TypeScript, run by a TS runtime or compiled beside it), except
 *   that a folder with an index script loads only that index (and its subfolders), as its README
 *   says; a literal `dir` is read by `readdir` from where the process runs (the package folder), not
 *   from the caller's; `maxDepth` (a literal) stops the walk, `autohooks` files count only with
 *   `autoHooks: true`. A call with its own filters (`matchFilter`, `ignoreFilter`, `ignorePattern`,
 *   `scriptPattern`, `indexPattern`; set as `key: x`, by shorthand or as a method) is not read: census
 *   does not run them. The options may be an object literal (`{ dir }` shorthand too) or
 *   `Object.assign({}, opts, { dir })`, whose literal parts are read and whose other parts (`opts`) add
 *   nothing; the plugin may be bound by `const { default: AutoLoad } = require(…)` as well (Stop 52). A
 *   `dir` that reads a parameter of a function around the call is the caller's: nothing is read.
 *
 * The folder must be read statically: a string literal (placed by the package's rule) or an
 * anchored expression (`__dirname`, `path.join(__dirname, 'x')`, `__dirname + '/x'`, a const
 * holding one). Each code file the call would load is referenced from the calling file, with the
 * call's line; a folder computed at run time names nothing.
 */
import { lineAt } from '../../util/lines.js';
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { moduleAliases } from '../../languages/javascript/module-binding.js';
import { objectMembers } from '../../languages/javascript/object-members.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { fileReference, sortedFiles } from './support.js';
import { escapeRegExp } from '../../util/regexp.js';
import { warning } from '../../util/diagnostics.js';
import { someParamListAround } from './function-region.js';
import { callArgsText, enclosingFunction } from './parameter-values.js';
import { blankedText } from './blanked-texts.js';

const CODE = /\.[cm]?[jt]sx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const PACKAGES = ['require-directory', 'require-all', 'require-dir', 'redbean-node', '@fastify/autoload', 'fastify-autoload'] as const;
type FolderPackage = (typeof PACKAGES)[number];

interface Call {
  pkg: FolderPackage;
  /** The call's arguments, as written. */
  args: string[];
  index: number;
}

const LITERAL = /^\s*(["'`])([^"'`$\n]*)\1\s*$/;

/** A call's arguments: the parts between the parenthesis at `open` and its match, as written (trimmed); null when they do not close. */
const argumentsAt = (text: string, open: number): string[] | null => {
  const args = callArgsText(text, open);
  return args === null ? null : splitArgs(args);
};

/** The names the file binds to each package (`const requireDir = require('require-dir')`, `import requireAll from 'require-all'`, `{ R }`). */
const callsIn = (text: string, imported: ReadonlySet<string>): Call[] => {
  const calls: Call[] = [];
  // The names the file binds each package to (module-binding.ts, the one binder): whole, or (Stop 52) autoload's
  // `default` export, which @fastify/autoload sets beside its CommonJS export; the others have none.
  const boundTo = new Map<string, string[]>();
  for (const a of moduleAliases(text, (m) => imported.has(m))) {
    if (a.member === null || (a.member === 'default' && a.module.includes('autoload'))) boundTo.set(a.module, [...(boundTo.get(a.module) ?? []), a.local]);
  }
  for (const pkg of PACKAGES) {
    if (!imported.has(pkg)) continue;
    const spec = String.raw`["']${escapeRegExp(pkg)}["']`;
    const callees: string[] = [];
    const names = boundTo.get(pkg) ?? [];
    if (pkg === 'redbean-node') callees.push(String.raw`\b[A-Za-z_$][\w$]*\s*\.\s*autoloadModels`);
    else if (pkg === '@fastify/autoload' || pkg === 'fastify-autoload') {
      // The plugin is registered, not called: `.register(AutoLoad, { dir })`; its arguments are read as a call's.
      // Stop 52: `const { default: AutoLoad } = require('@fastify/autoload')` binds it too.
      for (const name of names) callees.push(String.raw`\.\s*register(?=\s*\(\s*${escapeRegExp(name)}\s*,)`);
      // Registered without a name: `fastify.register(require('@fastify/autoload'), { dir })`.
      callees.push(String.raw`\.\s*register(?=\s*\(\s*require\(\s*${spec}\s*\)\s*,)`);
    } else {
      for (const name of names) callees.push(String.raw`\b${escapeRegExp(name)}`);
      callees.push(String.raw`\brequire\(\s*${spec}\s*\)`);
    }
    for (const callee of callees) {
      for (const m of text.matchAll(new RegExp(String.raw`${callee}\s*\(`, 'g'))) {
        const open = m.index + m[0].length - 1;
        const args = argumentsAt(text, open);
        if (args) calls.push({ pkg, args, index: m.index });
      }
    }
  }
  return calls;
};

/** `dirname: EXPR` / `recurse: true` in an options object literal (its own keys, as optionsOf reads them). */
const option = (arg: string | undefined, name: string): string | null => (arg?.startsWith('{') ? (optionsOf(arg)?.get(name) ?? null) : null);

/** The folder an expression names: a literal relative to `base`, or an anchored folder expression (`__dirname + '/x'` too). */
const folderNamed = (expr: string, file: string, text: string, base: string): string | null => {
  const literal = LITERAL.exec(expr);
  if (literal) return literal[2].startsWith('/') ? null : joinRepo(base, literal[2]);
  const concat = /^(.+?)\s*\+\s*(["'`])([^"'`$\n]*)\2$/.exec(expr.trim());
  if (concat) {
    const head = folderOf(concat[1], file, text);
    return head === null ? null : joinRepo(head, concat[3].replace(/^\//, ''));
  }
  return folderOf(expr, file, text);
};

/** Where a process started for `file` runs: its nearest package.json folder, else the repo root. */
const processFolder = (ctx: FrameworkContext, file: string): string => {
  const manifest = ctx.manifests.nearest(dirname(file), 'package.json');
  return manifest === null ? '' : dirname(manifest);
};

interface Selection {
  folder: string;
  /** The files loaded, when the package picks them by more than their names (autoload's index rule). */
  files?: string[];
  recursive: boolean;
  accepts: (name: string) => boolean;
  /** How the evidence describes what is loaded. */
  what: string;
}

const jsOnly = (name: string): boolean => /\.[cm]?js$/.test(name);

/**
 * The expression of the file's one `const NAME = …` when it is an array literal (`[…]`) or a
 * regular expression literal (`/…/flags`): what a shorthand `{ extensions }` or `filter: FILTER`
 * holds. Null when the name is declared more than once, declared otherwise, or holds anything else.
 */
const constLiteral = (text: string, name: string): string | null => {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const decls = [...text.matchAll(new RegExp(String.raw`(?<![\w$.])(?:const|let|var)\s+${escapeRegExp(name)}\s*=\s*`, 'g'))];
  if (decls.length !== 1 || !decls[0][0].startsWith('const')) return null;
  const at = decls[0].index + decls[0][0].length;
  if (text[at] === '[') return balancedText(text, at);
  const regex = /^\/(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n])+\/[a-z]*/.exec(text.slice(at, at + 1000));
  return regex ? regex[0] : null;
};

/**
 * The extensions a require-directory `extensions` option names: an array literal, or a const
 * holding one (`{ extensions }`, `extensions: EXTS`); null when the option is absent (jsOnly).
 * 'unread' when it names something else: every code file is then taken, with a warning, since
 * an empty list would call dead what the call loads.
 */
const extensionsOf = (arg: string | undefined, text: string): string[] | null | 'unread' => {
  const expr = option(arg, 'extensions');
  if (expr === null) return null;
  const list = expr.trim().startsWith('[') ? expr : constLiteral(text, expr.trim());
  if (list === null || !list.startsWith('[')) return 'unread';
  return [...list.matchAll(/["'`]\.?(\w+)["'`]/g)].map((m) => m[1]);
};

/**
 * A require-all `filter` as a regular expression: a literal or a const holding one. Null for
 * anything else (a function, a name census cannot resolve): census does not run the filter, so
 * the call is not read.
 */
const filterOf = (expr: string, text: string): RegExp | null => {
  const literal = expr.trim().startsWith('/') ? expr.trim() : constLiteral(text, expr.trim());
  const regex = literal === null ? null : /^\/(.+)\/([a-z]*)$/.exec(literal);
  if (regex === null) return null;
  try {
    return new RegExp(regex[1], regex[2].replace(/[gy]/g, ''));
  } catch {
    return null;
  }
};

const selectionOf = (ctx: FrameworkContext, call: Call, file: string, text: string, warn: (message: string) => void): Selection | null => {
  const here = dirname(file);
  const [first, second, third] = call.args;
  switch (call.pkg) {
    case 'require-directory': {
      const options = second?.startsWith('{') ? second : third;
      const folder = second === undefined || second.startsWith('{') ? here : folderNamed(second, file, text, here);
      if (folder === null) return null;
      const extensions = extensionsOf(options, text);
      if (extensions === 'unread') warn(`require-directory extensions not read (${option(options, 'extensions')}): every code file of the folder counted as loaded`);
      const accepts = extensions === 'unread' ? () => true : extensions ? (n: string) => extensions.some((e) => n.endsWith(`.${e}`)) : jsOnly;
      return { folder, recursive: option(options, 'recurse') !== 'false', accepts, what: 'call loads every module of' };
    }
    case 'require-all': {
      const dirExpr = first?.startsWith('{') ? option(first, 'dirname') : first;
      const folder = dirExpr ? folderNamed(dirExpr, file, text, here) : null;
      const filter = option(first, 'filter');
      let accepts = (n: string): boolean => !n.startsWith('.') && jsOnly(n);
      if (filter !== null) {
        const re = filterOf(filter, text);
        if (re === null) return null;
        accepts = (n) => re.test(n);
      }
      return folder === null || first === undefined ? null : { folder, recursive: option(first, 'recursive') !== 'false', accepts, what: 'call loads every module of' };
    }
    case 'require-dir': {
      const folder = first === undefined ? here : folderNamed(first, file, text, here);
      return folder === null ? null : { folder, recursive: option(second, 'recurse') === 'true', accepts: jsOnly, what: 'call loads every module of' };
    }
    case '@fastify/autoload':
    case 'fastify-autoload': {
      const options = second === undefined || AUTOLOAD_FILTERS.test(second) ? null : optionsOf(second);
      if (options === null || AUTOLOAD_FILTER_KEYS.some((k) => options.has(k))) return null;
      const dir = options.get('dir');
      if (dir !== undefined && namesParameter(text, call.index, dir)) return null;
      const depth = maxDepthOf(options.get('maxDepth') ?? null);
      const folder = dir === undefined || depth === null ? null : folderNamed(dir, file, text, LITERAL.test(dir) ? processFolder(ctx, file) : here);
      const hooks = options.get('autoHooks') === 'true';
      return folder === null ? null : { folder, recursive: true, accepts: () => true, files: autoloaded(ctx, folder, /\.[cm]?ts$/.test(file), depth!, hooks), what: 'register loads every plugin of' };
    }
    case 'redbean-node': {
      const folder = first === undefined ? null : folderNamed(first, file, text, LITERAL.test(first) ? processFolder(ctx, file) : here);
      return folder === null ? null : { folder, recursive: false, accepts: (n) => n.endsWith('.js'), what: 'R.autoloadModels call loads every model of' };
    }
  }
};

/** Options that make autoload pick files by code census does not run: set as `key: x` (read in the text, a nested object too), shorthand `{ ignorePattern }` or a method `ignoreFilter (p) {…}` (read as optionsOf's keys). */
const AUTOLOAD_FILTER_KEYS = ['matchFilter', 'ignoreFilter', 'ignorePattern', 'scriptPattern', 'indexPattern'];
const AUTOLOAD_FILTERS = new RegExp(String.raw`\b(?:${AUTOLOAD_FILTER_KEYS.join('|')})\s*:`);
const AUTOLOAD_SCRIPT = /\.(?:[cm]?js)$/;
const AUTOLOAD_TS = /\.[cm]?ts$/;
// autoload's indexPattern; index.mts and index.cts too, as its current defaults read them (older releases did not: reading them
// live errs on the side of a file kept, not one called dead that autoload loads).
const AUTOLOAD_INDEX = /^index\.(?:[cm]?js|[cm]?ts)$/;
/** autoload's autoHooksPattern: hooks, never plugins, loaded only with `autoHooks: true`. */
const AUTOLOAD_HOOKS = /^[_.]?auto_?hooks\.(?:js|cjs|mjs|ts)$/i;

/** The folders below `dir` walked: a literal `maxDepth` (autoload stops at that depth), MAX_AUTOLOAD_DEPTH when absent, null when computed. */
const maxDepthOf = (expr: string | null): number | null => {
  if (expr === null) return MAX_AUTOLOAD_DEPTH;
  return /^\d+$/.test(expr) ? Math.min(Number(expr), MAX_AUTOLOAD_DEPTH) : null;
};
/** How deep below `dir` autoload's folders are walked here (a hostile tree is no deeper). */
const MAX_AUTOLOAD_DEPTH = 12;

/** autoload's plugins under `folder`: each folder's index script alone when it has one, else every script; subfolders down to `maxDepth`; its autohooks files only with `hooks`. */
const autoloaded = (ctx: FrameworkContext, folder: string, typescript: boolean, maxDepth: number, hooks: boolean): string[] => {
  const out: string[] = [];
  const script = (name: string): boolean => AUTOLOAD_SCRIPT.test(name) || (typescript && AUTOLOAD_TS.test(name) && !DECLARATION.test(name));
  const walk = (dir: string, depth: number): void => {
    const scripts = pathsInDir(ctx.files, dir).filter((f) => script(basename(f)));
    const here = scripts.filter((f) => !AUTOLOAD_HOOKS.test(basename(f)));
    const index = here.filter((f) => AUTOLOAD_INDEX.test(basename(f)));
    out.push(...(index.length > 0 ? index : here));
    if (hooks) out.push(...scripts.filter((f) => AUTOLOAD_HOOKS.test(basename(f))));
    if (depth >= maxDepth) return;
    const prefix = dir === '' ? '' : `${dir}/`;
    const subs = new Set<string>();
    for (const f of pathsWithPrefix(ctx.files, prefix)) {
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash > 0) subs.add(prefix + rest.slice(0, slash));
    }
    for (const sub of [...subs].sort()) walk(sub, depth + 1);
  };
  walk(folder, 0);
  return out;
};

/**
 * The keys an options expression sets and their expressions, as written: an object literal's own
 * `key: EXPR` and shorthand `key` (Stop 52: `{ dir }`, the name holding the folder), or
 * `Object.assign({}, opts, { dir })`, its literal parts merged in order, a later key over an earlier
 * one. What a part that is not a literal (`opts`, `...opts`) holds is not known: a key only it could
 * set is absent. Null for any other expression.
 */
const optionsOf = (expr: string): Map<string, string> | null => {
  const t = expr.trim();
  if (t.startsWith('{')) {
    const literal = balancedText(t, 0, t.length);
    // A method (`ignoreFilter (p) { … }`) sets its key, to code census does not run.
    return literal === null ? null : objectMembers(literal, true);
  }
  const assign = /^Object\s*\.\s*assign\s*\(/.exec(t);
  if (assign === null) return null;
  const args = argumentsAt(t, assign[0].length - 1);
  if (args === null) return null;
  const merged = new Map<string, string>();
  for (const arg of args) for (const [key, value] of arg.startsWith('{') ? (optionsOf(arg) ?? []) : []) merged.set(key, value);
  return merged;
};

/**
 * Whether an options expression reads a name that is a parameter of a function around the call
 * (`async function (fastify, { dir }) { fastify.register(AutoLoad, { dir }) }`): the folder is the
 * caller's, not a top-level const of the same name. Each braced body out from the call; a name
 * written anywhere in a parameter list (a destructured one too) counts.
 */
const namesParameter = (text: string, at: number, expr: string): boolean => {
  const names = [...expr.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""').matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
  if (names.length === 0) return false;
  const named = new RegExp(String.raw`(?<![\w$.])(?:${names.map(escapeRegExp).join('|')})(?![\w$])`);
  if (enclosingFunction(text, at)?.params.some((p) => p !== null && names.includes(p))) return true;
  return someParamListAround(text, at, (list) => named.test(list));
};

const loaded = (ctx: FrameworkContext, s: Selection, caller: string): string[] => {
  if (s.files !== undefined) return s.files.filter((f) => f !== caller && !f.includes('node_modules/'));
  const candidates = s.recursive ? pathsWithPrefix(ctx.files, s.folder === '' ? '' : `${s.folder}/`) : pathsInDir(ctx.files, s.folder);
  return candidates.filter((f) => f !== caller && CODE.test(f) && !DECLARATION.test(f) && !f.includes('node_modules/') && s.accepts(basename(f)));
};

const collectFile = (ctx: FrameworkContext, file: string, imported: ReadonlySet<string>, out: FrameworkOutput): void => {
  const raw = ctx.readText(file);
  if (raw === null) return;
  // A call commented out loads nothing; blanked, not cut, so offsets and lines stay right.
  const text = blankedText(ctx, file, raw);
  for (const call of callsIn(text, imported)) {
    const line = lineAt(text, call.index);
    const selection = selectionOf(ctx, call, file, text, (message) => out.diagnostics.push(warning('folder-packages/not-static', message, file, line)));
    if (!selection) continue;
    for (const target of loaded(ctx, selection, file)) {
      out.references.push(fileReference(file, target, line, `${file}:${line}, whose ${call.pkg} ${selection.what} ${selection.folder === '' ? 'the repo root' : selection.folder}`));
    }
  }
};

const NONE: ReadonlySet<string> = new Set();

/** The folder packages a file imports, in import order; asked of every code file, so a file that imports none allocates nothing. */
const importedPackages = (ctx: FrameworkContext, file: string): ReadonlySet<string> => {
  let found: Set<string> | null = null;
  const imports = ctx.facts(file)?.imports;
  if (imports === undefined) return NONE;
  // By index: asked of every code file's imports once, in code that is not optimized, where a for-of loop makes an object per step.
  for (let i = 0; i < imports.length; i++) if ((PACKAGES as readonly string[]).includes(imports[i].specifier)) (found ??= new Set()).add(imports[i].specifier);
  return found ?? NONE;
};

const folderPackages: FrameworkReader = {
  id: 'folder-packages',
  title: 'Packages that require a whole folder (require-directory, require-all, require-dir, redbean-node autoloadModels, @fastify/autoload)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const files = sortedFiles(ctx);
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (!CODE.test(f)) continue;
      const first = [...importedPackages(ctx, f)][0];
      if (first) return `${f} imports ${first}`;
    }
    return null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const files = sortedFiles(ctx);
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (!CODE.test(f) || f.includes('node_modules/')) continue;
      const imported = importedPackages(ctx, f);
      if (imported.size > 0) collectFile(ctx, f, imported, out);
    }
    return out;
  },
};

export default folderPackages;
