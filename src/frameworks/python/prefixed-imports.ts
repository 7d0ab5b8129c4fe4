/**
 * A computed import whose name starts with a constant package path: deluge's
 * `__import__('deluge.ui.console.cmdline.commands.%s' % name, …)`, beets' `modname =
 * f'{PLUGIN_NAMESPACE}.{name}'` then `__import__(modname)` (with `PLUGIN_NAMESPACE = 'beetsplug'`
 * at the module's top), `import_module('pkg.handlers.' + kind)`, xpra's `auth_mod_name =
 * "xpra.client.auth.%s_handler" % mod_name` then `__import__(auth_mod_name, …)` (a literal tail
 * after the computed part: only children named `*_handler`). Whatever the name is at run time,
 * it is a direct child of that package: every module and subpackage directly in it (not `_private`
 * ones) may be the one loaded, so each is an edge from the loading file, and so are the package's
 * own `__init__.py` and those above it, which Python runs first.
 * Stop 43: a relative computed name over the caller's own package, solaar's `m =
 * import_module('.' + action, package=__name__)` in solaar/cli/__init__.py (also `f'.{x}'`,
 * `'.%s' % x`, `'..' + x`, `package=__package__` or the package as the second positional argument):
 * every module and subpackage directly in that package's folder (`__name__` of an `__init__.py` and
 * `__package__` are the file's own folder; each dot past the first goes a folder up).
 * The calls come from extraction (FileFacts.computedImportLines): only those files are read.
 * The name is read from the call's first argument, or from the one assignment to it within
 * 12 lines above (python-files' assignmentAbove); constants are module-level `NAME = 'literal'` assignments.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { foldersWithPaths, pathsInDir, sortedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { assignmentAbove, firstComputedImport, packageInits } from './python-files.js';
import { lineStarts } from '../../util/lines.js';
import { topLevelDefAround } from './loader-functions.js';
import { folderIndex } from './folder-loaders.js';
import { templateParts } from './loader-templates.js';
import { templateShown } from './template-folders.js';
import { escapeRegExp } from '../../util/regexp.js';
import { moduleStrings } from '../../languages/python/assignment-lines.js';
import { settingStrings } from './setting-strings.js';
import { EXEC_IMPORT } from '../../languages/python/exec-imports.js';
import { returnedHead, returnedModules } from './returned-literals.js';
import { alternation, CORE_LOADS } from '../../languages/python/loader-names.js';
import { repoLoaders } from './loader-fixpoint.js';
import { relativeSegments, relativeTemplateFiles } from './relative-templates.js';
import type { FunctionFlows } from './loader-roles.js';
import { guardValues, relativeDunderCall } from './relative-dunder-import.js';

/** Lines read from the call's line on: its first argument may wrap (deluge's sits on the next line). */
const CALL_SPAN = 4;
// Stop 60: up to two call groups in the argument, `'pkg.locales.%s' % getlocale()[0].lower()` (lollypop's localized.py:19).
// Review s60-rv1: each run of the argument is matched one way only (no lazy part, no \s* beside a class that takes
// spaces too; the capture is trimmed), so a long argument that never closes costs a pass, not minutes (cubic
// backtracking before: 6,000 spaces in an unclosed `import_module(name +` took census over 120 s).
const CALL = new RegExp(String.raw`\b(?:${alternation(CORE_LOADS)})\(\s*([^,()]+(?:\([^()]*\)[^,()]*){0,2})(?:,|\))`);
const DOTTED_PREFIX = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/** The longest load argument read (sys-path.ts reads path expressions up to 300 characters too). */
const MAX_ARGUMENT = 300;
/**
 * The constant package path `P` a computed module name is a child of, and the literal tail the
 * child's own name ends with: `'pkg.sub.%s' % name` (no tail: any child),
 * `'xpra.client.auth.%s_handler' % name` (tail `_handler`: only children named `*_handler`),
 * `'pkg.sub.{}_handler'.format(name)`, `'pkg.sub.' + name + '_handler'`, `f'{NS}.{name}_plugin'`.
 * Null when there is no such constant head. A literal before the computed part within the last
 * segment (`'pkg.sub%s' % x`) is not taken: the computed part may start with a dot there.
 */
export interface ChildTemplate {
  prefix: string;
  /** Literal text the child's name ends with (`_handler`), '' for none. */
  tail: string;
  /** The computed part is `'.'.join(words)`: it may hold dots, so the name is any module below `prefix`, at any depth. */
  deep?: true;
}

/**
 * Stop 65: the computed part is `'.'.join(words)`, a dotted path of any length (poetry's
 * console/application.py:44 `import_module("poetry.console.commands." + ".".join(words))` with
 * `words = name.split(" ")` of "self show plugins"): written with `+`, `%`, `.format()` or an f-string.
 */
const JOINED = String.raw`[rRuU]?(['"])\.\3\s*\.\s*join\s*\([^()]*\)`;
const DEEP_FORMS = [
  new RegExp(String.raw`^[rRuU]?(['"])([\w.]+)\.\1\s*\+\s*${JOINED}$`),
  new RegExp(String.raw`^[rRuU]?(['"])([\w.]+)\.%s\1\s*%\s*\(?\s*${JOINED}\s*,?\s*\)?$`),
  new RegExp(String.raw`^[rRuU]?(['"])([\w.]+)\.\{0?\}\1\s*\.\s*format\(\s*${JOINED}\s*\)$`),
  new RegExp(String.raw`^[fF](['"])([\w.]+)\.\{\s*${JOINED}\s*\}\1$`),
];

