/**
 * Stop 62: a repo function that imports a name under each of a list of packages it is handed, the
 * way a host finds its plugins by name in its own search path. cloud-init's importer.py:
 *
 *     def find_module(base_name, search_paths, required_attrs=None):
 *         for path in search_paths:
 *             real_path = []
 *             if path: real_path.extend(path.split("."))
 *             real_path.append(base_name)
 *             full_path = ".".join(real_path)
 *         …  _count_attrs(full_path, required_attrs)  → importlib.import_module(module_name); hasattr(mod, attr)
 *
 * called as `importer.find_module(name, ["", __name__], ["Distro"])` (distros/__init__.py), with
 * `["", type_utils.obj_name(config)]` and `["handle"]` (config/modules.py), `[__name__]` and
 * `[MERGER_ATTR]` (mergers/__init__.py). The name comes from the host's config at run time, so any
 * module directly in each package handed in may be the one loaded; when the loader keeps only
 * modules that have every attribute of a list it is handed (`hasattr(mod, attr)` over it) and the
 * caller hands a literal list, only the modules that define those names at their top level are.
 *
 * A loader is a top-level def, in a file whose facts show a computed import, that loops over one
 * parameter (`for path in search_paths:`), joins the loop value and another parameter into a
 * dotted name (`".".join(…)` after `.append(base)`, `f"{path}.{base}"`, `path + "." + base`,
 * `"%s.%s" % (path, base)`), and imports it (import_module / __import__ / import_string in the def,
 * or in a def of the same file it calls). A search-path item settles when it is a dotted literal,
 * `__name__` of a package's `__init__.py`, `__package__`, or `f(M)` for a repo function whose body
 * returns `str(x.__name__)` / `x.__name__` of its parameter, with `M` a package the caller imports.
 * A search path the caller does not spell out (a parameter, a list built elsewhere) settles to
 * nothing: no guess. Cost: only files whose facts show a computed import are read for loaders, and
 * only files whose imports bind the loader's module or name for calls.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { callArguments, literalValue } from './call-text.js';
import { calledModuleFile, defSpan, firstComputedImport, fromName, importsAnyOf, importedStem, indentOf, moduleFile } from './python-files.js';
import { childrenIn, moduleConstants } from './prefixed-imports.js';
import { alternation, CORE_LOADS } from '../../languages/python/loader-names.js';
import { escapeRegExp } from '../../util/regexp.js';
import { insideSpans, tripleQuotedSpans } from './triple-quoted.js';

/** A top-level def's name, parameters and body, as read from the text. */
interface Def {
  name: string;
  line: number;
  params: string[];
  body: string;
  /** The body's offsets in the text. */
  start: number;
  end: number;
}

/** A search-path loader: which parameter is the name, which the search path, which (if any) the required attributes. */
export interface SearchPathLoader {
  file: string;
  name: string;
  line: number;
  base: number;
  paths: number;
  attrs: number | null;
  params: string[];
  /**
   * A def that hands its own parameter on as a loader's search path (cloud-init's `list_sources(cfg_list,
   * depends, pkg_list)` → `find_module(ds_name, pkg_list, ["get_datasource_list"])`): the call it makes,
   * shown, and the attributes that call asks for (null: none read).
   */
  via?: { shown: string; attrs: string[] | null; unread: string | null };
}

const DEF_HEAD = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;
/** A load call whose module name is not one plain literal (`import_module("a.b")` names one module; `"%s.%s" % (p, n)` does not). */
const LOAD_CALL = new RegExp(String.raw`\b(?:${alternation(CORE_LOADS)})\s*\(\s*(?![rRuUbB]{0,2}(['"])[^'"\n]*\1\s*[,)])`);
/** The most loaders followed, those a def handing its parameter on makes included (a chain of hand-offs is short). */
const MAX_LOADERS = 64;
/** The longest line read for a list's items or a tuple unpacking. */
const MAX_LINE = 400;
/** An attributes argument that asks for none: the loader keeps every module. */
const NO_ATTRS = /^(?:None|\[\s*\]|\(\s*\))$/;
/** The longest def body read; a loader is short. */
const MAX_BODY = 20_000;

