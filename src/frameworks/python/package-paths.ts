/**
 * Paths a Python module builds to a file of its own package, read from one line of its text:
 * importlib.resources / pkg_resources / pkgutil calls with a package anchor and a literal name
 * (`read_text('mailman.config', 'schema.cfg')`, `files(__package__) / 'x.js'`,
 * `importlib_resources.files(qutebrowser) / filename`, `pkgutil.get_data(__name__, 'data/x.sh')`),
 * and paths built from `__file__` (`os.path.join(os.path.dirname(__file__), 'x.sh')`,
 * `Path(__file__).parent / 'x'`, through a path variable assigned above, or a module's path
 * constant such as `ranger.RANGERDIR`). Shared by package-configs (config files a package reads)
 * and package-data (any other file a package reads or runs by such a path). Nothing is run.
 */
import type { FileFacts, ImportFact } from '../../model/facts.js';
import type { FrameworkContext } from '../types.js';
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { pathValue, pathVariables, repoPathOf } from '../../languages/python/sys-path.js';
import { perScan } from '../per-scan.js';
import { listedPaths } from '../../util/file-index.js';
import { asksImport, importIndex, importQuestion, moduleFile } from './python-files.js';

/** Imports of the resource APIs: importlib.resources (`from importlib import resources`), its backport, pkg_resources, pkgutil. */
const RESOURCE_APIS: ReadonlySet<string> = new Set(['importlib', 'importlib.resources', 'importlib_resources', 'pkg_resources', 'pkgutil']);

/** A resource API's import, asked of every .py file in the scan's one walk of the imports (python-files importQuestion). */
const IMPORTS_RESOURCE_API = importQuestion(RESOURCE_APIS, []);

/** Whether a listed .py file's facts show an import of a resource API. */
export const importsResourceApi = (ctx: FrameworkContext, path: string): boolean => asksImport(ctx, IMPORTS_RESOURCE_API, path);

/** The enabling reason of the readers that follow resource API calls: the first .py file that imports one. */
export const firstResourceApiImporter = (ctx: FrameworkContext): string | null => {
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const path = listed[at];
    if (path.endsWith('.py') && importsResourceApi(ctx, path)) return `${path} imports a resource API`;
  }
  return null;
};

/** An anchor: a literal package, `__name__`/`__package__` (also `__package__ or 'pkg'`), or a name bound to a module. */
const anchor = (groupsBefore: number): string => `(?:(['"])([\\w.]+)\\${groupsBefore + 1}|(__name__|__package__)(?:\\s+or\\s+(['"])[\\w.]+\\${groupsBefore + 4})?|([A-Za-z_][\\w.]*))`;
const RESOURCE_CALL = new RegExp(String.raw`\b(read_text|read_binary|open_text|open_binary|path|is_resource|resource_filename|resource_string|resource_stream|resource_exists|resource_isdir|resource_listdir|get_data)\s*\(\s*${anchor(1)}\s*,\s*(['"])([^'"\n]+)\7`, 'g');
const FILES_CALL = new RegExp(String.raw`\bfiles\s*\(\s*${anchor(0)}\s*\)\s*(?:\/\s*|\.joinpath\s*\(\s*)(['"])([^'"\n]+)\6`, 'g');

export interface ResourceRead {
  /** The repo path named (a file or a folder; not checked). */
  target: string;
  /** Offset of the call in the text given. */
  index: number;
  /** The call, shown: `files('pkg') / 'x'`. */
  how: string;
  /** The literal package named as the anchor, which the call imports. */
  anchor?: string;
}

/** The folder of a package named by a dotted name (its __init__.py's folder), or null. */
export const packageDir = (ctx: FrameworkContext, name: string): string | null => {
  const init = ctx.module(name)[0];
  return init !== undefined && init.endsWith('/__init__.py') ? dirname(init) : null;
};

/** The dotted module a name the file bound by import stands for (`import mailman.config as cfg` → cfg), else the name as written. */
export const boundModule = (name: string, imports: readonly ImportFact[]): string => {
  for (const i of imports) {
    if (i.syntax === 'import' && (i.alias ?? i.specifier) === name) return i.specifier;
    if (i.syntax === 'from' && !i.specifier.startsWith('.')) {
      const n = i.names.find((x) => (x.alias ?? x.name) === name);
      if (n !== undefined) return `${i.specifier}.${n.name}`;
    }
  }
  return name;
};