export const childTemplateOf = (expression: string, constants: ReadonlyMap<string, string>): ChildTemplate | null => {
  const e = expression.trim();
  const constant = (name: string): string | null => constants.get(name) ?? null;
  const made = (prefix: string | null, tail = ''): ChildTemplate | null => (prefix === null ? null : { prefix, tail });
  for (const form of DEEP_FORMS) {
    const deep = form.exec(e);
    if (deep !== null) return { prefix: deep[2], tail: '', deep: true };
  }
  // 'pkg.sub.%s' % name, 'pkg.sub.%s_handler' % name, 'pkg.sub.{}_handler'.format(name)
  // Stop 54: `b'pkg.sub.%s' % name` too (bytes format with `%`; mercurial's loader makes the name text).
  let m = /^(?:[rRuU]|[bB][rR]?|[rR][bB])?(['"])([\w.]+)\.%s(\w*)\1\s*%/.exec(e) ?? /^[rRuU]?(['"])([\w.]+)\.\{0?\}(\w*)\1\s*\.\s*format\(/.exec(e);
  if (m) return made(m[2], m[3]);
  // 'pkg.sub.' + name + '_handler' (a tail only when it ends the expression)
  m = /^[rRuU]?(['"])([\w.]+)\.\1\s*\+\s*[A-Za-z_][\w.]*(?:\([^()]*\))?\s*\+\s*[rRuU]?(['"])(\w*)\3$/.exec(e);
  if (m) return made(m[2], m[4]);
  // 'pkg.sub.' + name
  m = /^[rRuU]?(['"])([\w.]+)\.\1\s*\+/.exec(e);
  if (m) return made(m[2]);
  // NAME + '.' + name
  m = /^([A-Za-z_]\w*)\s*\+\s*(['"])\.\2\s*\+/.exec(e);
  if (m) return made(constant(m[1]));
  // f'pkg.sub.{name}', f'{NAMESPACE}.{name}', f'{NAMESPACE}.sub.{name}', f'pkg.sub.{name}_handler'
  m = /^[fF][rR]?(['"])((?:\{[A-Za-z_]\w*\}|[\w.])*)\.\{[A-Za-z_]\w*\}(\w*)\1$/.exec(e);
  if (m) {
    let unknown = false;
    const head = m[2].replace(/\{([A-Za-z_]\w*)\}/g, (_, name: string) => constant(name) ?? ((unknown = true), ''));
    return unknown || head === '' ? null : made(head, m[3]);
  }
  return null;
};

/** `import_module(NAME, package=__name__)` / `import_module(NAME, __package__)`: a relative name over the caller's package. */
const RELATIVE_CALL = /\bimport_module\(\s*([^,()]+(?:\([^()]*\)[^,()]*)?),\s*(?:package\s*=\s*)?(__name__|__package__)\s*,?\s*\)/;

/**
 * Stop 57: `import_module(NAME, 'pkg')` / `import_module(NAME, package='pkg')`: a relative name over a
 * package named by a literal (orca's settings_manager.py:163 `importlib.import_module(backend, 'orca')`
 * with `backend = '.backends.%s_backend' % self.backendName` a line above).
 */
const LITERAL_PACKAGE_CALL = /\bimport_module\(\s*([^,()]+(?:\([^()]*\)[^,()]*)?),\s*(?:package\s*=\s*)?(['"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\2\s*\)/;

/**
 * A relative computed name written absolute over the literal package `pkg` (`'.backends.%s_backend' % x`
 * over `orca` → `'orca.backends.%s_backend' % x`; each dot past the first drops a segment of `pkg`,
 * as importlib resolves it); null when the name is not relative or climbs above `pkg`'s top.
 */
export const absoluteOver = (expression: string, pkg: string): string | null => {
  const m = /^([rRuUfF]{0,2})(['"])(\.+)/.exec(expression.trim());
  if (m === null) return null;
  const segments = pkg.split('.');
  const level = m[3].length;
  if (level > segments.length) return null;
  const base = segments.slice(0, segments.length - level + 1).join('.');
  return `${m[1]}${m[2]}${base}.${expression.trim().slice(m[0].length)}`;
};

/** The leading dots of a relative computed module name (`'.' + x`, `f'.{x}'`, `'.%s' % x`), 0 when it is not one. */
export const relativeLevel = (expression: string): number => {
  const e = expression.trim();
  const m = /^[rRuU]?(['"])(\.+)\1\s*\+/.exec(e) ?? /^[rRuU]?(['"])(\.+)%s\1\s*%/.exec(e) ?? /^[fF][rR]?(['"])(\.+)\{[A-Za-z_][\w.]*\}\1$/.exec(e);
  return m === null ? 0 : m[2].length;
};

/**
 * The folder of the package a relative name `level` dots deep resolves in, from `file` and the
 * anchor it passes (`__name__`: a package's `__init__.py` is the package; a plain module's name is
 * no package, so nothing; `__package__`: the file's own package); null when there is none.
 */
const relativePackageFolder = (ctx: FrameworkContext, file: string, anchor: string, level: number): string | null => {
  if (anchor === '__name__' && basename(file) !== '__init__.py') return null;
  let folder = dirname(file);
  for (let up = 1; up < level; up++) {
    if (folder === '') return null;
    folder = dirname(folder);
  }
  return ctx.files.has(folder === '' ? '__init__.py' : `${folder}/__init__.py`) ? folder : null;
};

type Child = { target: string; init: boolean };

/**
 * The modules and subpackages directly in a package folder (not `_private` ones) that `accept`
 * takes by name and file, and the package's own `__init__.py` and those above it.
 */
export const childrenIn = (ctx: FrameworkContext, folder: string, accept: (name: string, target: string) => boolean): Child[] => {
  const out: Child[] = [];
  for (const child of pathsInDir(ctx.files, folder)) {
    const name = basename(child);
    if (name.endsWith('.py') && name !== '__init__.py' && !name.startsWith('_') && accept(name.slice(0, -3), child)) out.push({ target: child, init: false });
  }
  // Importing any child runs the package's own __init__.py and those above it first.
  for (const init of packageInits(ctx.files, folder)) out.push({ target: init, init: true });
  for (const sub of folderIndex(ctx).subfolders.get(folder) ?? []) {
    const init = `${sub}/__init__.py`;
    if (!basename(sub).startsWith('_') && ctx.files.has(init) && accept(basename(sub), init)) out.push({ target: init, init: false });
  }
  return out;
};

/** Module-level `NAME = 'dotted.literal'` assignments (assignment-lines' moduleStrings): the last one of each name. */
export const moduleConstants = (text: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [name, values] of moduleStrings(text)) {
    const dotted = values.filter((v) => /^[\w.]+$/.test(v));
    if (dotted.length > 0) out.set(name, dotted[dotted.length - 1]);
  }
  return out;
};

/**
 * `name += ".%s" % pm` (or `"." + pm`, `f".{pm}"`) on a line after `from` and before `to` (1-based):
 * the line, or 0. A name so extended is one level below what was assigned.
 */
const extendedBetween = (lines: readonly string[], from: number, to: number, name: string): number => {
  const extend = new RegExp(`^\\s*${name}\\s*\\+=\\s*(?:[rRuU]?(['"])\\.%s\\1\\s*%\\s*[A-Za-z_][\\w.]*\\s*$|[rRuU]?(['"])\\.\\2\\s*\\+\\s*[A-Za-z_][\\w.]*\\s*$|[fF](['"])\\.\\{[A-Za-z_][\\w.]*\\}\\3\\s*$)`);
  for (let l = to - 1; l > from; l--) if (extend.test(lines[l - 1].replace(/\s*#.*$/, ''))) return l;
  return 0;
};

/**
 * Each line of a text that assigns `name` (`name = value  # comment`), its value read by valueOf: the
 * value up to a `#` or the line's end, taken at once by a look-ahead (atomic), its trailing blanks cut
 * after. The lazy `(.*?)[ \t]*(?:#.*)?$` this replaces read the same value but was quadratic in a run
 * of blanks inside it (review s65-rv4: a 40 KB `name = a<spaces>b` line took 13 s).
 */
export const assignedValues = (name: string): RegExp => new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)[ \\t]*(?=([^#\\n\\r\\u2028\\u2029]*))\\1`, 'gm');
export const valueOf = (m: RegExpMatchArray): string => {
  // A loop, not `/[ \t]+$/`, which is quadratic in the same run of blanks.
  const v = m[1];
  let end = v.length;
  while (end > 0 && (v[end - 1] === ' ' || v[end - 1] === '\t')) end--;
  return v.slice(0, end);
};

/**
 * The literals a local of the def around `at` holds: every assignment to it in the def is a
 * one-segment name literal (`p = "xposix"` in one branch, `"win32"` and `"darwin"` in others);
 * empty when one is anything else, or the name is a parameter of the def.
 */
const literalsOf = (text: string, at: number, name: string): string[] => {
  const block = topLevelDefAround(text, at);
  if (block === null) return [];
  const scope = text.slice(block.start, Math.min(at, block.end));
  const header = /^(?:async\s+)?def\s+\w+\s*\(([^)]*)\)/.exec(scope);
  if (header === null || new RegExp(`(?<![\\w.])${name}\\b`).test(header[1])) return [];
  const out: string[] = [];
  for (const m of scope.matchAll(assignedValues(name))) {
    const value = /^[rRuU]?(['"])([A-Za-z_]\w*)\1$/.exec(valueOf(m));
    if (value === null) return [];
    if (!out.includes(value[2])) out.push(value[2]);
  }
  return out;
};

/** `'pkg.%s' % v`, `f'pkg.{v}'`: the one name filling the template's last segment, or null. */
const placeholderName = (expression: string): string | null =>
  (/^[rRuU]?(['"])[\w.]+\.%s\1\s*%\s*\(?\s*([A-Za-z_]\w*)\s*,?\s*\)?$/.exec(expression.trim()) ?? /^[fF](['"])[\w.]+\.\{([A-Za-z_]\w*)\}\1$/.exec(expression.trim()))?.[2] ?? null;

/**
 * `__import__(first, g, l, FROMLIST, …)` / `__import__(first, …, fromlist=FROMLIST)` where FROMLIST is
 * computed: a one-name list `[name]` or a name. Stop 61: the package and the list's one name may
 * each be wrapped in `str(…)`, which hands its str argument back (powerline's lib/vcs/__init__.py:238
 * `__import__(str('powerline.lib.vcs'), fromlist=[str(vcs)])`, written so for Python 2). Read the
 * groups with fromlistParts.
 */
const FROMLIST_PACKAGE = String.raw`(?:str\(\s*([A-Za-z_]\w*|[rRuU]?(['"])[\w.]+\2)\s*\)|([A-Za-z_]\w*|[rRuU]?(['"])[\w.]+\4))`;
const FROMLIST_ITEM = String.raw`(?:\[\s*(?:str\(\s*([A-Za-z_]\w*)\s*\)|([A-Za-z_][\w.]*))\s*\]|[A-Za-z_]\w*)`;
const FROMLIST_CALL = new RegExp(String.raw`\b__import__\(\s*${FROMLIST_PACKAGE}\s*,[^,()]*(?:\(\s*\)\s*)?,[^,()]*(?:\(\s*\)\s*)?,\s*(?:fromlist\s*=\s*)?${FROMLIST_ITEM}\s*[,)]`);
const FROMLIST_KEYWORD = new RegExp(String.raw`\b__import__\(\s*${FROMLIST_PACKAGE}\s*,[^()]*?(?:\(\s*\)[^()]*?)*\bfromlist\s*=\s*${FROMLIST_ITEM}\s*[,)]`);

/** A FROMLIST_CALL or FROMLIST_KEYWORD match: the call's text, the package expression, and the one name a one-name list holds (undefined for a name). */
const fromlistParts = (m: RegExpExecArray): { call: string; pkg: string; item: string | undefined } => ({ call: m[0], pkg: m[1] ?? m[3], item: m[5] ?? m[6] });

/**
 * The package names `expr` holds at offset `at`: a dotted literal, or a name whose every assignment
 * above in its top-level def (or at module level, outside one) is a dotted literal or None. A name
 * assigned anything else names nothing.
 */
const packageNamesOf = (text: string, at: number, expr: string): string[] => {
  const literal = /^[rRuU]?(['"])([\w.]+)\1$/.exec(expr);
  if (literal !== null) return DOTTED_PREFIX.test(literal[2]) ? [literal[2]] : [];
  const block = topLevelDefAround(text, at);
  const scope = block === null ? text.slice(0, at) : text.slice(block.start, Math.min(at, block.end));
  const out: string[] = [];
  for (const m of scope.matchAll(assignedValues(expr))) {
    const assigned = valueOf(m);
    if (assigned === 'None') continue;
    const value = /^[rRuU]?(['"])([\w.]+)\1$/.exec(assigned);
    if (value === null || !DOTTED_PREFIX.test(value[2])) return [];
    if (!out.includes(value[2])) out.push(value[2]);
  }
  return out;
};

/**
 * The modules and subpackages directly in package `prefix` (not `_private` ones; named `*nameTail` when it is given), wherever it
 * resolves from `file` (strict: the one folder the name itself resolves to), and the package's own
 * `__init__.py` and those above it.
 */
export const packageChildren = (ctx: FrameworkContext, prefix: string, file: string, strict = false, nameTail = ''): Child[] => {
  const out: Child[] = [];
  const tail = prefix.replace(/\./g, '/');
  for (const folder of foldersWithPaths(ctx.files)) {
    if (folder !== tail && !folder.endsWith(`/${tail}`)) continue;
    // strict: only the folder the package name itself resolves to from `file`.
    if (strict && ctx.module(prefix, dirname(file))[0] !== `${folder}/__init__.py`) continue;
    out.push(...childrenIn(ctx, folder, (name, target) => name.length > nameTail.length && name.endsWith(nameTail) && ctx.module(`${prefix}.${name}`, dirname(file))[0] === target));
  }
  return out;
};

/** How many packages below a deep template's package are walked (a guard against a cycle of folders; real trees stop far sooner). */
const MAX_DEEP_LEVELS = 8;

/**
 * Every module and subpackage below package `prefix` (not `_private` ones, at any level), wherever it
 * resolves from `file`, each checked to resolve by its dotted name as the import would, and the
 * package's own `__init__.py` and those above it: what a name joined with dots under `prefix` may be.
 */
const packageDescendants = (ctx: FrameworkContext, prefix: string, file: string): Child[] => {
  const out = new Map<string, Child>();
  const { subfolders } = folderIndex(ctx);
  const walk = (folder: string, dotted: string, level: number): void => {
    const accept = (name: string, target: string): boolean => ctx.module(`${dotted}.${name}`, dirname(file))[0] === target;
    for (const c of childrenIn(ctx, folder, accept)) if (!out.has(c.target) || !c.init) out.set(c.target, c);
    if (level >= MAX_DEEP_LEVELS) return;
    for (const sub of subfolders.get(folder) ?? []) {
      const name = basename(sub);
      if (!name.startsWith('_') && out.get(`${sub}/__init__.py`)?.init === false) walk(sub, `${dotted}.${name}`, level + 1);
    }
  };
  const tail = prefix.replace(/\./g, '/');
  for (const folder of foldersWithPaths(ctx.files)) if (folder === tail || folder.endsWith(`/${tail}`)) walk(folder, prefix, 0);
  return [...out.values()];
};

/**
 * The modules a name computed under a package may be (`template`: `'pkg.%s_handler' % name` read as
 * `pkg`, `_handler`), each with its label, and the package's `__init__.py` files, which run before
 * them: the one step of prefixed-imports, string-modules and loader-wrappers (three copies until stop
 * 57). `detail`: what the reader saw at `file:line`, the expression and the loader it went through;
 * `initBy`: who imports the modules, for the `__init__.py` label. Not strict, as packageChildren.
 */
export const templateChildren = (ctx: FrameworkContext, template: ChildTemplate, file: string, line: number, detail: string, initBy: string, what = 'a computed name'): { target: string; label: string }[] => {
  const { prefix, tail } = template;
  if (template.deep === true) {
    const deepLabel = `imported by ${what} under ${prefix} in ${file}:${line} ${detail}: the computed part is joined with dots, so any module below ${prefix}, at any depth, may be the one loaded`;
    const deepInit = `run before the modules below ${prefix} that ${initBy} (a package runs before its modules)`;
    return packageDescendants(ctx, prefix, file).map((c) => ({ target: c.target, label: c.init ? deepInit : deepLabel }));
  }
  const label = `imported by ${what} under ${prefix} in ${file}:${line} ${detail}: any module of ${prefix}${tail === '' ? '' : ` named *${tail}`} may be the one loaded`;
  const initLabel = `run before the modules of ${prefix} that ${initBy} (a package runs before its modules)`;
  return packageChildren(ctx, prefix, file, false, tail).map((c) => ({ target: c.target, label: c.init ? initLabel : label }));
};

/** How far above a call its def's header is looked for. */
const DEF_REACH = 200;

/**
 * The parameters of the def a call on `line` (1-based) stands in (the nearest `def` above it, less
 * indented), as the loader fixpoint tokenized them (FunctionFlows.params, by the def's line): empty
 * at module level, or in a file the fixpoint did not read.
 */
const enclosingParams = (ctx: FrameworkContext, file: string, lines: readonly string[], line: number): Set<string> => {
  const indent = /^[ \t]*/.exec(lines[line - 1] ?? '')![0].length;
  for (let l = line - 1; l >= 1 && l >= line - DEF_REACH; l--) {
    const text = lines[l - 1];
    const own = /^[ \t]*/.exec(text)![0].length;
    if (text.trim() === '' || own >= indent) continue;
    if (/^\s*(?:async\s+)?def\s/.test(text)) {
      const fn = repoLoaders(ctx).analysed.get(file)?.fns.find((f: FunctionFlows) => f.defLine === l);
      return new Set(fn?.params ?? []);
    }
    if (/^\s*class\b/.test(text) || own === 0) return new Set();
  }
  return new Set();
};

/** At most this many modules are answered for one template. */
const MAX_TEMPLATE_MODULES = 64;

/**
 * The modules a dotted name template may name when its computed parts stand inside segments:
 * xpra's `"xpra.client.gl.gtk%s.%sgl_client_window" % (sys.version_info[0], impl)` (templateParts
 * reads `%`, `.format()` and f-strings). The literal segments before the first computed one must
 * name a package of the repo (the anchor); from its folder each later segment is matched as
 * template-folders matches a path (a computed part is part of ONE segment, at least one character),
 * the last one against the modules and subpackages there (not `_private` ones). The packages above
 * each module run first. Null when there is no such anchor or nothing matches.
 */
const templateModules = (
  ctx: FrameworkContext,
  file: string,
  expression: string,
  params: ReadonlySet<string> = new Set(),
  loopOver: (operand: string) => Set<string> | null = () => null,
): { shown: string; children: Child[] } | null => {
  const parts = templateParts(expression);
  if (parts === null || parts.every((p) => typeof p === 'string')) return null;
  // Stop 50: a whole segment filled by a parameter of the def is the loader-wrappers reader's, which
  // follows the callers' literals (`import_module("app.{}.{}".format(kind, name))` with `kind` passed in).
  const whole = (k: number): boolean => (k === 0 || (parts[k - 1] as string).endsWith('.')) && (k === parts.length - 1 || /^(?:\.|$)/.test(parts[k + 1] as string));
  if (parts.some((p, k) => typeof p !== 'string' && whole(k) && params.has(p.expr))) return null;
  const literal = parts.filter((p): p is string => typeof p === 'string');
  if (literal.some((p) => !/^[\w.]*$/.test(p))) return null;
  const shown = templateShown(parts);
  const segments = shown.split('.');
  const first = segments.findIndex((seg) => seg.includes('*'));
  // Stop 50: a whole computed segment (`f'electrum.plugins.{name}.{gui}'`) is any subpackage or module
  // there, but only past the first one: `pkg.{x}` alone is childTemplateOf's, which reads constants.
  if (first < 1 || segments.some((seg) => seg === '') || (segments.length === first + 1 && segments[first] === '*')) return null;
  // Stop 50 (review 3): under a one-segment head (a top-level package) whole computed segments with no
  // literal segment after them (`f'e.{self.kind}.{self.name}'`) may be any module two levels down: refused.
  if (first === 1 && segments.slice(first).every((seg) => seg === '*')) return null;
  // A whole segment filled by the variable of a loop over literals (`for app in ENABLED:`, loopValues) takes only those names.
  const wholeExprs = parts.filter((p, k): p is { expr: string } => typeof p !== 'string' && whole(k)).map((p) => p.expr);
  const stars = segments.filter((seg) => seg === '*').length;
  const listed: Array<Set<string> | null> = stars === wholeExprs.length ? wholeExprs.map((e) => (/^[A-Za-z_]\w*$/.test(e) ? loopOver(e) : null)) : [];
  let star = 0;
  const namesAt = (seg: string): Set<string> | null => (seg === '*' ? listed[star++] ?? null : null);
  const head = segments.slice(0, first).join('.');
  const init = ctx.module(head, dirname(file))[0];
  if (init === undefined || !init.endsWith('/__init__.py')) return null;
  const { subfolders } = folderIndex(ctx);
  const match = (seg: string): RegExp => new RegExp(`^${seg.split('*').map(escapeRegExp).join('\\w+')}$`);
  let at = [dirname(init)];
  for (const seg of segments.slice(first, -1)) {
    const m = match(seg);
    const names = namesAt(seg);
    // A whole computed segment takes any subpackage there but `_private` ones, as childrenIn does for the last.
    const keep = (name: string): boolean => (names === null ? m.test(name) && (seg !== '*' || !name.startsWith('_')) : names.has(name));
    at = at.flatMap((f) => (subfolders.get(f) ?? []).filter((sub) => keep(basename(sub)) && ctx.files.has(`${sub}/__init__.py`))).slice(0, MAX_TEMPLATE_MODULES);
    if (at.length === 0) return null;
  }
  const last = match(segments[segments.length - 1]);
  const lastNames = namesAt(segments[segments.length - 1]);
  const modules: Child[] = [];
  const inits = new Map<string, Child>();
  for (const folder of at) {
    const found = childrenIn(ctx, folder, (name) => (lastNames === null ? last.test(name) : lastNames.has(name)));
    if (!found.some((c) => !c.init)) continue;
    for (const c of found) if (c.init) inits.set(c.target, c);
    else modules.push(c);
  }
  if (modules.length === 0) return null;
  // The modules are bounded, not the packages above them: each kept module keeps its __init__ chain.
  return { shown, children: [...modules.slice(0, MAX_TEMPLATE_MODULES), ...inits.values()] };
};

/** How far above a computed fromlist the assignment of its name is looked for (a comprehension over a glob, then edits of the list). */
const FROMLIST_LOOK_BACK = 40;

/**
 * Stop 45: a computed fromlist that is a name assigned the names of globbed `.py` files (gnome-tweaks'
 * `tweak_files = [splitext(split(f)[-1])[0] for f in glob.glob(os.path.join(self._tweak_dir, "tweak_group_*.py"))]`
 * then `__import__("gtweak.tweaks", globals(), locals(), tweak_files, 0)`): the glob's file pattern, as a
 * test of a module name, and the assignment's line; null when the name is assigned no such listing.
 */
const globbedNames = (lines: readonly string[], line: number, call: string): { pattern: string; match: RegExp; line: number; removed: Set<string> } | null => {
  const name = /,\s*(?:fromlist\s*=\s*)?([A-Za-z_]\w*)\s*[,)]\s*$/.exec(call)?.[1];
  if (name === undefined) return null;
  const assignment = new RegExp(`^\\s*${name}\\s*=(?!=)`);
  for (let l = line - 1; l >= 1 && l >= line - FROMLIST_LOOK_BACK; l--) {
    if (!assignment.test(lines[l - 1])) continue;
    const statement = lines.slice(l - 1, Math.min(line - 1, l + 4)).join('\n');
    const glob = /\bi?glob\s*\([^'"]*?(['"])([\w.*?-]*\*[\w.*?-]*)\.py\1/.exec(statement);
    if (glob === null) return null;
    const match = new RegExp(`^${glob[2].split('*').map((p) => p.replace(/[.?+^$()[\]{}|\\-]/g, '\\$&')).join('\\w*')}$`);
    // Stop 46: `tweak_files.remove("tweak_group_test")` between the listing and the import (gnome-tweaks, unless ENABLE_TEST): not loaded by default.
    const removed = new Set<string>();
    const remove = new RegExp(`^\\s*${name}\\.remove\\(\\s*[rRuU]?(['"])(\\w+)\\1\\s*\\)`);
    for (let k = l + 1; k < line; k++) {
      const r = remove.exec(lines[k - 1]);
      if (r !== null) removed.add(r[2]);
    }
    return { pattern: `${glob[2]}.py`, match, line: l, removed };
  }
  return null;
};


/**
 * The modules an exec'd import statement's module template may name: `.%s` (relative: the modules
 * and subpackages of the file's own package, as `__package__` is in the module's globals exec runs
 * in), `pkg.sub.%s` or `pkg.sub.{}_x` (of that package, named `*_x`). Null for another shape.
 */
const execTarget = (ctx: FrameworkContext, file: string, template: string): { shown: string; children: Child[] } | null => {
  const m = /^(\.*)((?:[A-Za-z_]\w*\.)*)(?:%s|\{\w*\})(\w*)$/.exec(template);
  if (m === null) return null;
  const [, dots, pkg, tail] = m;
  const accept = (name: string): boolean => name.length > tail.length && name.endsWith(tail);
  if (dots.length > 0) {
    if (pkg !== '') return null;
    const folder = relativePackageFolder(ctx, file, '__package__', dots.length);
    return folder === null ? null : { shown: `${dots}*${tail}`, children: childrenIn(ctx, folder, accept) };
  }
  if (pkg === '') return null;
  const prefix = pkg.slice(0, -1);
  return { shown: `${prefix}.*${tail}`, children: packageChildren(ctx, prefix, file, false, tail) };
};

/** How many lines above an exec'd import its `for X in …:` loop may start. */
const LOOP_REACH = 8;

/**
 * The names an exec'd import's format operand can take, when it is the variable of a `for X in …:`
 * loop a few lines above over a literal list (`for module in ["A", "B"]:`) or over a name whose
 * assignments are string lists (`QUESTIONS = ["Welcome", …]`, read by settingStrings); null when the
 * operand is no such loop variable or the list is not literal, where any module may be the one loaded.
 */
const loopNames = (text: string, lines: string[], line: number, template: string, call: string): Set<string> | null => {
  const operand = /^\{(\w+)\}/.exec(template.replace(/^[\w.]*?(?=\{)/, ''))?.[1]
    ?? /^\s*\)?\s*(?:%\s*\(?|\.format\s*\()\s*([A-Za-z_]\w*)/.exec(call)?.[1];
  return operand === undefined ? null : loopValues(text, lines, line, operand);
};

/**
 * The names `operand` can take on `line` (1-based) when it is the variable of a `for operand in …:`
 * loop a few lines above over a literal list or a name whose assignments are string lists; null otherwise.
 */
const loopValues = (text: string, lines: readonly string[], line: number, operand: string): Set<string> | null => {
  const loop = new RegExp(`^\\s*for\\s+${operand}\\s+in\\s+(.+?)\\s*:\\s*(?:#.*)?$`);
  for (let l = line - 2; l >= Math.max(0, line - 1 - LOOP_REACH); l--) {
    const m = loop.exec(lines[l]);
    if (m !== null) return listedValues(text, m[1]);
  }
  return null;
};

/** The strings `iterated` holds: a literal list or tuple of strings, or a name whose assignments are string lists (settingStrings); null otherwise. */
const listedValues = (text: string, iterated: string): Set<string> | null => {
  if (/^[[(]\s*(?:(['"])[\w.]*\1\s*,?\s*)*[\])]$/.test(iterated)) {
    return new Set([...iterated.matchAll(/(['"])([\w.]*)\1/g)].map((s) => s[2]));
  }
  if (!/^[A-Za-z_]\w*$/.test(iterated)) return null;
  const listed = settingStrings(text).filter((s) => s.setting === iterated).map((s) => s.value);
  return listed.length === 0 ? null : new Set(listed);
};

/** A child's module name: the file's stem, or its folder's name for a package's __init__.py. */
const childName = (target: string): string => basename(target) === '__init__.py' ? basename(dirname(target)) : basename(target).slice(0, -3);

export const collectPrefixedImports = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    const calls = ctx.facts(file)?.computedImportLines;
    if (calls === undefined) continue;
    const text = ctx.readText(file);
    if (text === null) continue;
    const lines = text.split('\n');
    let constants: Map<string, string> | undefined;
    let starts: number[] | undefined;
    /** Where the text above line `l` ends (the newline before it; 0 for the first line). */
    const endAbove = (l: number): number => Math.max(0, (starts ??= lineStarts(text))[l - 1] - 1);
    const seen = new Set<string>();
    for (const line of calls) {
      const span = lines.slice(line - 1, line - 1 + CALL_SPAN).join('\n');
      // `__import__(PKG, globals(), locals(), [name], 0)`: a computed fromlist names modules of PKG.
      const matched = FROMLIST_CALL.exec(span) ?? FROMLIST_KEYWORD.exec(span);
      if (matched !== null) {
        const fromlist = fromlistParts(matched);
        const globbed = globbedNames(lines, line, fromlist.call);
        // Stop 61: `for kind in ['csv', 'json']:` a few lines above names every module the list's one name can be.
        const looped = fromlist.item === undefined ? null : loopValues(text, lines, line, fromlist.item);
        const shown = fromlist.call.replace(/\s+/g, ' ');
        for (const pkg of packageNamesOf(text, endAbove(line), fromlist.pkg)) {
          // A loop's names are a key of their own: a second call of the file over other names (or over any) still reads.
          const key = `from\0${pkg}\0${looped === null ? '*' : [...looped].join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const label = globbed !== null
            ? `imported from ${pkg} by a computed fromlist in ${file}:${line} (${shown}…), the names of the files a glob of ${globbed.pattern} lists at line ${globbed.line}: any module of ${pkg} so named may be the one loaded`
            : looped !== null
              ? `imported from ${pkg} by a computed fromlist in ${file}:${line} (${shown}…), named in the list its \`for ${fromlist.item} in …\` loop goes over: this module is one of them`
              : `imported from ${pkg} by a computed fromlist in ${file}:${line} (${shown}…): any module of ${pkg} may be the one loaded`;
          // __import__ of the package runs its __init__.py (and those above) whatever the fromlist holds.
          for (const c of packageChildren(ctx, pkg, file, true)) {
            if (!c.init && globbed !== null && (!globbed.match.test(childName(c.target)) || globbed.removed.has(childName(c.target)))) continue;
            if (!c.init && looped !== null && !looped.has(childName(c.target))) continue;
            out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.init ? `imported as ${pkg} by ${file}:${line} (a package runs before its modules)` : label });
          }
        }
      }
      // Stop 58: `__import__(name, globals(), None, (), 1)`, relative to the file's own package (relative-dunder-import.ts).
      const leveled = relativeDunderCall(span, text, (starts ??= lineStarts(text)), line);
      if (leveled !== null) {
        // `globals()` hands the file's `__package__`: its own package, as `import_module(…, __package__)` reads it.
        const folder = relativePackageFolder(ctx, file, '__package__', leveled.level);
        if (folder !== null && !seen.has(`lvl\0${folder}\0${leveled.name}`)) {
          seen.add(`lvl\0${folder}\0${leveled.name}`);
          const shownFolder = folder === '' ? '.' : folder;
          const looped = loopValues(text, lines, line, leveled.name);
          const named = looped ?? guardValues(lines, line, leveled.name, (iterated) => listedValues(text, iterated));
          const how = named === null ? `any module of the package in ${shownFolder} may be the one loaded` : `named in the list ${looped === null ? `its \`if ${leveled.name} in …\` tests` : `its \`for ${leveled.name} in …\` loop goes over`}: this module is one of them`;
          const label = `imported by a computed name relative to its own package in ${file}:${line} (${leveled.call}, level ${leveled.level}): ${how}`;
          const initLabel = `run before the modules of the package in ${shownFolder} that ${file}:${line} imports by a relative computed name (a package runs before its modules)`;
          for (const c of childrenIn(ctx, folder, (name) => named === null || named.has(name))) if (c.target !== file) out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.init ? initLabel : label });
        }
        continue;
      }
      // Stop 45: `exec("from .%s import %s" % (module, module))` over a list of names (system-config-printer's troubleshoot/__init__.py).
      // Only an exec on the recorded line itself: one a few lines below has its own line (and this line's call its own rules).
      const executed = EXEC_IMPORT.exec(span);
      const ownEnd = span.indexOf('\n');
      if (executed !== null && (ownEnd < 0 || executed.index < ownEnd)) {
        const target = execTarget(ctx, file, executed[2]);
        if (target !== null && !seen.has(`exec\0${target.shown}`)) {
          seen.add(`exec\0${target.shown}`);
          const literal = /^[^'"]*(['"])([^'"\n]*)\1/.exec(span.slice(executed.index));
          const statement = literal === null ? executed[2] : `"${literal[2]}"`;
          const after = literal === null ? '' : span.slice(executed.index + literal.index + literal[0].length);
          // Stop 45 (review 4): a loop over a literal list loads only the listed names.
          const named = loopNames(text, lines, line, executed[2], after);
          const tail = /(?:%s|\})(\w*)$/.exec(executed[2])![1];
          const label = named === null
            ? `imported by an import statement formatted at run time and run by exec in ${file}:${line} (${statement}): any module named ${target.shown} may be the one loaded`
            : `imported by an import statement formatted at run time and run by exec in ${file}:${line} (${statement}), over the names its loop lists: this module is one of them`;
          const initLabel = `run before the modules named ${target.shown} that ${file}:${line} imports by exec (a package runs before its modules)`;
          for (const c of target.children) {
            if (c.target === file) continue;
            if (named !== null && !c.init && !named.has(childName(c.target).slice(0, childName(c.target).length - tail.length))) continue;
            out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.init ? initLabel : label });
          }
        }
        continue;
      }
      const relative = RELATIVE_CALL.exec(span);
      if (relative !== null && relative[1].trim().length <= MAX_ARGUMENT) {
        const name = relative[1].trim();
        const expression = /^[A-Za-z_]\w*$/.test(name) ? (assignmentAbove(text, (starts ??= lineStarts(text)), line, name)?.value ?? null) : name;
        const level = expression === null ? 0 : relativeLevel(expression);
        // Stop 58: computed whole segments below literal ones (relative-templates.ts).
        const deeper = level === 0 && expression !== null ? relativeSegments(expression) : null;
        const under = deeper === null ? null : relativePackageFolder(ctx, file, relative[2], deeper.level);
        if (deeper !== null && under !== null && !seen.has(`reltpl\0${under}\0${deeper.segments.join('.')}`)) {
          seen.add(`reltpl\0${under}\0${deeper.segments.join('.')}`);
          const call = relative[0].replace(/\s+/g, ' ');
          const shown = deeper.segments.map((x) => x ?? '*').join('.');
          const label = `imported by a relative computed name in ${file}:${line} (${call}): any module ${shown} below the package in ${under === '' ? '.' : under} may be the one loaded`;
          for (const target of relativeTemplateFiles(ctx, under, deeper.segments)) if (target !== file) out.references.push({ from: file, target, targetKind: 'file', line, label });
        }
        const folder = level === 0 ? null : relativePackageFolder(ctx, file, relative[2], level);
        if (folder !== null && !seen.has(`rel\0${folder}`)) {
          seen.add(`rel\0${folder}`);
          const call = relative[0].replace(/\s+/g, ' ');
          const label = `imported by a relative computed name in ${file}:${line} (${call}): any module of the package in ${folder === '' ? '.' : folder} may be the one loaded`;
          const initLabel = `run before the modules of the package in ${folder === '' ? '.' : folder} that ${file}:${line} imports by a relative computed name (a package runs before its modules)`;
          for (const c of childrenIn(ctx, folder, () => true)) if (c.target !== file) out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.init ? initLabel : label });
        }
        continue;
      }
      const overLiteral = LITERAL_PACKAGE_CALL.exec(span);
      if (overLiteral !== null && overLiteral[1].trim().length <= MAX_ARGUMENT) {
        const name = overLiteral[1].trim();
        const assignedName = /^[A-Za-z_]\w*$/.test(name) ? assignmentAbove(text, (starts ??= lineStarts(text)), line, name) : null;
        const expression = assignedName !== null ? assignedName.value : /^[A-Za-z_]\w*$/.test(name) ? null : name;
        const absolute = expression === null ? null : absoluteOver(expression, overLiteral[3]);
        constants ??= moduleConstants(text);
        const template = absolute === null ? null : childTemplateOf(absolute, constants);
        if (template !== null && DOTTED_PREFIX.test(template.prefix)) {
          const { prefix, tail } = template;
          if (seen.has(`${prefix}\0${tail}`)) continue;
          seen.add(`${prefix}\0${tail}`);
          const shown = `${name === expression ? '' : `${name} = `}${expression!.replace(/\s+/g, ' ')}${assignedName === null ? '' : ` at line ${assignedName.line}`}, over the package '${overLiteral[3]}'`;
          const children = templateChildren(ctx, template, file, line, `(${shown})`, `${file}:${line} imports by a relative computed name`, 'a relative computed name');
          for (const c of children) out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.label });
          continue;
        }
      }
      const argument = CALL.exec(span)?.[1]?.trim();
      // Review s60-rv1: a module-name expression is short; a huge one (hostile, or generated) is not read, as the
      // template readers below backtrack on it (a 200,000-character argument took 14 s).
      if (!argument || argument.length > MAX_ARGUMENT) continue;
      constants ??= moduleConstants(text);
      const assigned = /^[A-Za-z_]\w*$/.test(argument) ? assignmentAbove(text, (starts ??= lineStarts(text)), line, argument) : null;
      const expression = assigned !== null ? assigned.value : /^[A-Za-z_]\w*$/.test(argument) ? null : argument;
      const template = expression === null ? null : childTemplateOf(expression, constants);
      if (template === null || !DOTTED_PREFIX.test(template.prefix)) {
        // Stop 46: the head is what a repo function returns, only literals (hplip's `ui_package + ".aligndialog"`).
        const returned = expression === null ? null : returnedHead(ctx, file, lines, assigned?.line ?? line, expression);
        if (returned !== null) {
          for (const c of returnedModules(ctx, file, returned)) {
            const key = `ret\0${c.target}`;
            if (seen.has(key) || c.target === file) continue;
            seen.add(key);
            const label = c.init
              ? `run before ${c.module}, which ${file}:${line} imports by a computed name (a package runs before its modules)`
              : `imported as ${c.module} by a computed name in ${file}:${line} (${expression!.replace(/\s+/g, ' ')}; ${returned.how}): this module is one of the names it can be`;
            out.references.push({ from: file, target: c.target, targetKind: 'file', line, label });
          }
          continue;
        }
        // Stop 45: computed parts inside the segments (`"xpra.client.gl.gtk%s.%sgl_client_window" % (…)`).
        const matched = expression === null ? null : templateModules(ctx, file, expression, enclosingParams(ctx, file, lines, line), (operand) => loopValues(text, lines, line, operand));
        if (matched === null || seen.has(`tpl\0${matched.shown}`)) continue;
        seen.add(`tpl\0${matched.shown}`);
        const label = `imported by a computed name in ${file}:${line} (${argument === expression ? '' : `${argument} = `}${expression!.replace(/\s+/g, ' ')}${assigned === null ? '' : ` at line ${assigned.line}`}): any module named ${matched.shown} may be the one loaded`;
        const initLabel = `run before the modules named ${matched.shown} that ${file}:${line} imports by a computed name (a package runs before its modules)`;
        for (const c of matched.children) if (c.target !== file) out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.init ? initLabel : label });
        continue;
      }
      // A literal tail after the computed part (`'pkg.%s_handler' % name`): only the children named so.
      const { prefix, tail } = template;
      if (seen.has(`${prefix}\0${tail}`)) continue;
      seen.add(`${prefix}\0${tail}`);
      for (const c of templateChildren(ctx, template, file, line, `(${expression})`, `${file}:${line} imports by a computed name`)) out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.label });
      // xpra's platform_import: `module = "xpra.platform.%s" % p` (p assigned only literals in the def), then
      // `module += ".%s" % pm`: the name is one level deeper, a module of each package the literals name.
      const extended = assigned === null || tail !== '' ? 0 : extendedBetween(lines, assigned.line, line, argument);
      const holder = extended === 0 ? null : placeholderName(expression!);
      if (holder === null) continue;
      const literals = literalsOf(text, endAbove(line), holder);
      for (const literal of literals) {
        const pkg = `${prefix}.${literal}`;
        if (seen.has(`${pkg}\0`)) continue;
        seen.add(`${pkg}\0`);
        const deepLabel = `imported by a computed name under ${pkg} in ${file}:${line} (${argument} = ${expression!} at line ${assigned!.line}, ${holder} one of ${literals.map((l) => `"${l}"`).join(', ')} in its def, extended by a computed part at line ${extended}): any module of ${pkg} may be the one loaded`;
        const deepInit = `run before the modules of ${pkg} that ${file}:${line} imports by a computed name (a package runs before its modules)`;
        for (const c of packageChildren(ctx, pkg, file, true)) out.references.push({ from: file, target: c.target, targetKind: 'file', line, label: c.init ? deepInit : deepLabel });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'prefixed-imports',
  title: 'Python computed imports under a constant package path',
  ecosystem: 'python',
  enabledBy: firstComputedImport,
  collect: collectPrefixedImports,
};

export default reader;
