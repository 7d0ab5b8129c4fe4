/**
 * Python modules loaded by listing a folder and importing each entry by name, the way plugin
 * systems find their plugins: glances lists `plugins_path` (`os.path.join(work_path, 'plugins')`
 * in glances/globals.py, imported by stats.py) with `os.listdir` and loads each file with
 * `__import__(name[:-3])`; a package's `__init__.py` runs `pkgutil.iter_modules(__path__)` then
 * `import_module(f"{__name__}.{name}")`; a module globs `Path(__file__).parent.glob("*.py")`.
 *
 * A file that both lists a folder census can settle statically (from `__file__` through
 * os.path/pathlib calls and string literals, or a path constant of a repo module it imports) and
 * makes a computed import (a name or path not written as a literal) reaches every module the
 * listing can return: `.py` files for listdir, scandir, iterdir and os.path.join(folder, <name> +
 * ".py"); those and subpackages for pkgutil (walk_packages also below them); what the pattern
 * matches for a glob. The listed folder's own `__init__.py` is left alone. A folder it cannot
 * settle gives nothing, but for one case: a folder joined from a head census cannot settle (an
 * install prefix the launcher sets) and at least two literal segments, `os.path.join(gpodder.prefix,
 * 'share', 'gpodder', 'extensions', '*.py')` then `glob.glob` and `imp.load_module` (gpodder's
 * extensions.py), is the one folder of the tree whose path ends in those segments
 * (`share/gpodder/extensions`); none or several such folders give nothing.
 */
import type { FrameworkContext, FrameworkReader, ReferenceInput } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import type { FileFacts } from '../../model/facts.js';
import { perScan } from '../per-scan.js';
import { constructorItems, type ConstructorItem } from './constructor-folders.js';
import { absolutePathOf, pathAssignments, pathValue, pathVariables, repoPathOf } from '../../languages/python/sys-path.js';
import { inFilesystemTree } from '../../util/filesystem-tree.js';
import { findsIn, loopFolders } from './loop-folders.js';
import { asksImport, assignmentAbove, filesByFolder, importQuestion, moduleFile, moduleFileAsImported } from './python-files.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import { basename, dirname } from '../../util/path.js';
import { listedPaths } from '../../util/file-index.js';
import { attributeFolder, type AttributeFolder } from './attribute-paths.js';
import { MAX_ARGS, callArguments, joinArguments, literalSegments, literalValue } from './call-text.js';
import { alternation, CORE_LOADS, FILE_PATH_LOADS, FINDER_LOADS } from '../../languages/python/loader-names.js';
import { isPackageInit } from '../../util/python-package.js';

/** Modules a listing comes from; a file importing none of these (nor a loader) is not read. */
const LISTER_MODULES = new Set(['os', 'os.path', 'glob', 'pkgutil', 'pathlib']);
const LOADER_MODULES = new Set(['importlib', 'importlib.util', 'importlib.machinery', 'imp', 'runpy', 'django.utils.module_loading', 'werkzeug.utils', 'pkg_resources']);

/** A load by name (first argument) or by file path (second argument: `spec_from_file_location(name, path)`). */
const NAME_LOADS = [...CORE_LOADS, 'load_entry_point', 'run_path', 'load_module'];
const LOAD_CALL = new RegExp(String.raw`\b(?:(${alternation(NAME_LOADS)})|(${alternation(FILE_PATH_LOADS)})|(?<![\w.])(compile))\s*\(`, 'g');
/**
 * A listing: os.listdir/scandir(folder), glob.glob/iglob(pattern), pkgutil.iter_modules/
 * walk_packages(folders), <path>.glob/rglob/iterdir(), os.path.join(folder, <name> + ".py"),
 * werkzeug.utils.find_modules(package name).
 */