/**
 * The calls of `name`, a def of `file`, in each Python file that may reach it (the file itself, or one
 * whose imports bind its module or name): in code (not a def line, a comment or a triple-quoted
 * string), and reaching `file` itself (calledModuleFile); m[1] is the module name it is called through.
 */
export function* codeCallsOf(ctx: FrameworkContext, python: readonly string[], file: string, name: string): Generator<{ caller: string; text: string; calls: RegExpExecArray[] }> {
  const words = new Set([importedStem(file), name]);
  const call = new RegExp(String.raw`(?<![\w.])(?:([A-Za-z_]\w*)\s*\.\s*)?${escapeRegExp(name)}\s*\(`, 'g');
  for (const caller of python) {
    if (caller !== file && !importsAnyOf(ctx.facts(caller), words)) continue;
    const text = ctx.readText(caller);
    if (text === null || !text.includes(name)) continue;
    const strings = tripleQuotedSpans(text);
    const calls: RegExpExecArray[] = [];
    for (const m of text.matchAll(call)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (/^\s*(?:async\s+)?def\s/.test(text.slice(lineStart, m.index + m[0].length)) || text.slice(lineStart, m.index).includes('#') || insideSpans(strings, m.index)) continue;
      const reached = caller === file && m[1] === undefined ? file : calledModuleFile(ctx, caller, m[1], name);
      if (reached === file) calls.push(m as RegExpExecArray);
    }
    if (calls.length > 0) yield { caller, text, calls };
  }
}

/** The top-level defs of a file, each with its parameter names (annotations, defaults and stars dropped). */
export const topLevelDefs = (text: string): Def[] => {
  const out: Def[] = [];
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(DEF_HEAD)) {
    // Lines counted on from the last def, not from the top each time: a file of many defs costs one pass.
    for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const open = m.index + m[0].length - 1;
    const close = { at: -1 };
    const args = callArguments(text, open, close);
    if (args === null) continue;
    const params = args.map((a) => a.replace(/^\*{1,2}/, '').split(/[:=]/)[0].trim()).filter((p) => /^[A-Za-z_]\w*$/.test(p));
    // The body: every line after the header's that is blank or indented, up to the next column-zero code.
    const headEnd = text.indexOf('\n', close.at);
    if (headEnd < 0) continue;
    let end = headEnd + 1;
    while (end < text.length && end - headEnd < MAX_BODY) {
      const next = text.indexOf('\n', end);
      const line = text.slice(end, next < 0 ? text.length : next);
      if (line.trim() !== '' && indentOf(line) === 0 && !line.trimStart().startsWith('#')) break;
      end = next < 0 ? text.length : next + 1;
    }
    out.push({ name: m[1], line, params, body: text.slice(headEnd + 1, end), start: headEnd + 1, end });
  }
  return out;
};

/** Where `body` joins loop value `v` and parameter `b` into a dotted name (the join's offset), or -1. */
const joinsDotted = (body: string, v: string, b: string): number => {
  const V = escapeRegExp(v);
  const B = escapeRegExp(b);
  const listJoin = new RegExp(String.raw`(['"])\.\1\s*\.\s*join\(`).exec(body);
  if (listJoin !== null && new RegExp(String.raw`\.append\(\s*${B}\s*\)`).test(body) && new RegExp(String.raw`\b${V}\s*\.\s*split\(|\.(?:append|extend)\(\s*${V}\s*\)`).test(body)) return listJoin.index;
  const shapes = [
    String.raw`[fF](['"])\{${V}\}\.\{${B}\}\1`,
    String.raw`\b${V}\s*\+\s*(['"])\.\1\s*\+\s*${B}\b`,
    String.raw`(['"])%s\.%s\1\s*%\s*\(\s*${V}\s*,\s*${B}\s*\)`,
  ];
  for (const shape of shapes) {
    const m = new RegExp(shape).exec(body);
    if (m !== null) return m.index;
  }
  return -1;
};