/** A dotted name as written (`alembic_cmd.upgrade`), its first name read through the file's imports (boundModule): `alembic.command.upgrade`. */
export const boundDotted = (name: string, imports: readonly ImportFact[]): string => {
  const dot = name.indexOf('.');
  return dot < 0 ? boundModule(name, imports) : boundModule(name.slice(0, dot), imports) + name.slice(dot);
};

/**
 * The resource reads in `text` (one line, or a whole file) of the module at `path` whose literal
 * name `want` accepts. A bare-name anchor counts only when the file imports it as a module
 * (`import qutebrowser`; `files(qutebrowser)`).
 */
export const resourceReads = (ctx: FrameworkContext, path: string, text: string, want: (name: string) => boolean): ResourceRead[] => {
  const out: ResourceRead[] = [];
  const dirOf = (literal: string | undefined, own: string | undefined, bare: string | undefined): string | null => anchorDir(ctx, path, literal, own, bare);
  for (const m of text.matchAll(RESOURCE_CALL)) {
    if (!want(m[8])) continue;
    const dir = dirOf(m[3], m[4], m[6]);
    const target = dir === null ? null : joinRepo(dir, m[8]);
    if (target !== null) out.push({ target, index: m.index!, how: `${m[1]}(${shownAnchor(m[3], m[4], m[6])}, '${m[8]}')`, ...(m[3] === undefined ? {} : { anchor: m[3] }) });
  }
  for (const m of text.matchAll(FILES_CALL)) {
    if (!want(m[7])) continue;
    const dir = dirOf(m[2], m[3], m[5]);
    const target = dir === null ? null : joinRepo(dir, m[7]);
    if (target !== null) out.push({ target, index: m.index!, how: `files(${shownAnchor(m[2], m[3], m[5])}) / '${m[7]}'`, ...(m[2] === undefined ? {} : { anchor: m[2] }) });
  }
  return out;
};

/** The package folder a resource call's anchor names: a literal package, the file's own (`__name__`), or a module the file imports by that name. */
const anchorDir = (ctx: FrameworkContext, path: string, literal: string | undefined, own: string | undefined, bare: string | undefined): string | null => {
  if (literal !== undefined) return packageDir(ctx, literal);
  if (own !== undefined) return dirname(path);
  if (bare === undefined) return null;
  const imports = ctx.facts(path)?.imports ?? [];
  const module = boundModule(bare, imports);
  return module === bare && !imports.some((i) => i.syntax === 'import' && i.alias === undefined && i.specifier === bare) ? null : packageDir(ctx, module);
};
const shownAnchor = (literal: string | undefined, own: string | undefined, bare: string | undefined): string => (literal !== undefined ? `'${literal}'` : (own ?? bare ?? ''));

/** `%s`, `%d`, `%r`, `%(name)s` and `{}`, `{0}`, `{name}` in a resource name: a part filled in at run time. */
const PLACEHOLDER = /%(?:\(\w+\))?[sdr]|\{\w*\}/g;

export interface ResourceTemplate {
  /** The package folder the name is under. */
  folder: string;
  /** The name as a glob below it, each placeholder a `*` within one path segment (`cloudinit/*`). */
  glob: string;
  index: number;
  how: string;
}

/**
 * Stop 48: resource reads whose name is a template filled in at run time (heat's
 * `pkgutil.get_data('heat', 'cloudinit/%s' % fn)`, `'x/{}.sh'.format(name)`): the package folder and
 * the glob each placeholder makes. A name that is all placeholders (`'%s' % fn`) names no file.
 */
