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
import { listedPaths } from '../../util/file-index.js';
import { lineAt, lineCounter } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { boundDotted, firstResourceApiImporter, importsResourceApi, lookText, packageDir } from './package-paths.js';
import { calledModuleFile, codeNames, defsOf, importedStem, importsAnyOf } from './python-files.js';
import { orFallback } from './loader-functions.js';

/** The resource API functions whose first argument is a package they import. */
const RESOURCE_FUNCTION = /^(?:(?:importlib\.resources|importlib_resources)\.(?:files|read_text|read_binary|open_text|open_binary|path|contents|is_resource)|pkg_resources\.resource_(?:filename|string|stream|exists|isdir|listdir)|pkgutil\.get_data)$/;

/** A dotted callee and the opening bracket of its call. */
const CALLEE = /(?<![\w.])([A-Za-z_][\w.]*)\s*\(/g;

/**
 * Whitespace and comments between tokens of a call split over lines. A comment runs to its line's
 * end (`(?![^\n])`): without that, each `#` inside one could start a new repetition, and a banner of
 * n `#` after an open bracket split 2^n ways when the rest of the pattern fails (review s55-rm4).
 */
const GAP = String.raw`(?:\s|#[^\n]*(?![^\n]))*`;

/** A resource API call in a file's text: the API function and the offset just after its `(`. */
export interface ResourceCall {
  api: string;
  index: number;
  open: number;
}

/** The resource API calls of a Python file, each callee read through the file's imports. */
export const resourceApiCalls = (ctx: FrameworkContext, path: string, text: string): ResourceCall[] => {
  const imports = ctx.facts(path)?.imports ?? [];
  const out: ResourceCall[] = [];
  const isCode = codeNames(text);
  for (const m of text.matchAll(CALLEE)) {
    const api = boundDotted(m[1], imports);
    if (RESOURCE_FUNCTION.test(api) && isCode(m.index!)) out.push({ api, index: m.index!, open: m.index! + m[0].length });
  }
  return out;
};

/** A literal first argument, str or bytes: `'pkg.data'`, `b"pkg.data"`, then `,` or `)`. */
const LITERAL_FIRST = new RegExp(String.raw`^${GAP}[bB]?(['"])([A-Za-z_][\w.]*)\1${GAP}[,)]`);

/** The literal package a call's first argument names, or null. */
export const literalFirst = (text: string, open: number): string | null => LITERAL_FIRST.exec(text.slice(open, open + 300))?.[2] ?? null;

/** A repo function that hands one of its parameters to a resource API as the anchor. */
interface Wrapper {
  file: string;
  name: string;
  param: number;
  /** Where it hands it on, shown: `resources.files(…) in mercurial/utils/resourceutil.py:94`. */
  via: string;
}

/**
 * Whether the body of the def at `at`, above the line of the call at `call`, rebinds `param` on a
 * line of the body's own indent (so on every path: `package = DEFAULT_PACKAGE`), which hands the
 * call something else than the caller's value; `package = package or X` keeps it, and a rebinding
 * under an `if` is one path of several. The body starts below the header's `)` (a header over
 * lines holds `package=None,` too).
 */
const rebound = (text: string, at: number, call: number, param: string): boolean => {
  const from = text.indexOf('\n', text.indexOf(')', at));
  const to = text.lastIndexOf('\n', call);
  if (from < 0 || to <= from) return false;
  const lines = text.slice(from + 1, to).split('\n');
  const body = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (body === undefined) return false;
  const indent = /^[ \t]*/.exec(body)![0];
  const assigns = new RegExp(String.raw`^${indent}${escapeRegExp(param)}\s*(?::[^=]*)?=(?!=)(.*)$`);
  return lines.some((l) => {
    const m = assigns.exec(l);
    return m !== null && !orFallback(param, m[1]);
  });
};

/** The wrappers a file defines: defs whose parameter (or one call of it, `str(package)`) is a resource call's first argument. */
const wrappersIn = (ctx: FrameworkContext, path: string, text: string): Wrapper[] => {
  const calls = resourceApiCalls(ctx, path, text);
  if (calls.length === 0) return [];
  const out: Wrapper[] = [];
  for (const d of defsOf(text)) {
    const params = d.params;
    if (params[0] === 'self' || params[0] === 'cls') continue;
    for (const c of calls) {
      if (c.index < d.index || c.index >= d.end) continue;
      const first = new RegExp(String.raw`^${GAP}(?:[A-Za-z_][\w.]*\s*\(${GAP})?([A-Za-z_]\w*)${GAP}\)?${GAP}[,)]`).exec(text.slice(c.open, c.open + 300));
      const param = first === null ? -1 : params.indexOf(first[1]);
      if (param < 0 || out.some((w) => w.name === d.name) || rebound(text, d.index, c.index, params[param])) continue;
      out.push({ file: path, name: d.name, param, via: `${c.api.replace(/^importlib\./, '')}(…) in ${path}:${lineAt(text, c.index)}` });
    }
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

/** How far above a call the local it hands on may be assigned. */
const LOOK_BACK = 12;

/** The package a call's first argument names: read as namedBy, or a local assigned so above the call (and maybe extended by `+= '.' + x`). */
/** A call's first argument: a literal (str or bytes) or a plain name. */
const FIRST_ARGUMENT = new RegExp(String.raw`^${GAP}(?:([bB]?(['"])[A-Za-z_][\w.]*\2)|([A-Za-z_]\w*))${GAP}[,)]`);

const argumentNames = (text: string, open: number, callLine: number): Named | null => {
  const arg = FIRST_ARGUMENT.exec(text.slice(open, open + 300));
  if (arg === null) return null;
  if (arg[1] !== undefined) return namedBy(arg[1]);
  const local = arg[3];
  // Only the lines LOOK_BACK can reach: a file with thousands of calls must not split its whole head each time.
  let from = open;
  for (let n = 0; n <= LOOK_BACK + 1 && from > 0; n++) from = text.lastIndexOf('\n', from - 1);
  const lines = text.slice(from < 0 ? 0 : from + 1, open).split('\n');
  // The last of `lines` is the call's own line.
  const before = callLine - lines.length;
  let below = false;
  let extended = '';
  const extension = new RegExp(String.raw`^\s*${escapeRegExp(local)}\s*\+=\s*[bB]?(['"])\.\1\s*\+`);
  const assigns = new RegExp(String.raw`^\s*${escapeRegExp(local)}\s*=(?!=)(.*)$`);
  for (let l = lines.length - 2; l >= 0 && l >= lines.length - 1 - LOOK_BACK; l--) {
    const line = lines[l];
    if (/^\s*(?:async\s+)?def\s/.test(line)) return null;
    if (extension.test(line)) {
      below = true;
      extended = ` extended by ${line.trim()} at line ${before + l + 1}`;
      continue;
    }
    const set = assigns.exec(line);
    if (set === null) continue;
    const named = namedBy(set[1].replace(/\s+#.*$/, ''));
    if (named === null) return null;
    return { name: named.name, below: below || named.below, where: `${local} = ${set[1].trim()} at line ${before + l + 1}${extended}` };
  }
  return null;
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
    if (!importsResourceApi(ctx.facts(path))) continue;
    const text = lookText(ctx, path);
    if (text !== null) wrappers.push(...wrappersIn(ctx, path, text));
  }
  if (wrappers.length === 0) return out;
  const names = [...new Set(wrappers.map((w) => w.name))];
  const call = new RegExp(String.raw`(?<![\w.])(?:([A-Za-z_][\w.]*)\.)?(${names.map(escapeRegExp).join('|')})\s*\(`, 'g');
  const words = new Set([...names, ...wrappers.map((w) => importedStem(w.file))]);
  for (const path of pythonFiles) {
    if (!importsAnyOf(ctx.facts(path), words)) continue;
    const text = lookText(ctx, path);
    if (text === null || !names.some((n) => text.includes(n))) continue;
    const seen = new Set<string>();
    const lineOf = lineCounter(text);
    const isCode = codeNames(text);
    for (const m of text.matchAll(call)) {
      const file = calledModuleFile(ctx, path, m[1], m[2]);
      const w = file === null ? undefined : wrappers.find((x) => x.file === file && x.name === m[2]);
      // Only a wrapper whose first parameter is the anchor is read: a later argument would need the call's arguments split.
      if (w === undefined || w.param !== 0 || file === path || !isCode(m.index!)) continue;
      const line = lineOf(m.index!);
      const named = argumentNames(text, m.index! + m[0].length, line);
      if (named === null) continue;
      for (const init of packageInitsFor(ctx, named)) {
        if (seen.has(init)) continue;
        seen.add(init);
        const which = init === `${packageDir(ctx, named.name)}/__init__.py` ? `the package ${named.name}` : `a package under ${named.name} (the name is extended at run time)`;
        const from = named.where === undefined ? '' : ` (${named.where})`;
        out.references.push({ from: path, target: init, targetKind: 'file', line, label: `${which}, imported by ${m[0].replace(/\s*\($/, '')}(…) in ${path}:${line}${from}, which hands it to ${w.via}` });
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