const LIST_CALL = /(?<![\w.])(?:os\s*\.\s*)?(listdir|scandir|walk)\s*\(|(?<![\w.])(?:glob\s*\.\s*)?(i?glob|glob1)\s*\(|(?<![\w.])(?:pkgutil\s*\.\s*)?(iter_modules|walk_packages)\s*\(|\.\s*(glob|rglob|iterdir)\s*\(|(?<![\w.])(?:os\s*\.\s*)?(?:path\s*\.\s*)?(join)\s*\(|(?<![\w.])(?:(?:werkzeug\s*\.\s*)?utils\s*\.\s*)?(find_modules)\s*\(/g;
/** Words a loader's text must hold, tested before the call patterns run over it (one alternation scans faster than a search per word). */
const LOAD_WORDS = new RegExp(String.raw`${alternation([...NAME_LOADS, ...FILE_PATH_LOADS, ...FINDER_LOADS])}|(?<![\w.])compile\s*\(`);
/**
 * Stop 56: `find_spec(name, …)` loads where the file also runs `exec_module(` on what it found
 * (limnoria's `PathFinder.find_spec(name, pluginDirs)`, `module_from_spec`, `spec.loader.exec_module`).
 */
const FINDER_CALL = new RegExp(String.raw`\b(?:${alternation(FINDER_LOADS)})\s*\(`, 'g');
const EXEC_MODULE = /\bexec_module\s*\(/;
/** A bare `exec(`: what runs the code object a `compile(…, 'exec')` made (compile alone only checks the syntax). */
const EXEC_CALL = /(?<![\w.])exec\s*\(/g;
const LIST_WORDS = /listdir|scandir|walk\s*\(|glob|iter_modules|walk_packages|iterdir|find_modules|\.py["']/;
/** A joined name that ends in a literal ".py": `header + name + ".py"`, `f"{name}.py"`, `"%s.py" % name`. */
const PY_NAME = /\.py["']/;
/** A test of any `.py` name (`'.py'`, `'*.py'`), not of one module's file name. */
const ANY_PY_TEST = /['"*]\.py['"]/;
/** A literal module file name (`'sql.py'`). */
const PY_LITERAL_NAME = /(['"])([\w-]+\.py)\1/g;
/** Literal names a walk's test is read for (more: read as any `.py`). */
const MAX_WALK_NAMES = 8;
/** Calls read per file: a hostile file full of `join(` costs no more than this many argument lists. */
const MAX_CALLS = 1000;

type Mode = 'modules' | 'packages' | 'walk' | 'glob';

export interface FolderLoader {
  file: string;
  /** The listing's line. */
  line: number;
  /** The computed import nearest the listing. */
  loadLine: number;
  /** Repo folder listed ('' = the root). */
  folder: string;
  /** For a glob: the pattern below the folder (`*.py`, `**\/*.py`). */
  pattern?: string;
  mode: Mode;
  via: string;
  join: boolean;
  /** A folder settled by its literal tail alone: the joined expression, and the tail (`share/gpodder/extensions`). */
  tail?: { expr: string; path: string };
  /** Stop 44: a folder named by an attribute assigned once in the tree (attribute-paths.ts). */
  attribute?: AttributeFolder;
  /** Stop 56: a folder the listing's loop variable takes (loop-folders.ts): the loop's line and the item. */
  loop?: { line: number; item: string };
  /** Stop 58: the line of a `not NAME.startswith("_")` test beside the listing: `_private` modules are skipped, not loaded. */
  skipsPrivate?: number;
  /** Stop 58: a folder the loop takes from `self.ATTR`, stored from a constructor argument: the call that hands it (constructor-folders.ts). */
  ctor?: ConstructorItem & { list: string; loopLine: number };
}

/** The expression a method is called on (`Path(__file__).parent` before `.glob(`), from the `.` at `dot` back; null when there is none. */
export const receiverBefore = (text: string, dot: number): string | null => {
  let i = dot;
  const stop = Math.max(0, dot - MAX_ARGS);
  while (i > stop) {
    const c = text[i - 1];
    if (c === ')' || c === ']') {
      let depth = 0;
      let j = i - 1;
      for (; j >= stop; j--) {
        const d = text[j];
        if (d === ')' || d === ']') depth++;
        else if ((d === '(' || d === '[') && --depth === 0) break;
      }
      if (j < stop) return null;
      i = j;
    } else if (/[\w.]/.test(c)) i--;
    else break;
  }
  const out = text.slice(i, dot).trim();
  return out === '' || out.startsWith('.') ? null : out;
};

/**
 * `HEAD + "/tail"` as `os.path.join(HEAD, "tail")` (`glob.glob(dirname(__file__) + "/*.py")`, the
 * common spelling); anything else as written. Split at its one `+` by hand: a pattern with a lazy
 * head before `\s*\+` backtracked quadratically on a run of spaces (a 40,000-character argument took
 * 6.6 s).
 */
const CONCAT_TAIL = /^(['"])\/([\w.*?/-]*)\1$/;
export const concatAsJoin = (arg: string): string => {
  const plus = arg.indexOf('+');
  if (plus < 0 || arg.includes('+', plus + 1)) return arg;
  const head = arg.slice(0, plus).trim();
  const tail = CONCAT_TAIL.exec(arg.slice(plus + 1).trim());
  return head === '' || /['"]/.test(head) || tail === null ? arg : `os.path.join(${head}, "${tail[2]}")`;
};

/** Whether a line's text before `index` holds a comment mark: a listing or load in a comment does nothing. */
const commented = (text: string, index: number): boolean => text.lastIndexOf('#', index) > text.lastIndexOf('\n', index);

/** Whether the file calls a bare exec( outside a comment. */
const runsCode = (text: string): boolean => {
  for (const e of text.matchAll(EXEC_CALL)) if (!commented(text, e.index)) return true;
  return false;
};

/** Lines of the file's computed imports: a call whose name or path argument is not a plain string literal. */
export const computedLoadLines = (text: string): number[] => {
  const starts = lineStarts(text);
  const out: number[] = [];
  let calls = 0;
  let executes: boolean | undefined;
  for (const m of text.matchAll(LOAD_CALL)) {
    if (++calls > MAX_CALLS) break;
    if (commented(text, m.index)) continue;
    const args = callArguments(text, m.index + m[0].length - 1);
    // Stop 47: `compile(source, path, 'exec')`, the code of a file it read, to be run (heat's convergence scenarios):
    // only in a file that also runs code by a bare exec(, and not for the syntax tree alone (ast.PyCF_ONLY_AST).
    if (m[3] !== undefined) {
      if (args === null || args.length < 3 || literalValue(args[2].replace(/^mode\s*=(?!=)\s*/, '')) !== 'exec') continue;
      if (args.slice(3).some((a) => a.includes('PyCF_ONLY_AST'))) continue;
      executes ??= runsCode(text);
      if (!executes) continue;
    }
    const arg = args?.[m[1] ? 0 : m[2] ? 1 : 0]?.replace(/^\w+\s*=(?!=)\s*/, '');
    if (arg === undefined || arg === '' || literalValue(arg) !== null) continue;
    out.push(lineOfOffset(starts, m.index));
  }
  if (!EXEC_MODULE.test(text)) return out;
  for (const m of text.matchAll(FINDER_CALL)) {
    if (++calls > MAX_CALLS) break;
    if (commented(text, m.index)) continue;
    const name = callArguments(text, m.index + m[0].length - 1)?.[0]?.replace(/^\w+\s*=(?!=)\s*/, '');
    if (name === undefined || name === '' || literalValue(name) !== null) continue;
    out.push(lineOfOffset(starts, m.index));
  }
  return out.sort((a, b) => a - b);
};

/**
 * A dotted module name the file has bound (`import a.b`, `import a.b as ab`, `from a import b`) → its repo file, if it is one.
 * `asImported`: an absolute name also resolves as the file's own import finds it (a script's folder on sys.path: hplip's `from base import utils`).
 */
export const boundModuleFile = (ctx: FrameworkContext, file: string, facts: FileFacts, dotted: string, asImported = false): string | null => {
  const [head, ...rest] = dotted.split('.');
  for (const i of facts.imports) {
    let full: string | null = null;
    if (i.syntax === 'import') {
      if (i.alias === head) full = [i.specifier, ...rest].join('.');
      else if (i.alias === undefined && (i.specifier === dotted || i.specifier.startsWith(`${dotted}.`))) full = dotted;
    } else if (i.syntax === 'from') {
      const n = i.names.find((x) => (x.alias ?? x.name) === head);
      if (n && n.name !== '*') full = [`${i.specifier}${i.specifier.endsWith('.') ? '' : '.'}${n.name}`, ...rest].join('.');
    }
    if (full === null) continue;
    const found = asImported ? moduleFileAsImported(ctx, file, full) : moduleFile(ctx, file, full);
    if (found !== null) return found;
  }
  return null;
};

/** Path constants of repo modules (`plugins_path` in glances/globals.py), read once per scan. */
const moduleVariables = perScan((): Map<string, Map<string, string>> => new Map());

/**
 * The path variables `file` sees, line by line as its listings come in order: its own assignments
 * above the line, and the path constants it imports by name from repo modules (read when a listing
 * uses the name).
 */
const variablesOf = (ctx: FrameworkContext, file: string, facts: FileFacts, text: string): ((line: number, expr: string) => ReadonlyMap<string, string>) => {
  let assignments: ReturnType<typeof pathAssignments> | null = null;
  let next = 0;
  const vars = new Map<string, string>();
  const imported = new Map<string, { specifier: string; name: string }>();
  for (const i of facts.imports) if (i.syntax === 'from') for (const n of i.names) if (n.name !== '*') imported.set(n.alias ?? n.name, { specifier: i.specifier, name: n.name });
  const tried = new Set<string>();
  const held = moduleVariables(ctx);
  /** The path value an imported name holds in its repo module (read once per module), or undefined. */
  const importedValue = (from: { specifier: string; name: string }): string | undefined => {
    const holder = moduleFile(ctx, file, from.specifier);
    if (holder === null || holder === file) return undefined;
    let known = held.get(holder);
    if (!known) {
      const source = ctx.manifests.transientText(holder);
      held.set(holder, (known = source === null ? new Map() : pathVariables(source, holder)));
    }
    return known.get(from.name);
  };
  /** Stop 56: the path constants the file imports by name from repo modules, for its own assignments to build on (mailnag's `PLUGIN_LIB_PATH = os.path.join(LIB_DIR, 'plugins')`, LIB_DIR from common/dist_cfg.py). */
  const importedConstants = (): Map<string, string> => {
    const seed = new Map<string, string>();
    for (const [local, from] of imported) {
      const value = importedValue(from);
      if (value !== undefined) seed.set(local, value);
    }
    return seed;
  };
  return (line, expr) => {
    assignments ??= pathAssignments(text, file, importedConstants());
    for (; next < assignments.length && assignments[next].line < line; next++) {
      const a = assignments[next];
      if (a.value !== null) vars.set(a.name, a.value);
      else vars.delete(a.name);
      tried.add(a.name);
    }
    for (const [name] of expr.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) {
      const from = imported.get(name);
      if (from === undefined || tried.has(name)) continue;
      tried.add(name);
      const value = importedValue(from);
      if (value !== undefined) vars.set(name, value);
    }
    return vars;
  };
};

/** The repo folders `pkgutil.iter_modules(<arg>)` lists: `__path__` of a package's __init__.py, `pkg.__path__`, a list of path expressions. */
const pkgutilFolders = (ctx: FrameworkContext, file: string, facts: FileFacts, arg: string, vars: ReadonlyMap<string, string>): string[] | null => {
  const expr = arg.replace(/^path\s*=\s*/, '').trim();
  if (expr === '__path__') return file === '__init__.py' || file.endsWith('/__init__.py') ? [dirname(file)] : null;
  const ofModule = /^([A-Za-z_][\w.]*)\.__path__$/.exec(expr);
  if (ofModule) {
    const init = boundModuleFile(ctx, file, facts, ofModule[1], true);
    return init !== null && (init === '__init__.py' || init.endsWith('/__init__.py')) ? [dirname(init)] : null;
  }
  const list = /^[[(]([\s\S]*)[\])]$/.exec(expr);
  if (!list) return null;
  const folders: string[] = [];
  for (const item of callArguments(`(${list[1]})`, 0) ?? []) {
    if (item === '') continue;
    const folder = repoPathOf(pathValue(item, file, vars));
    if (folder === null) return null;
    folders.push(folder);
  }
  return folders.length > 0 ? folders : null;
};

/**
 * The package folder `find_modules(<arg>)` lists: `__name__` of a package's `__init__.py`, or a
 * dotted literal that names a repo package as the file's own import would find it; null otherwise
 * (a plain module's `__name__` has no submodules).
 */
const findModulesFolder = (ctx: FrameworkContext, file: string, arg: string): string | null => {
  const expr = arg.replace(/^import_path\s*=\s*/, '').trim();
  if (expr === '__name__') return isPackageInit(file) ? dirname(file) : null;
  const name = literalValue(expr);
  if (name === null || !/^[A-Za-z_][\w.]*$/.test(name)) return null;
  const init = moduleFileAsImported(ctx, file, name);
  return init !== null && isPackageInit(init) ? dirname(init) : null;
};

/** A glob's folder (the segments before the first with glob syntax) and the pattern below it; null for a plain path. */
const splitGlob = (path: string): { folder: string; pattern: string } | null => {
  const segments = path.split('/');
  const at = segments.findIndex((s) => isGlob(s));
  if (at < 0) return null;
  return { folder: segments.slice(0, at).join('/'), pattern: segments.slice(at).join('/') };
};

/** Literal segments a folder's unsettled path must end in to be settled by them alone. */
const MIN_TAIL = 2;

/**
 * `os.path.join(<unsettled>, 'share', 'gpodder', 'extensions', '*.py')`, written in the listing or
 * assigned to the name it lists a few lines above the listing's `line` (python-files' assignmentAbove): the
 * expression and its literal segments after the last computed argument; null when every argument
 * is a literal (that settles, or is relative) or the last one is computed.
 */
const joinedTail = (text: string, starts: readonly number[], line: number, arg: string): { expr: string; segments: string[] } | null => {
  let expr = arg.trim();
  let from = 0;
  let source = expr;
  if (/^[A-Za-z_]\w*$/.test(expr)) {
    const found = assignmentAbove(text, starts, line, expr);
    if (found === null) return null;
    source = text;
    from = found.at;
  }
  const args = joinArguments(source, from);
  if (args === null || args.length < 2) return null;
  expr = `os.path.join(${args.join(', ')})`;
  let k = args.length;
  while (k > 0 && literalValue(args[k - 1]) !== null) k--;
  if (k === 0 || k === args.length) return null;
  const segments = literalSegments(args.slice(k));
  return segments === null ? null : { expr, segments };
};

/** The one folder of the tree whose path ends in `tail` (`share/gpodder/extensions`), or null for none or several. */
const onlyFolderEndingIn = (ctx: FrameworkContext, tail: string): string | null => {
  const { byFolder, subfolders } = folderIndex(ctx);
  const found = new Set<string>();
  for (const folders of [byFolder.keys(), subfolders.keys()]) {
    for (const f of folders) if (f === tail || f.endsWith(`/${tail}`)) found.add(f);
  }
  return found.size === 1 ? [...found][0] : null;
};

/** A listing's folder (and glob pattern) from its literal tail alone, when its head does not settle. */
const settledByTail = (ctx: FrameworkContext, text: string, starts: readonly number[], line: number, arg: string, globbed: boolean): { folder: string; pattern?: string; tail: { expr: string; path: string } } | null => {
  const joined = joinedTail(text, starts, line, arg);
  if (joined === null) return null;
  const at = joined.segments.findIndex((x) => isGlob(x));
  if (globbed !== at >= 0) return null;
  const segments = at < 0 ? joined.segments : joined.segments.slice(0, at);
  if (segments.length < MIN_TAIL) return null;
  const path = segments.join('/');
  const folder = onlyFolderEndingIn(ctx, path);
  if (folder === null) return null;
  return { folder, ...(at < 0 ? {} : { pattern: joined.segments.slice(at).join('/') }), tail: { expr: joined.expr, path } };
};

const CALLEE: Record<string, string> = { listdir: 'os.listdir', scandir: 'os.scandir', walk: 'os.walk', glob: 'glob.glob', iglob: 'glob.iglob', glob1: 'glob.glob1', iter_modules: 'pkgutil.iter_modules', walk_packages: 'pkgutil.walk_packages', join: 'os.path.join', find_modules: 'werkzeug.utils.find_modules' };

/**
 * Every listing of a settled folder in a file that also makes a computed import. `listingsOnly`:
 * every listing whether or not the file imports anything by name (star-all-listings.ts: what
 * loads the names is a star import elsewhere); each listing's loadLine is then its own line.
 */
export const loadersIn = (ctx: FrameworkContext, file: string, facts: FileFacts, text: string, listingsOnly = false): FolderLoader[] => {
  const loads = computedLoadLines(text);
  if (loads.length === 0 && !listingsOnly) return [];
  const starts = lineStarts(text);
  const out: FolderLoader[] = [];
  const variablesAt = variablesOf(ctx, file, facts, text);
  const folderEndingIn = (tail: string): string | null => onlyFolderEndingIn(ctx, tail);
  /**
   * A listed expression's repo folder: in the repo from `__file__`, or (Stop 56) an absolute folder
   * written out, placed in the filesystem tree the file lies in (util/filesystem-tree.ts, as
   * apache-wsgi places a script) when the tree has that folder: mailnag's `LIB_DIR =
   * '/usr/lib/python3/dist-packages/Mailnag'` in its own package's tree.
   */
  const settle = (expr: string, varsFor: (expr: string) => ReadonlyMap<string, string>): string | null => {
    const value = pathValue(expr, file, varsFor(expr));
    const inRepo = repoPathOf(value);
    if (inRepo !== null) return inRepo;
    const absolute = absolutePathOf(value);
    const placed = absolute === null ? null : inFilesystemTree(file, absolute);
    if (placed === null) return null;
    const { byFolder, subfolders } = folderIndex(ctx);
    return byFolder.has(placed.path) || subfolders.has(placed.path) ? placed.path : null;
  };
  let calls = 0;
  for (const m of text.matchAll(LIST_CALL)) {
    if (++calls > MAX_CALLS) break;
    if (commented(text, m.index)) continue;
    const open = m.index + m[0].length - 1;
    const args = callArguments(text, open);
    if (args === null) continue;
    const line = lineOfOffset(starts, m.index);
    const loadLine = loads.length === 0 ? line : loads.reduce((best, l) => (Math.abs(l - line) < Math.abs(best - line) ? l : best));
    const at = { file, line, loadLine, join: false };
    const varsFor = (expr: string) => variablesAt(line, expr);
    const [listing, globbing, pkgutil, method, join, finder] = [m[1], m[2], m[3], m[4], m[5], m[6]];
    if (listing === 'walk') {
      // Stop 47: `os.walk(folder)` then a `.py` test on the names and a load: every .py file below it (heat's scenario.py).
      if (args.length < 1 || !PY_NAME.test(text)) continue;
      const folder = repoPathOf(pathValue(args[0], file, varsFor(args[0])));
      // Stop 58: each folder of a list the loop takes from `self.ATTR`, stored from the class's constructor argument (constructor-folders.ts).
      const loop = folder === null ? loopFolders(text, starts, line, args[0].trim()) : null;
      const built = loop?.list === undefined || loop.items.length > 0 ? [] : constructorItems(ctx, file, text, loop.line, loop.list);
      const folders: { folder: string; ctor?: FolderLoader['ctor'] }[] = folder !== null ? [{ folder }] : [];
      for (const b of built) {
        const callerText = b.caller === file ? text : ctx.manifests.transientText(b.caller);
        if (callerText === null) continue;
        // The caller's own module-level path constants only (`HERE = os.path.dirname(__file__)`).
        const settled = repoPathOf(pathValue(b.item, b.caller, pathVariables(callerText, b.caller)));
        if (settled !== null) folders.push({ folder: settled, ctor: { ...b, list: loop!.list!, loopLine: loop!.line } });
      }
      if (folders.length === 0) continue;
      // Stop 50: a test of one literal module name (keystone's `'sql.py' in files`) loads that file below the
      // folder, not every module; a generic `.py` test (`name.endswith('.py')`, `'*.py'`) loads them all.
      const names = ANY_PY_TEST.test(text) ? [] : [...new Set([...text.matchAll(PY_LITERAL_NAME)].map((n) => n[2]))].slice(0, MAX_WALK_NAMES);
      for (const f of folders) {
        for (const pattern of names.length > 0 ? names.map((n) => `**/${n}`) : ['**/*.py']) out.push({ ...at, folder: f.folder, pattern, mode: 'glob', via: CALLEE[listing], ...(f.ctor === undefined ? {} : { ctor: f.ctor }) });
      }
    } else if (listing !== undefined) {
      if (args.length !== 1) continue;
      const folder = settle(args[0], varsFor);
      // Stop 56: a folder of a list the listing loops over (loop-folders.ts); a path finder given that
      // list finds packages as well as modules (limnoria's `PathFinder.find_spec(name, pluginDirs)`).
      const loop = folder === null ? loopFolders(text, starts, line, args[0].trim()) : null;
      if (folder !== null) out.push({ ...at, folder, mode: findsIn(text, args[0].trim()) ? 'packages' : 'modules', via: CALLEE[listing] });
      else if (loop !== null && loop.items.length > 0) {
        const mode: Mode = findsIn(text, loop.list ?? args[0].trim()) ? 'packages' : 'modules';
        for (const item of loop.items) {
          const itemFolder = settle(item, varsFor);
          if (itemFolder !== null) out.push({ ...at, folder: itemFolder, mode, via: CALLEE[listing], loop: { line: loop.line, item } });
        }
      } else {
        const byTail = settledByTail(ctx, text, starts, line, args[0], false);
        const byAttribute = byTail === null ? attributeFolder(ctx, text, starts, line, args[0], folderEndingIn) : null;
        if (byTail !== null) out.push({ ...at, folder: byTail.folder, mode: 'modules', via: CALLEE[listing], tail: byTail.tail });
        else if (byAttribute !== null && byAttribute.below.length === 0) out.push({ ...at, folder: byAttribute.folder, mode: 'modules', via: CALLEE[listing], attribute: byAttribute });
      }
    } else if (globbing === 'glob1') {
      // `glob.glob1(folder, pattern)`: the names in one folder that match a file-name pattern (alot's
      // commands/__init__.py:210), no recursion and no folder part in the pattern.
      const folder = args.length === 2 ? repoPathOf(pathValue(args[0], file, varsFor(args[0]))) : null;
      const pattern = folder === null ? null : literalValue(args[1]);
      if (pattern === null || pattern.includes('/')) continue;
      out.push({ ...at, folder: folder!, pattern: pattern.replace(/\*\*/g, '*'), mode: 'glob', via: CALLEE.glob1 });
    } else if (globbing !== undefined) {
      const pattern0 = concatAsJoin(args[0] ?? '');
      const where = repoPathOf(pathValue(pattern0, file, varsFor(pattern0)));
      const byTail = where === null && args[0] !== undefined ? settledByTail(ctx, text, starts, line, args[0], true) : null;
      const byAttribute = where === null && byTail === null && args[0] !== undefined ? attributeFolder(ctx, text, starts, line, args[0], folderEndingIn) : null;
      const split = byTail !== null ? { folder: byTail.folder, pattern: byTail.pattern! } : byAttribute !== null ? splitGlob([byAttribute.folder, ...byAttribute.below].join('/')) : where === null ? null : splitGlob(where);
      if (split === null) continue;
      // Without recursive=True, Python reads ** as *.
      const recursive = args.slice(1).some((a) => /^recursive\s*=\s*True$/.test(a));
      const pattern = recursive ? split.pattern : split.pattern.replace(/\*\*/g, '*');
      out.push({ ...at, folder: split.folder, pattern, mode: 'glob', via: CALLEE[globbing], ...(byTail === null ? {} : { tail: byTail.tail }), ...(byAttribute === null ? {} : { attribute: byAttribute }) });
    } else if (pkgutil !== undefined) {
      const folders = args[0] === undefined ? null : pkgutilFolders(ctx, file, facts, args[0], varsFor(args[0]));
      for (const folder of folders ?? []) out.push({ ...at, folder, mode: pkgutil === 'walk_packages' ? 'walk' : 'packages', via: CALLEE[pkgutil] });
    } else if (method !== undefined) {
      const receiver = receiverBefore(text, m.index);
      if (receiver === null) continue;
      const folder = repoPathOf(pathValue(receiver, file, varsFor(receiver)));
      if (folder === null) continue;
      if (method === 'iterdir') {
        if (args.length === 0) out.push({ ...at, folder, mode: 'modules', via: 'Path.iterdir' });
        continue;
      }
      const pattern = args.length === 1 ? literalValue(args[0]) : null;
      if (pattern === null || pattern.startsWith('/') || pattern.split('/').includes('..')) continue;
      out.push({ ...at, folder, pattern: method === 'rglob' ? `**/${pattern}` : pattern, mode: 'glob', via: `Path.${method}` });
    } else if (finder !== undefined) {
      // Stop 59: werkzeug's `find_modules(import_path, include_packages=False, recursive=False)` yields the dotted
      // names of a package's modules (lektor's admin/modules/__init__.py:5-6 `for module in find_modules(__name__):
      // app.register_blueprint(__import__(module, None, None, ["bp"]).bp)`).
      const folder = args[0] === undefined ? null : findModulesFolder(ctx, file, args[0]);
      if (folder === null) continue;
      const flag = (name: string): boolean => args.slice(1).some((a) => new RegExp(String.raw`^${name}\s*=\s*True$`).test(a));
      const positional = args.slice(1).filter((a) => !/^\w+\s*=(?!=)/.test(a));
      const packages = flag('include_packages') || positional[0] === 'True';
      const recursive = flag('recursive') || positional[1] === 'True';
      out.push({ ...at, folder, mode: recursive ? 'walk' : packages ? 'packages' : 'modules', via: CALLEE[finder] });
    } else if (join !== undefined) {
      const name = args[args.length - 1];
      if (args.length < 2 || literalValue(name) !== null || !PY_NAME.test(name)) continue;
      const base = args.length === 2 ? args[0] : `os.path.join(${args.slice(0, -1).join(', ')})`;
      const folder = repoPathOf(pathValue(base, file, varsFor(base)));
      if (folder !== null) out.push({ ...at, folder, mode: 'modules', via: CALLEE.join, join: true });
      else {
        const byAttribute = attributeFolder(ctx, text, starts, line, base, folderEndingIn);
        if (byAttribute !== null && byAttribute.below.length === 0) out.push({ ...at, folder: byAttribute.folder, mode: 'modules', via: CALLEE.join, join: true, attribute: byAttribute });
      }
    }
  }
  // Stop 58: supysonic's server/__init__.py:19-21 `[e.name[:-3] for e in os.scandir(…) if not e.name.startswith("_") …]`.
  // The name tested must be the one the listing's own line binds (`for e in os.scandir(…)`): a filter over
  // another name (`[h for h in dir(mod) if not h.startswith('_')]` after the load) leaves no module out.
  for (const l of out) {
    const own = text.slice(starts[l.line - 1], starts[l.line] ?? text.length);
    const bound = new Set([...own.matchAll(/\bfor\s+([A-Za-z_]\w*)\s+in\b/g)].map((m) => m[1]));
    if (bound.size === 0) continue;
    for (let k = l.line; k < l.line + PRIVATE_REACH && k <= starts.length; k++) {
      const tested = PRIVATE_SKIP.exec(text.slice(starts[k - 1], starts[k] ?? text.length));
      if (tested === null || !bound.has((tested[1] ?? tested[3]).split('.')[0])) continue;
      l.skipsPrivate = k;
      break;
    }
  }
  return out;
};

/** A test that leaves `_private` names out: in a comprehension's condition, or `if NAME.startswith("_"): continue`. */
const PRIVATE_SKIP = /\bnot\s+([\w.]+)\.startswith\(\s*(['"])_\2\s*\)|\bif\s+([\w.]+)\.startswith\(\s*(['"])_\4\s*\)\s*:\s*continue\b/;
/** Lines read from the listing's on for that test: a comprehension's `if` or the loop's first lines. */
const PRIVATE_REACH = 4;
/** The name a listed file is imported by (a package's `__init__.py`: its folder's). */
const listedModuleName = (target: string): string => (basename(target) === '__init__.py' ? basename(dirname(target)) : basename(target));

const WANTED_IMPORTS = new Set([...LISTER_MODULES, ...LOADER_MODULES]);
/**
 * An import of a lister or a loader module, asked in the scan's one walk of the imports
 * (python-files importQuestion), where each .py file's imports were walked here (issue 19).
 */
const IMPORTS_WANTED = importQuestion(WANTED_IMPORTS, []);

/** Every folder loader of the scan's Python code (found once per scan), by file and line. */
const folderLoaders = perScan((ctx): FolderLoader[] => {
  const out: FolderLoader[] = [];
  // This runs on every repo: a suffix and the facts first, the text of few files, regular expressions over fewer.
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py') || !asksImport(ctx, IMPORTS_WANTED, file)) continue;
    const facts = ctx.facts(file);
    if (facts === undefined) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null || !LIST_WORDS.test(text) || !LOAD_WORDS.test(text)) continue;
    out.push(...loadersIn(ctx, file, facts, text));
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
});

const within = (folder: string, rest: string): string => (folder === '' ? rest : `${folder}/${rest}`);

/** The repo files a listing of `folder` can load, in order. */
export const loadedFiles = (byFolder: ReadonlyMap<string, readonly string[]>, subfolders: ReadonlyMap<string, readonly string[]>, loader: Pick<FolderLoader, 'folder' | 'mode' | 'pattern'>): string[] => {
  const modules = (folder: string): string[] => (byFolder.get(folder) ?? []).filter((f) => f.endsWith('.py') && !isPackageInit(f));
  const packages = (folder: string, walk: boolean): string[] => {
    const out = modules(folder);
    for (const sub of subfolders.get(folder) ?? []) {
      const init = within(sub, '__init__.py');
      if (!(byFolder.get(sub) ?? []).includes(init)) continue;
      out.push(init);
      if (walk) out.push(...packages(sub, true));
    }
    return out;
  };
  if (loader.mode === 'modules') return modules(loader.folder);
  if (loader.mode === 'packages' || loader.mode === 'walk') return packages(loader.folder, loader.mode === 'walk');
  const match = compileRepoGlob(within(loader.folder, loader.pattern ?? ''));
  const out: string[] = [];
  const visit = (folder: string): void => {
    for (const f of byFolder.get(folder) ?? []) if (f.endsWith('.py') && f !== within(loader.folder, '__init__.py') && match(f)) out.push(f);
    for (const sub of subfolders.get(folder) ?? []) visit(sub);
  };
  visit(loader.folder);
  return out.sort();
};

export const folderIndex = perScan((ctx) => {
  const byFolder = filesByFolder(ctx.files);
  const subfolders = new Map<string, string[]>();
  const add = (folder: string): void => {
    if (folder === '') return;
    const parent = dirname(folder);
    const list = subfolders.get(parent) ?? subfolders.set(parent, []).get(parent)!;
    if (list.includes(folder)) return;
    list.push(folder);
    add(parent);
  };
  for (const folder of byFolder.keys()) add(folder);
  for (const list of subfolders.values()) list.sort();
  return { byFolder, subfolders };
});

const shown = (folder: string): string => `${folder === '' ? '.' : folder}/`;

/** Where an attribute-held folder comes from (attribute-paths.ts). */
const fromAttribute = (a: AttributeFolder): string => `${a.attribute}, assigned ${a.expr} in ${a.file}:${a.line}: ${a.how}`;

export const describe = (l: FolderLoader): string =>
  l.skipsPrivate === undefined ? describeListing(l) : `${describeListing(l)}; names starting with "_" are left out (line ${l.skipsPrivate})`;

const describeListing = (l: FolderLoader): string =>
  l.ctor !== undefined
    ? `loaded by ${l.file}:${l.line}, which walks ${shown(l.folder)} (os.walk of each folder in ${l.ctor.list}, line ${l.ctor.loopLine}, stored from ${l.ctor.className}(${l.ctor.param}) on line ${l.ctor.stored}; ${l.ctor.caller}:${l.ctor.line} builds ${l.ctor.className} with ${l.ctor.item}) and loads each (line ${l.loadLine})`
    : l.loop !== undefined
    ? `loaded by ${l.file}:${l.line}, which lists ${shown(l.folder)} (${l.via} of each folder the loop on line ${l.loop.line} takes, here ${l.loop.item}) and ${l.mode === 'packages' ? 'finds each module or package' : 'imports each'} by name (line ${l.loadLine})`
    : l.attribute !== undefined
    ? `loaded by ${l.file}:${l.line}, which ${l.join ? `joins a computed name onto ${shown(l.folder)}` : `lists ${l.mode === 'glob' ? within(l.folder, l.pattern ?? '') : shown(l.folder)}`} (${l.via} of ${fromAttribute(l.attribute)}) and imports ${l.join ? 'it' : 'each'} by name (line ${l.loadLine})`
    : l.tail !== undefined
    ? `loaded by ${l.file}:${l.line}, which lists ${l.mode === 'glob' ? within(l.folder, l.pattern ?? '') : shown(l.folder)} (${l.via} of ${l.tail.expr}: its head is set at run time, and ${shown(l.folder)} is the only folder of the tree ending in ${l.tail.path}/) and loads each (line ${l.loadLine})`
    : l.join
    ? `loaded by ${l.file}:${l.line}, which joins a computed name onto ${shown(l.folder)} (${l.via}) and imports it by name (line ${l.loadLine})`
    : `loaded by ${l.file}:${l.line}, which lists ${l.mode === 'glob' ? within(l.folder, l.pattern ?? '') : shown(l.folder)} (${l.via}) and ${l.via === 'os.walk' ? 'loads each (a computed load or compile(…, "exec"), ' : 'imports each by name ('}line ${l.loadLine})`;

const reader: FrameworkReader = {
  id: 'python-folder-loaders',
  title: 'Python modules loaded by listing a folder and importing each by name',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = folderLoaders(ctx)[0];
    return first ? `${first.file}:${first.line} lists ${shown(first.folder)} and imports by name (line ${first.loadLine})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const { byFolder, subfolders } = folderIndex(ctx);
    // A file's listings that reach the same module give it one reference: the listing nearest the
    // import, which is the one feeding it (sqlmap's option.py globs tamper/*.py at line 754 to print
    // their docs and joins the name it imports at 783; the evidence, which takes a file's edges to a
    // module by line, cited the glob).
    const best = new Map<string, FolderLoader>();
    const distance = (l: FolderLoader): number => Math.abs(l.loadLine - l.line);
    for (const loader of folderLoaders(ctx)) {
      for (const target of loadedFiles(byFolder, subfolders, loader)) {
        if (target === loader.file || (loader.skipsPrivate !== undefined && listedModuleName(target).startsWith('_'))) continue;
        const key = `${loader.file}\0${target}`;
        const known = best.get(key);
        if (known === undefined || distance(loader) < distance(known) || (distance(loader) === distance(known) && loader.line < known.line)) best.set(key, loader);
      }
    }
    const labels = new Map<FolderLoader, string>();
    for (const [key, loader] of best) {
      const target = key.slice(key.indexOf('\0') + 1);
      const label = labels.get(loader) ?? labels.set(loader, describe(loader)).get(loader)!;
      const ref: ReferenceInput = { from: loader.file, target, targetKind: 'file', line: loader.line, label };
      out.references.push(ref);
    }
    return out;
  },
};

export default reader;