/**
 * Whether the dotted name joined at `at` is what the def imports: the join is the first argument of a load
 * (or of a same-file def that loads), or is assigned to a name that is. A name joined and only logged,
 * printed or compared is no load, whatever else the def imports (a def that logs `f"{p}.{name}"` for each
 * path and then imports `name` alone loads nothing of the search path).
 */
const joinIsLoaded = (body: string, at: number, loads: ReadonlySet<string>): boolean => {
  if (at < 0) return false;
  // The line up to the join, its last 200 characters: a load call's head is short.
  const before = body.slice(Math.max(body.lastIndexOf('\n', at) + 1, at - 200), at);
  const head = /(\.?)([A-Za-z_]\w*)\s*\(\s*$/.exec(before);
  if (head !== null && isLoad(head[1], head[2], loads)) return true;
  const assigned = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*$/.exec(before);
  if (assigned === null) return false;
  for (const m of body.matchAll(new RegExp(String.raw`(\.?)\b([A-Za-z_]\w*)\s*\(\s*${escapeRegExp(assigned[1])}\s*[,)]`, 'g'))) if (isLoad(m[1], m[2], loads)) return true;
  return false;
};

/** Whether a call of `name` (after `dot`, '.' or '') loads: a core load (`importlib.import_module`), or a same-file def in `loads` called bare. */
const isLoad = (dot: string, name: string, loads: ReadonlySet<string>): boolean => (CORE_LOADS as readonly string[]).includes(name) || (dot === '' && loads.has(name));

/** The names a body calls bare (`f(`, not `x.f(`), with each first call's offset: one pass, whatever the number of defs. */
const bareCalls = (body: string): Map<string, number> => {
  const out = new Map<string, number>();
  for (const m of body.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)) if (!out.has(m[1])) out.set(m[1], m.index);
  return out;
};

/** Whether `body` keeps only modules having each item of parameter `c` (`for a in c: … hasattr(…, a)`). */
const filtersByAttrs = (body: string, c: string): boolean => {
  const loop = new RegExp(String.raw`\bfor\s+([A-Za-z_]\w*)\s+in\s+${escapeRegExp(c)}\s*:`).exec(body);
  return loop !== null && new RegExp(String.raw`\bhasattr\([^,()]+,\s*${escapeRegExp(loop[1])}\s*\)`).test(body);
};

/** The search-path loaders a file defines. */
export const searchPathLoaders = (file: string, text: string): SearchPathLoader[] => {
  const defs = topLevelDefs(text);
  const loads = new Set(defs.filter((d) => LOAD_CALL.test(d.body)).map((d) => d.name));
  // Defs by name, and each def's bare calls looked up in them: a file of thousands of defs costs one pass per def, not one pattern per pair.
  const byName = new Map<string, Def[]>();
  for (const d of defs) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const out: SearchPathLoader[] = [];
  for (const d of defs) {
    if (d.params.length < 2) continue;
    const calls = bareCalls(d.body);
    if (!loads.has(d.name) && ![...calls.keys()].some((n) => loads.has(n))) continue;
    for (const loop of d.body.matchAll(/^[ \t]+for[ \t]+([A-Za-z_]\w*)[ \t]+in[ \t]+([A-Za-z_]\w*)[ \t]*:/gm)) {
      const paths = d.params.indexOf(loop[2]);
      if (paths < 0) continue;
      const base = d.params.findIndex((p, i) => i !== paths && joinIsLoaded(d.body, joinsDotted(d.body, loop[1], p), loads));
      if (base < 0) continue;
      // The required attributes: another parameter the def (or a same-file def it hands it to) filters by.
      let attrs: number | null = null;
      d.params.forEach((c, i) => {
        if (attrs !== null || i === paths || i === base) return;
        if (filtersByAttrs(d.body, c)) attrs = i;
        for (const [called, offset] of calls) {
          for (const other of byName.get(called) ?? []) {
            if (other === d) continue;
            const args = callArguments(d.body, d.body.indexOf('(', offset));
            const at = args?.findIndex((a) => a === c) ?? -1;
            if (at >= 0 && other.params[at] !== undefined && filtersByAttrs(other.body, other.params[at])) attrs = i;
          }
        }
      });
      out.push({ file, name: d.name, line: d.line, base, paths, attrs, params: d.params });
      break;
    }
  }
  return out;
};

