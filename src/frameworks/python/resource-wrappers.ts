/**
 * Stop 55: packages a resource API imports through a call that names the package and nothing else
 * literal, and through a repo function that hands its parameter on as the anchor.
 *
 * - A direct call with a literal anchor and a computed name (meson's dependencies/cmake.py:588
 *   `importlib.resources.read_text('mesonbuild.dependencies.data', cmake_file, …)`): the call must
 *   be the resource API's own, read through the file's imports (`resources.files` with `from
 *   importlib import resources`, `pkgutil.get_data`), not any function called `path` or `files`.
 * - A wrapper (mercurial's utils/resourceutil.py `def open_resource(package, name)` over
 *   `resources.files(pycompat.sysstr(package))`): a def whose parameter is the anchor of such a call,
 *   as is or inside one call; its callers in modules that import the wrapper's module name the
 *   package: a literal (`b'mercurial.defaultrc'`, bytes too), a local last assigned a literal above
 *   the call (help.py's `package = b'mercurial.helptext'`), a `'.'.join` of a literal list.
 *   A package the caller extends at run time (`package += b'.' + subdir`, `'.'.join([…] + parts)`)
 *   stands for the package and each repo package below it: one of them is imported, which one is
 *   not known. Methods (a first parameter `self`/`cls`) and names bound any other way give nothing.
 *
 * Nothing is run. The edge goes from the calling file to the package's `__init__.py`.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { listedPaths } from '../../util/file-index.js';
import { lineStarts } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { boundDotted, firstResourceApiImporter, importsResourceApi, lookText, packageDir } from './package-paths.js';
import { assignmentAbove, calledModuleFile, importedStem, importsAnyOf } from './python-files.js';
import { callingFlows, type ArgShape, type FunctionFlows } from './loader-roles.js';
import { reassignedAbove } from './loader-functions.js';

/** The resource API functions whose first argument is a package they import. */
const RESOURCE_FUNCTION = /^(?:(?:importlib\.resources|importlib_resources)\.(?:files|read_text|read_binary|open_text|open_binary|path|contents|is_resource)|pkg_resources\.resource_(?:filename|string|stream|exists|isdir|listdir)|pkgutil\.get_data)$/;
/** A dotted callee and the opening bracket of its call. */
const CALLEE = /(?<![\w.])([A-Za-z_][\w.]*)\s*\(/g;

/**
 * Whitespace and comments between tokens of an argument split over lines. A comment runs to its line's
 * end (`(?![^\n])`): without that, each `#` inside one could start a new repetition, and a banner of
 * n `#` after an open bracket split 2^n ways when the rest of the pattern fails (review s55-rm4).
 */
const GAP = String.raw`(?:\s|#[^\n]*(?![^\n]))*`;

/** A resource API call of a Python file: the API function, its line, the def it is in and its first positional argument. */
export interface ResourceCall {
  api: string;
  line: number;
  fn: FunctionFlows;
  first: ArgShape | undefined;
}

/** Each file's resource calls, read once a scan for resource-anchors and resource-wrappers both. */
const callsByFile = perScan((): Map<string, ResourceCall[]> => new Map());

/**
 * The resource API calls of a Python file, from its per-def facts (loader-roles' fileFlows: a call in
 * a comment or a docstring is none), each callee read through the file's imports. Calls in a class
 * body outside any def are no def's and not read.
 */
export const resourceApiCalls = (ctx: FrameworkContext, path: string, text: string): ResourceCall[] => {
  const memo = callsByFile(ctx);
  const known = memo.get(path);
  if (known !== undefined) return known;
  const out: ResourceCall[] = [];
  const imports = ctx.facts(path)?.imports ?? [];
  // The last parts of the callees that name the API through the file's imports (`package_files` for
  // `from importlib.resources import files as package_files`): a text without one (comments and strings too) is not tokenized.
  const words = new Set<string>();
  for (const m of text.matchAll(CALLEE)) if (RESOURCE_FUNCTION.test(boundDotted(m[1], imports))) words.add(m[1].slice(m[1].lastIndexOf('.') + 1));
  if (words.size > 0) {
    for (const fn of callingFlows(text, (w) => words.has(w))) {
      for (const c of fn.calls) {
        const api = c.callee === '' ? '' : boundDotted(c.callee, imports);
        if (RESOURCE_FUNCTION.test(api)) out.push({ api, line: c.line, fn, first: c.positional[0] });
      }
    }
    out.sort((a, b) => a.line - b.line || a.fn.defLine - b.fn.defLine);
  }
  memo.set(path, out);
  return out;
};

/** A literal first argument, str or bytes: `'pkg.data'`, `b"pkg.data"`. */
const LITERAL = /^[bB]?(['"])([A-Za-z_][\w.]*)\1$/;

/** The literal package a call's first argument names, or null. */
export const literalFirst = (c: ResourceCall): string | null => (c.first === undefined ? null : LITERAL.exec(c.first.text)?.[2] ?? null);

/** A repo function that hands one of its parameters to a resource API as the anchor. */
interface Wrapper {
  file: string;
  name: string;
  param: number;
  /** Where it hands it on, shown: `resources.files(…) in mercurial/utils/resourceutil.py:94`. */
  via: string;
}

/** A first argument that is a name, or one call of a name (`pycompat.sysstr(package)`): that name. */
const NAME_OR_CALLED = new RegExp(String.raw`^(?:[A-Za-z_][\w.]*\s*\(${GAP}([A-Za-z_]\w*)${GAP}\)|([A-Za-z_]\w*))$`);

/**
 * The wrappers a file defines: defs whose parameter (or one call of it, `str(package)`) is a resource
 * call's first argument. A def that rebinds the parameter above the call at its body's own indent
 * (`package = DEFAULT_PACKAGE`: on every path, loader-functions' rebindings) hands the call something
 * else than the caller's value; `package = package or X` keeps it, and a rebinding under an `if` is
 * one path of several. A closure's calls count for the def around it (fileFlows' scope) and for itself.
 */
const wrappersIn = (ctx: FrameworkContext, path: string, text: string): Wrapper[] => {
  const out: Wrapper[] = [];
  for (const c of resourceApiCalls(ctx, path, text)) {
    const { fn, first } = c;
    if (fn.name === '' || fn.params[0] === 'self' || fn.params[0] === 'cls' || first === undefined) continue;
    const m = NAME_OR_CALLED.exec(first.text);
    const param = m === null ? -1 : fn.params.indexOf(m[1] ?? m[2]);
    if (param < 0 || out.some((w) => w.name === fn.name) || reassignedAbove(fn.rebinds, fn.params[param], c.line)) continue;
    out.push({ file: path, name: fn.name, param, via: `${c.api.replace(/^importlib\./, '')}(…) in ${path}:${c.line}` });
  }
  return out;
};

/** A package a caller names, and whether it stands also for each package below it. */
interface Named {
  name: string;
  below: boolean;
  /** Where the value came from, when not the call itself: `package = b'x' at line 333`. */
  where?: string;
}

/** `b'.'.join([b'a', b'b'])` or `'.'.join(['a', 'b'] + rest)`: the joined literal, and whether a computed list follows. */
const JOIN = /^[bB]?(['"])\.\1\s*\.\s*join\s*\(\s*\[([^\]]*)\]\s*(\+[^)]+)?\)\s*$/;

/** A package an expression names: a literal, or a `'.'.join` of literals (and maybe more parts). */
const namedBy = (expr: string): Named | null => {
  const lit = /^\s*[bB]?(['"])([A-Za-z_][\w.]*)\1\s*$/.exec(expr);
  if (lit !== null) return { name: lit[2], below: false };
  const join = JOIN.exec(expr.trim());
  if (join === null) return null;
  const parts = join[2].split(',').map((p) => /^\s*[bB]?(['"])([A-Za-z_]\w*)\1\s*$/.exec(p)?.[2] ?? null);
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return { name: parts.join('.'), below: join[3] !== undefined };
};

/**
 * The package a call's first argument names: a literal, or a local last assigned one (or a `'.'.join`
 * of them) a few lines above the call in the same def (python-files' assignmentAbove), perhaps
 * extended between there and the call by `local += '.' + x`, which makes it any package below too.
 */
const argumentNames = (text: string, starts: readonly number[], arg: ArgShape, fn: FunctionFlows, callLine: number): Named | null => {
  if (!/^[A-Za-z_]\w*$/.test(arg.text)) return /^[bB]?(['"])/.test(arg.text) ? namedBy(arg.text) : null;
  const local = arg.text;
  const set = assignmentAbove(text, starts, callLine, local);
  // An assignment above the def's own header is another def's (or the module's) value.
  if (set === null || set.line <= fn.defLine) return null;
  const named = namedBy(set.value);
  if (named === null) return null;
  const extension = new RegExp(String.raw`^\s*${escapeRegExp(local)}\s*\+=\s*[bB]?(['"])\.\1\s*\+`);
  let extended = '';
  for (let l = callLine - 1; l > set.line; l--) {
    const line = text.slice(starts[l - 1], (starts[l] ?? text.length + 1) - 1);
    if (!extension.test(line)) continue;
    extended = ` extended by ${line.trim()} at line ${l}`;
    break;
  }
  return { name: named.name, below: named.below || extended !== '', where: `${local} = ${set.value.trim()} at line ${set.line}${extended}` };
};

/** The `__init__.py` of the package and, when `below`, of each repo package under it. */
const packageInitsFor = (ctx: FrameworkContext, named: Named): string[] => {
  const dir = packageDir(ctx, named.name);
  if (dir === null) return [];
  const out = [`${dir}/__init__.py`];
  if (named.below) {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const p = listed[at];
      if (p.startsWith(`${dir}/`) && p.endsWith('/__init__.py')) out.push(p);
    }
  }
  return out;
};

export const collectResourceWrappers = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const wrappers: Wrapper[] = [];
  const pythonFiles: string[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const path = listed[at];
    if (!path.endsWith('.py')) continue;
    pythonFiles.push(path);
    if (!importsResourceApi(ctx, path)) continue;
    const text = lookText(ctx, path);
    if (text !== null) wrappers.push(...wrappersIn(ctx, path, text));
  }
  if (wrappers.length === 0) return out;
  const names = new Set(wrappers.map((w) => w.name));
  const words = new Set([...names, ...wrappers.map((w) => importedStem(w.file))]);
  for (const path of pythonFiles) {
    if (!importsAnyOf(ctx.facts(path), words)) continue;
    const text = lookText(ctx, path);
    if (text === null || ![...names].some((n) => text.includes(n))) continue;
    const seen = new Set<string>();
    let starts: number[] | undefined;
    // In line order, a closure's own def before the def around it: the first call that names a package is its evidence.
    const calls = callingFlows(text, (w) => names.has(w)).flatMap((fn) => fn.calls.map((c) => ({ fn, c })));
    calls.sort((x, y) => x.c.line - y.c.line || y.fn.defLine - x.fn.defLine);
    for (const { fn, c } of calls) {
      if (c.callee === '') continue;
      const dot = c.callee.lastIndexOf('.');
      const file = calledModuleFile(ctx, path, dot < 0 ? undefined : c.callee.slice(0, dot), c.word);
      const w = file === null ? undefined : wrappers.find((x) => x.file === file && x.name === c.word);
      // Only a wrapper whose first parameter is the anchor is read: a later argument would need the call's arguments split.
      if (w === undefined || w.param !== 0 || file === path || c.positional[0] === undefined) continue;
      const named = argumentNames(text, (starts ??= lineStarts(text)), c.positional[0], fn, c.line);
      if (named === null) continue;
      for (const init of packageInitsFor(ctx, named)) {
        if (seen.has(init)) continue;
        seen.add(init);
        const which = init === `${packageDir(ctx, named.name)}/__init__.py` ? `the package ${named.name}` : `a package under ${named.name} (the name is extended at run time)`;
        const from = named.where === undefined ? '' : ` (${named.where})`;
        out.references.push({ from: path, target: init, targetKind: 'file', line: c.line, label: `${which}, imported by ${c.callee}(…) in ${path}:${c.line}${from}, which hands it to ${w.via}` });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'resource-wrappers',
  title: 'packages handed to a resource API by a repo function that wraps it',
  ecosystem: 'python',
  enabledBy: firstResourceApiImporter,
  collect: collectResourceWrappers,
};

export default reader;