export const resourceTemplates = (ctx: FrameworkContext, path: string, text: string): ResourceTemplate[] => {
  const out: ResourceTemplate[] = [];
  for (const m of text.matchAll(RESOURCE_CALL)) {
    const name = m[8];
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    const percent = /^\s*%\s*[\w(]/.test(after);
    if (!(percent ? /%(?:\(\w+\))?[sdr]/.test(name) : /^\.format\s*\(/.test(after) && /\{\w*\}/.test(name))) continue;
    const glob = name.replace(/^\.?\//, '').replace(PLACEHOLDER, '*');
    if (!/[^*/]/.test(glob) || /[?[\]]/.test(glob) || glob.includes('..')) continue;
    const folder = anchorDir(ctx, path, m[3], m[4], m[6]);
    if (folder !== null) out.push({ folder, glob, index: m.index!, how: `${m[1]}(${shownAnchor(m[3], m[4], m[6])}, '${name}'${percent ? ' % …' : '.format(…)'})` });
  }
  return out;
};

/** How many places naming one file a module's `__file__` paths are tried at. */
export const MAX_FILE_PATHS_TRIED = 16;

/** The longest line a `__file__` path is looked for on: each try costs up to the square of its length. */
export const MAX_PATH_LINE = 300;

/** The brackets that close right after a literal, past a trailing comma: `',\n)`. */
const CLOSERS = /^\s*(?:,\s*)?(?:\)\s*)*/;

/**
 * The repo path of an expression built from `__file__` that ends with the literal at
 * [litStart, litEnd) of `line` (and the brackets that close right after it, past a trailing comma), tried from each place
 * an expression may start before the literal; the first one `accept` takes, or null.
 */
export const fileAnchoredPath = (line: string, litStart: number, litEnd: number, file: string, vars: ReadonlyMap<string, string>, accept: (repoPath: string) => boolean): string | null => {
  if (line.length > MAX_PATH_LINE) return null;
  const closers = CLOSERS.exec(line.slice(litEnd))![0];
  for (let s = 0; s < litStart; s++) {
    if (!/[A-Za-z_]/.test(line[s]) || (s > 0 && /[\w.]/.test(line[s - 1]))) continue;
    for (let c = 0; c <= closers.length; c++) {
      if (c > 0 && closers[c - 1] !== ')') continue;
      const value = repoPathOf(pathValue(line.slice(s, litEnd + c), file, vars));
      if (value !== null && accept(value)) return value;
    }
  }
  return null;
};

/** How many lines above a literal's own a `__file__` path split over lines is read from (the exploded form: one argument a line). */
const MAX_PATH_LINES_ABOVE = 4;
/** How many lines below a literal's own the brackets closed after it are looked for (Black: `"x.sh"\n)`). */
const MAX_PATH_LINES_BELOW = 2;

/**
 * Whether one of `anchors` starts in `text` at a place in [lo, hi): each anchor's places are found
 * once (an indexOf walk per anchor), then each ask is a bisection. A reader that looks for an
 * anchor in a line's view (the line, or spannedPathLine's lines around it, which lie within
 * MAX_PATH_LINE of it) skips the lines with none that near, the blanking and the patterns each
 * line paid (issue 19: saleor's settings.py, 1,305 lines, names its one `__file__` anchor on a
 * few). Null when an anchor is empty (every text holds that, everywhere) or holds a blank: a view
 * blanks comments and line breaks to spaces, so such an anchor could be in a view and not in the text.
 */
export const anchorPlaces = (text: string, anchors: readonly string[]): ((lo: number, hi: number) => boolean) | null => {
  if (anchors.some((a) => a === '' || /\s/.test(a))) return null;
  const places: number[] = [];
  for (const a of new Set(anchors)) for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) places.push(at);
  places.sort((x, y) => x - y);
  return (lo, hi) => {
    // The first place at or after lo.
    let low = 0;
    let high = places.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (places[mid] < lo) low = mid + 1;
      else high = mid;
    }
    return low < places.length && places[low] < hi;
  };
};

/** How far from a line's own text spannedPathLine's view of it may reach, each side. */
export const PATH_VIEW_REACH = MAX_PATH_LINE;

/**
 * `text` with each `#` comment (outside a one-line string literal) blanked to spaces: the same
 * length, so offsets hold (`os.path.join(os.path.dirname(__file__),  # the package's data`).
 */
export const blankComments = (text: string): string => {
  let out = '';
  let from = 0;
  let quote = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '\n') quote = '';
    else if (quote !== '') {
      if (c === '\\' && text[k + 1] !== '\n') k++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#') {
      const eol = text.indexOf('\n', k) === -1 ? text.length : text.indexOf('\n', k);
      out += text.slice(from, k) + ' '.repeat(eol - k);
      from = eol;
      k = eol - 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
};