/** Whether a repo function returns the `__name__` of its first parameter (cloud-init's type_utils.obj_name). */
const returnsDunderName = (ctx: FrameworkContext, file: string, name: string): boolean => {
  const text = ctx.readText(file);
  const d = text === null ? undefined : topLevelDefs(text).find((x) => x.name === name);
  if (d === undefined || d.params.length === 0) return false;
  const p = escapeRegExp(d.params[0]);
  return new RegExp(String.raw`^[ \t]+return[ \t]+(?:str\(\s*${p}\.__name__\s*\)|${p}\.__name__)[ \t]*$`, 'm').test(d.body);
};

/** The package folder a search-path item names from `caller`, with how it was read; null when it does not settle. */
const settleItem = (ctx: FrameworkContext, caller: string, item: string): { folder: string; shown: string } | null => {
  const init = (f: string | null): string | null => (f !== null && basename(f) === '__init__.py' ? dirname(f) : null);
  const literal = literalValue(item);
  if (literal !== null) {
    if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(literal)) return null;
    const folder = init(ctx.module(literal)[0] ?? null);
    return folder === null ? null : { folder, shown: `'${literal}'` };
  }
  if (item === '__name__') return basename(caller) === '__init__.py' ? { folder: dirname(caller), shown: '__name__' } : null;
  if (item === '__package__') return ctx.files.has(`${dirname(caller)}/__init__.py`) ? { folder: dirname(caller), shown: '__package__' } : null;
  const call = /^(?:([A-Za-z_]\w*)\s*\.\s*)?([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*)\s*\)$/.exec(item);
  if (call === null) return null;
  const fnFile = call[1] === undefined && topLevelDefs(ctx.readText(caller) ?? '').some((d) => d.name === call[2]) ? caller : calledModuleFile(ctx, caller, call[1], call[2]);
  if (fnFile === null || !returnsDunderName(ctx, fnFile, call[2])) return null;
  // The argument: a package the caller imports (`from cloudinit import config`, `import a.b as config`).
  for (const i of ctx.facts(caller)?.imports ?? []) {
    const n = i.syntax === 'from' ? i.names.find((x) => (x.alias ?? x.name) === call[3]) : undefined;
    const specifier = n !== undefined ? fromName(i.specifier, n.name) : i.syntax !== 'from' && (i.alias ?? i.specifier) === call[3] ? i.specifier : null;
    if (specifier === null) continue;
    const folder = init(moduleFile(ctx, caller, specifier));
    return folder === null ? null : { folder, shown: item };
  }
  return null;
};

/** The items of a literal list or tuple argument, or null when it is not one. */
const listItems = (arg: string): string[] | null => {
  const a = arg.trim();
  if (!/^[[(][\s\S]*[\])]$/.test(a)) return null;
  return callArguments(`(${a.slice(1, -1)})`, 0)?.filter((x) => x !== '') ?? null;
};

/** The attribute names a literal list argument holds (literals, or module constants of the caller), or null. */
const attrNames = (arg: string, text: string): string[] | null => {
  const items = listItems(arg);
  if (items === null || items.length === 0) return null;
  const constants = moduleConstants(text);
  const names = items.map((i) => literalValue(i) ?? constants.get(i.trim()) ?? null);
  return names.every((n) => n !== null && /^[A-Za-z_]\w*$/.test(n)) ? (names as string[]) : null;
};

/** A block a module-level statement may sit in and still bind a module attribute (not a def or class body). */
const MODULE_BLOCK = /^(?:if|elif|else|try|except|finally|with|for|while)\b/;
/** `if __name__ == '__main__':`: the script's own block. */
const MAIN_GUARD = /^if\s*\(?\s*__name__\s*==\s*(['"])__main__\1/;
/** Lines walked up from an indented binding to its column-0 block header, and indented bindings tried per name. */
const MAX_WALK = 400;
const MAX_INDENTED = 32;

/**
 * Whether the indented line at `at` (its indent `indent` characters) sits in module-level blocks only:
 * each less-indented code line above it, up to column 0, opens an if/try/with/loop block. Stop 63: a
 * module binds `def get_datasource_list` as well under `if sys.version_info …:` or `try: … except
 * ImportError:` as at column 0; a def or class above it makes the binding a local or an attribute.
 */
const inModuleBlocks = (text: string, at: number, indent: number): boolean => {
  let want = indent;
  let end = at - 1;
  for (let walked = 0; end > 0 && walked < MAX_WALK; walked++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const code = line.trimStart();
    if (code === '' || code.startsWith('#')) continue;
    const i = line.length - code.length;
    if (i >= want) continue;
    // A block that runs only when the file is run as a script binds nothing in the module a loader imports.
    if (!MODULE_BLOCK.test(code) || MAIN_GUARD.test(code)) return false;
    if (i === 0) return true;
    want = i;
  }
  return false;
};

/**
 * Whether a module's text binds `name` at its top level (a def, a class, an assignment, an import), at
 * column 0 or inside module-level if/try/with blocks.
 */
export const definesTopLevel = (text: string, name: string): boolean => {
  const n = escapeRegExp(name);
  const binds = new RegExp(String.raw`^([ \t]*)(?:(?:async[ \t]+)?def[ \t]+${n}\b|class[ \t]+${n}\b|${n}[ \t]*(?::[^=\n]*)?=(?!=)|(?:from[ \t]+\S+[ \t]+)?import[ \t][^\n#]*\b${n}\b)`, 'gm');
  let indented = 0;
  for (const m of text.matchAll(binds)) {
    if (m[1] === '') return true;
    if (++indented > MAX_INDENTED) return false;
    if (inModuleBlocks(text, m.index, m[1].length)) return true;
  }
  return false;
};

/** The argument a call hands to parameter `index` of `loader` (positional or by keyword), or null. */
const argumentFor = (args: readonly string[], loader: SearchPathLoader, index: number): string | null => {
  if (index < 0 || index >= loader.params.length) return null;
  const keyword = args.find((a) => new RegExp(String.raw`^${escapeRegExp(loader.params[index])}\s*=(?!=)`).test(a));
  if (keyword !== undefined) return keyword.slice(keyword.indexOf('=') + 1).trim();
  const positional = args[index];
  return positional === undefined || /^[A-Za-z_]\w*\s*=(?!=)/.test(positional) || positional.startsWith('*') ? null : positional;
};

/** The lines of the def (any depth: a method too) around 0-based line `at`, or null at module level. */
const defLines = (lines: readonly string[], at: number): string[] | null => {
  const span = defSpan(lines, at);
  return span === null ? null : lines.slice(span.from, span.end);
};

/**
 * The items a list local of a def is given from the def's own code (`L = [...]`, `L = X or [...]`,
 * `L.append(item)`, `L.append(n)` inside `for n in [...]:`), before `upTo` (an index into `lines`):
 * what the code adds, whatever a config adds at run time. Null when the def gives it none.
 */
const listFill = (lines: readonly string[], upTo: number, name: string): string[] | null => {
  const n = escapeRegExp(name);
  const items: string[] = [];
  const loops = new Map<string, string[]>();
  for (let l = 0; l < upTo && l < lines.length; l++) {
    // A list written on one line is short; a longer line (generated, hostile) is not read by the patterns below.
    if (lines[l].length > MAX_LINE) continue;
    const line = lines[l].replace(/\s+#.*$/, '');
    const loop = /^\s*for\s+([A-Za-z_]\w*)\s+in\s+([[(].*[\])])\s*:\s*$/.exec(line);
    if (loop !== null) loops.set(loop[1], listItems(loop[2]) ?? []);
    const assigned = new RegExp(String.raw`^\s*${n}\s*=(?!=)\s*(?:.*\bor\s+)?([[(].*[\])])\s*$`).exec(line);
    if (assigned !== null) items.push(...(listItems(assigned[1]) ?? []));
    const appended = new RegExp(String.raw`^\s*${n}\s*\.\s*append\(\s*(.+?)\s*\)\s*$`).exec(line);
    if (appended !== null) items.push(...(loops.get(appended[1]) ?? [appended[1]]));
  }
  return items.length === 0 ? null : items;
};

/**
 * The items of a list a caller's local holds, read from its own def: filled there (listFill), or unpacked
 * from `self.M()` of the same file (`(cfg_list, pkg_list) = self._get_datasources()`, cloud-init's
 * stages.py:322) and filled in M before the `return (…)` that hands it back at the same place.
 */
const localItems = (text: string, at: number, name: string): { items: string[]; shown: string } | null => {
  const lines = text.split('\n');
  const line = text.slice(0, at).split('\n').length - 1;
  const own = defLines(lines, line);
  const span = defSpan(lines, line);
  if (own === null || span === null) return null;
  const before = line - span.from;
  const filled = listFill(own, before, name);
  if (filled !== null) return { items: filled, shown: `${name} as its def fills it` };
  const n = escapeRegExp(name);
  for (let l = before - 1; l >= 0; l--) {
    if (own[l].length > MAX_LINE) continue;
    const m = new RegExp(String.raw`^\s*\(?\s*((?:[A-Za-z_]\w*\s*,\s*)*)${n}((?:\s*,\s*[A-Za-z_]\w*)*)\s*,?\s*\)?\s*=(?!=)\s*self\.([A-Za-z_]\w*)\(\s*\)\s*$`).exec(own[l]);
    if (m === null) continue;
    const position = m[1].split(',').filter((x) => x.trim() !== '').length;
    const tuple = m[1] !== '' || m[2] !== '';
    const head = new RegExp(String.raw`^[ \t]+def[ \t]+${escapeRegExp(m[3])}[ \t]*\(\s*self\b`);
    const at2 = lines.findIndex((x) => head.test(x));
    if (at2 < 0 || at2 + 1 >= lines.length) return null;
    const method = defLines(lines, at2 + 1);
    if (method === null) return null;
    const ret = method.findIndex((x) => /^\s*return\s/.test(x));
    if (ret < 0 || method[ret].length > MAX_LINE) return null;
    const returned = /^\s*return\s+\(?(.*?)\)?\s*$/.exec(method[ret])![1].split(',').map((x) => x.trim());
    const local = tuple ? returned[position] : returned.length === 1 ? returned[0] : undefined;
    if (local === undefined || !/^[A-Za-z_]\w*$/.test(local)) return null;
    const items = listFill(method, ret, local);
    return items === null ? null : { items, shown: `${name} from self.${m[3]}() at line ${at2 + 1}` };
  }
  return null;
};

const collectSearchPathLoaders = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const python = listedPaths(ctx.files).filter((f) => f.endsWith('.py'));
  const loaders: SearchPathLoader[] = [];
  for (const f of python) {
    if (ctx.facts(f)?.computedImportLines === undefined) continue;
    const text = ctx.readText(f);
    if (text !== null && /\bfor\b/.test(text)) loaders.push(...searchPathLoaders(f, text));
  }
  if (loaders.length === 0) return out;
  const seen = new Set<string>();
  const derived = new Set<string>();
  for (let at = 0; at < loaders.length; at++) {
    const loader = loaders[at];
    for (const { caller, text, calls } of codeCallsOf(ctx, python, loader.file, loader.name)) {
      for (const m of calls) {
        const args = callArguments(text, m.index + m[0].length - 1);
        if (args === null) continue;
        const pathsArg = argumentFor(args, loader, loader.paths);
        const attrsArg = loader.attrs === null ? null : argumentFor(args, loader, loader.attrs);
        const attrs = loader.via !== undefined ? loader.via.attrs : attrsArg === null ? null : attrNames(attrsArg, text);
        // A filter handed attributes it cannot read (a variable, a list built at run time) keeps no module out:
        // any module of the package may be the one loaded, and the evidence says the filter went unread.
        const unread = loader.via !== undefined ? loader.via.unread : attrs === null && attrsArg !== null && !NO_ATTRS.test(attrsArg.trim()) ? attrsArg.trim().replace(/\s+/g, " ") : null;
        const line = text.slice(0, m.index).split('\n').length;
        const callShown = `${m[0].replace(/\s+/g, '')}${args.filter((a) => a !== '').join(', ')})`;
        const local = pathsArg !== null && /^[A-Za-z_]\w*$/.test(pathsArg) ? localItems(text, m.index, pathsArg) : null;
        const items = pathsArg === null ? null : (listItems(pathsArg) ?? local?.items ?? null);
        if (items === null) {
          // The caller's own parameter handed on as the search path: the caller's def is a loader too, its callers settle it.
          const def = pathsArg === null || !/^[A-Za-z_]\w*$/.test(pathsArg) ? undefined : topLevelDefs(text).find((d) => d.start <= m.index && m.index < d.end);
          const paths = def === undefined ? -1 : def.params.indexOf(pathsArg!);
          const key = `${caller}\0${def?.name}`;
          if (def !== undefined && paths >= 0 && !derived.has(key) && loaders.length < MAX_LOADERS) {
            derived.add(key);
            const baseArg = argumentFor(args, loader, loader.base);
            const base = baseArg === null ? -1 : def.params.indexOf(baseArg);
            const shown = `${loader.file}:${loader.line} ${loader.name} at line ${line}${loader.via === undefined ? '' : `, which hands it on to ${loader.via.shown}`}`;
            loaders.push({ file: caller, name: def.name, line: def.line, base, paths, attrs: null, params: def.params, via: { shown, attrs, unread } });
          }
          continue;
        }
        for (const item of items) {
          const settled = settleItem(ctx, caller, item.trim());
          if (settled === null) continue;
          const where = `${settled.folder === '' ? '.' : settled.folder}/`;
          const having = attrs !== null ? ` that defines ${attrs.join(' and ')}` : unread !== null ? ` (the attributes it must define, ${unread.length > 60 ? `${unread.slice(0, 57)}...` : unread}, are not read: none is kept out)` : '';
          const through = `${loader.file}:${loader.line} ${loader.name}${loader.via === undefined ? '' : `, which hands its search path on to ${loader.via.shown}`}, which imports the name it is handed under each search path`;
          const label = `loaded by ${caller}:${line} (${callShown}) through ${through} (${local === null ? '' : `${local.shown}: `}${settled.shown} is ${where}): any module of ${where}${having} may be the one loaded`;
          const initLabel = `run before the modules of ${where} that ${caller}:${line} loads through ${loader.file}:${loader.line} ${loader.name} (a package runs before its modules)`;
          const accept = (_name: string, target: string): boolean => attrs === null || attrs.every((a) => definesTopLevel(ctx.readText(target) ?? '', a));
          for (const c of childrenIn(ctx, settled.folder, accept)) {
            const key = `${caller}\0${c.target}`;
            if (c.target === caller || seen.has(key)) continue;
            seen.add(key);
            out.references.push({ from: caller, target: c.target, targetKind: 'file', line, label: c.init ? initLabel : label });
          }
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'search-path-loaders',
  title: 'Python loaders that import a name under each package of a search path',
  ecosystem: 'python',
  enabledBy: firstComputedImport,
  collect: collectSearchPathLoaders,
};

export default reader;