/**
 * The text a `__file__` path ending with the literal at [at, at + length) of `text` is built on when
 * it spans lines: the brackets closed after the literal (past a trailing comma, blanks and comments)
 * open on lines above (aodh: `os.path.join(\n    os.path.dirname(__file__), "api-paste.ini"))`, at
 * most MAX_PATH_LINES_ABOVE up), or close on lines below (Black: `os.path.join(\n
 * os.path.dirname(__file__), "data", "x.sh"\n)`, at most MAX_PATH_LINES_BELOW down). The lines from
 * the one that opens them to the last closer, comments blanked, joined with spaces, and the
 * literal's offset in it. Null when the literal's own line holds the whole call, or the text would
 * pass MAX_PATH_LINE.
 */
export const spannedPathLine = (text: string, at: number, length: number): { line: string; at: number } | null => {
  // Cheap first (most literals end no call): a bracket, or a comment, must follow past blanks and a comma.
  if (!/^\s*,?\s*[)#]/.test(text.slice(at + length, at + length + MAX_PATH_LINE))) return null;
  const lineEnd = (p: number): number => (text.indexOf('\n', p) === -1 ? text.length : text.indexOf('\n', p));
  const ownStart = text.lastIndexOf('\n', at - 1) + 1;
  const ownEnd = lineEnd(at + length);
  // The window read: the lines a view may take, each side no longer than a view may be.
  let from = ownStart;
  for (let up = 0; up < MAX_PATH_LINES_ABOVE && from > 0; up++) {
    const next = from === 1 ? 0 : text.lastIndexOf('\n', from - 2) + 1;
    if (ownEnd - next > MAX_PATH_LINE) break;
    from = next;
  }
  let to = ownEnd;
  for (let down = 0; down < MAX_PATH_LINES_BELOW && to < text.length; down++) {
    const next = lineEnd(to + 1);
    if (next - ownStart > MAX_PATH_LINE) break;
    to = next;
  }
  const w = blankComments(text.slice(from, to));
  // The brackets closed right after the literal: `'x.sh')`, `'x.sh',\n)`, `'x.sh'  # …\n    )])`.
  const k = at + length - from;
  const after = CLOSERS.exec(w.slice(k))![0];
  const closers = after.split(')').length - 1;
  const last = k + after.trimEnd().length - 1;
  if (closers === 0) return null;
  const end = Math.max(ownEnd - from, last + 1);
  const depth = (s: number): number => {
    let d = 0;
    for (let j = s; j < at - from; j++) d += w[j] === '(' ? 1 : w[j] === ')' ? -1 : 0;
    return d;
  };
  let start = ownStart - from;
  if (depth(start) >= closers && end === ownEnd - from) return null;
  for (let up = 0; depth(start) < closers; up++) {
    if (up === MAX_PATH_LINES_ABOVE || start === 0) return null;
    start = start === 1 ? 0 : w.lastIndexOf('\n', start - 2) + 1;
  }
  if (end - start > MAX_PATH_LINE) return null;
  return { line: w.slice(start, end).replace(/\r?\n/g, (m) => ' '.repeat(m.length)), at: at - from - start };
};

/**
 * A source file's text for a one-off look: the stored text when a stage read it, else read from disk
 * and not kept (the store would otherwise hold every Python file of the repo to the end of the scan).
 */
export const lookText = (ctx: FrameworkContext, path: string): string | null =>
  typeof ctx.manifests?.transientText === 'function' ? ctx.manifests.transientText(path) : ctx.readText(path);

/** Module-level path constants of repo modules (`RANGERDIR = os.path.dirname(__file__)`), by module file; once per scan. */
const constantsState = perScan(() => ({ byFile: new Map<string, Constants>(), inProgress: new Set<string>(), uncached: 0, own: undefined as OwnConstants | null | undefined }));

/** Each module's path constants read with nothing imported (its text too, so an ask with that text need not read them again). */
type OwnConstants = Map<string, { text: string; vars: Map<string, string> }>;

/**
 * Stop 56: the modules' own path constants when no module can import one, else null. A module's
 * constants come from its own text, which must name `__file__` (read with nothing imported), or
 * from a path constant it imports by name; so when no `from` import of any file names one of the
 * own constants, no module imports any (by induction over the walk: each module it meets has its
 * own constants only, whatever order it meets them in, and a cycle or the depth guard gives none),
 * and the answer for every module is its own constants, with no walk of its imports (saleor: one
 * test module naming `__file__` walked 1,010 modules and 11,419 `from` imports to find nothing).
 */
const ownConstantsAlone = (ctx: FrameworkContext, state: ReturnType<typeof constantsState>): OwnConstants | null => {
  if (state.own === undefined) {
    const own: OwnConstants = new Map();
    const names = new Set<string>();
    const files = listedPaths(ctx.files);
    for (let at = 0; at < files.length; at++) {
      if (ctx.facts(files[at])?.mentionsFile !== true) continue;
      const text = lookText(ctx, files[at]);
      if (text === null || !text.includes('__file__')) continue;
      const vars = pathVariables(text, files[at], Infinity, new Map());
      own.set(files[at], { text, vars });
      for (const name of vars.keys()) names.add(name);
    }
    let alone = true;
    // The .py files' `from` imports are answered by the shared import index, one lookup per name
    // (issue 19: saleor walked all its 4,338 files' imports here); other files with facts (scripts
    // without the suffix, JS, whose imports are never `from`) are walked as before.
    if (names.size > 0) {
      const { byFromName } = importIndex(ctx);
      for (const name of names) if (byFromName.has(name)) alone = false;
    }
    for (let at = 0; at < files.length && alone && names.size > 0; at++) {
      if (files[at].endsWith('.py')) continue;
      for (const i of ctx.facts(files[at])?.imports ?? []) {
        if (i.syntax === 'from' && i.names.some((n) => names.has(n.name))) {
          alone = false;
          break;
        }
      }
    }
    state.own = alone ? own : null;
  }
  return state.own;
};

/** A module's path constants, and how many of them it imports by name. */
interface Constants {
  vars: ReadonlyMap<string, string>;
  imported: number;
}

/**
 * How many modules deep the imports are followed for a path constant: a guard for the stack. A
 * result cut short there is not kept (another module may reach the same module sooner), so the
 * constants do not depend on the order modules are asked in.
 */
const MAX_CONSTANT_DEPTH = 64;
/** Results cut short that are computed again, per scan, before they are kept anyway (a hostile import lattice costs no more). */
const MAX_UNCACHED = 2000;

/**
 * The path constants a module imports by a `from` import (relative too) from repo modules that
 * have them, under the names it binds: ansible-test's `from ..util import ANSIBLE_TEST_CONTROLLER_ROOT`.
 * `complete`: no module on the way was cut short by MAX_CONSTANT_DEPTH.
 */
const importedConstants = (ctx: FrameworkContext, file: string, depth: number): { seed: Map<string, string>; complete: boolean } => {
  const seed = new Map<string, string>();
  let complete = true;
  for (const i of ctx.facts(file)?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    const from = moduleFile(ctx, file, i.specifier);
    if (from === null || from === file) continue;
    const { constants, complete: whole } = constantsOf(ctx, from, undefined, depth);
    complete &&= whole;
    if (constants.vars.size === 0) continue;
    for (const n of i.names) {
      const value = constants.vars.get(n.name);
      if (value !== undefined) seed.set(n.alias ?? n.name, value);
    }
  }
  return { seed, complete };
};

const NONE: Constants = { vars: new Map(), imported: 0 };

const constantsOf = (ctx: FrameworkContext, file: string, knownText: string | undefined, depth: number): { constants: Constants; complete: boolean } => {
  const state = constantsState(ctx);
  const known = state.byFile.get(file);
  if (known !== undefined) return { constants: known, complete: true };
  const alone = ownConstantsAlone(ctx, state);
  if (alone !== null) {
    // What the walk below answers when nothing is imported: the text's own constants, or none.
    const mine = alone.get(file);
    let vars: Map<string, string>;
    if (mine !== undefined && (knownText === undefined || knownText === mine.text)) vars = mine.vars;
    else {
      const text = ctx.facts(file)?.mentionsFile !== true ? null : (knownText ?? lookText(ctx, file));
      vars = text === null || !text.includes('__file__') ? new Map<string, string>() : pathVariables(text, file, Infinity, new Map());
    }
    const constants = { vars, imported: 0 };
    state.byFile.set(file, constants);
    return { constants, complete: true };
  }
  // A cycle of imports gives nothing while the module is being read.
  if (state.inProgress.has(file)) return { constants: NONE, complete: true };
  if (depth > MAX_CONSTANT_DEPTH) return { constants: NONE, complete: false };
  state.inProgress.add(file);
  const mentionsFile = ctx.facts(file)?.mentionsFile === true;
  const { seed, complete } = importedConstants(ctx, file, depth + 1);
  const text = !mentionsFile && seed.size === 0 ? null : (knownText ?? lookText(ctx, file));
  const vars = text === null || (seed.size === 0 && !text.includes('__file__')) ? new Map<string, string>() : pathVariables(text, file, Infinity, seed);
  state.inProgress.delete(file);
  const constants = { vars, imported: seed.size };
  if (complete || ++state.uncached > MAX_UNCACHED) state.byFile.set(file, constants);
  return { constants, complete };
};

/**
 * The path constants a module file assigns at the top (name → opaque value, see pathValue): from
 * `__file__`, or (Stop 45) from a path constant it imports by name (ansible-test's `SANITY_ROOT =
 * os.path.join(ANSIBLE_TEST_CONTROLLER_ROOT, 'sanity')`), through any number of modules.
 * The names it imports are its constants too (`from . import SANITY_ROOT` re-imports them).
 */
export const pathConstants = (ctx: FrameworkContext, file: string, knownText?: string): ReadonlyMap<string, string> => constantsOf(ctx, file, knownText, 0).constants.vars;

/**
 * The path variables a file can use: its own (pathVariables), plus the path constants of the repo
 * modules it imports, under a name the path reader takes (`ranger.RANGERDIR` → a variable the
 * expression is rewritten to use, see withConstants). `mentions` keeps the work to names the file
 * writes.
 */
export const fileVariables = (ctx: FrameworkContext, path: string, text: string): { vars: Map<string, string>; rewrites: Map<string, string>; imported: number } => {
  // Stop 45: the constants imported by name are known before the module's own assignments, which may build on them
  // (`SANITY_ROOT = os.path.join(ANSIBLE_TEST_CONTROLLER_ROOT, 'sanity')`); an own assignment of the name wins.
  // They are the module's path constants (cached), with its other path variables.
  const own = constantsOf(ctx, path, text, 0).constants;
  const vars = new Map(own.vars);
  const imported = own.imported;
  const rewrites = new Map<string, string>();
  for (const i of ctx.facts(path)?.imports ?? []) {
    // Stop 66: `from a.b import mod as m` binds `m` to the module a.b.mod when it is one (neutron's
    // `from neutron.tests.fullstack import base as fullstack_base`, then `fullstack_base.ROOTDIR`).
    // Only a name the text writes as `name.` (tested first: a file of hundreds of from-imported names asks no module for the others).
    const fromModules =
      i.syntax === 'from' && !i.specifier.startsWith('.')
        ? i.names.filter((n) => /^[A-Za-z_]\w*$/.test(n.alias ?? n.name) && text.includes(`${n.alias ?? n.name}.`)).map((n): [string, string] => [n.alias ?? n.name, `${i.specifier}.${n.name}`])
        : [];
    if (i.syntax === 'import' || fromModules.length > 0) {
      // `import a.b` binds `a` (and `a.b` is reached through it); `import a.b as c` binds `c`.
      const parts = i.specifier.split('.');
      const bound: Array<[string, string]> =
        i.syntax === 'from' ? fromModules : i.alias !== undefined ? [[i.alias, i.specifier]] : parts.map((_, k) => [parts.slice(0, k + 1).join('.'), parts.slice(0, k + 1).join('.')]);
      for (const [local, module] of bound) {
        // The repo module first: a file of thousands of `import mN` of modules outside the repo
        // searched its whole text once per import (40,000 lines: 13 s).
        const file = ctx.module(module)[0];
        if (file === undefined || file === path || !text.includes(`${local}.`)) continue;
        for (const [name, value] of pathConstants(ctx, file)) {
          const written = `${local}.${name}`;
          if (!text.includes(written)) continue;
          const alias = `__census_${local.replace(/\./g, '_')}__${name}`;
          vars.set(alias, value);
          rewrites.set(written, alias);
        }
      }
    }
  }
  return { vars, rewrites, imported };
};

/** A line with the module constants it names rewritten to the variables fileVariables made for them (same length is not kept: offsets are re-found). */
export const withConstants = (line: string, rewrites: ReadonlyMap<string, string>): string => {
  let out = line;
  for (const [written, alias] of rewrites) {
    if (!out.includes(written)) continue;
    out = out.replace(new RegExp(`(?<![\\w.])${escapeRegExp(written)}(?!\\w)`, 'g'), alias);
  }
  return out;
};
