/**
 * Imports relative to the module a subclass is defined in: a base class's method that imports a
 * module named relative to `self.__module__`'s package (horizon/base.py:122-132,
 * `HorizonComponent._get_default_urlpatterns`: `package_string = '.'.join(self.__module__.split('.')[:-1])`
 * then `import_module('.urls', package_string)`). The method runs on instances of the repo's
 * subclasses (every `Panel` in `dashboards/**\/panel.py`), so for each it loads the module so named
 * beside the subclass's own module: the panel's sibling `urls.py`, and with it the views, tables
 * and forms that one imports. Nothing imports those urls.py files by name, so census saw them dead.
 *
 * The rule: in a method (first parameter `self` or `cls`) of a class B, a call
 * `import_module('.name', P)` (`importlib.import_module` too) whose first argument is a literal
 * relative name and whose package P is the package of the module the object's class is in:
 * written as `'.'.join(X.__module__.split('.')[:-1])`, `X.__module__.rsplit('.', 1)[0]` or
 * `X.__module__.rpartition('.')[0]` with X `self`, `cls`, `self.__class__` or `type(self)`,
 * directly or through a local name the method assigns it to. Then for every class of the repo
 * deriving from B (its bases resolved through the file's imports and re-exports, a few levels
 * down), defined in a module of a package, the module `.name` beside that module loads.
 *
 * The edge goes from the subclass's module, not from B's: the method runs only for a subclass
 * whose module is imported (Horizon's panel.py registers its Panel with its dashboard when it is
 * imported; a Panel nobody imports has no urls loaded), so the sibling is alive exactly when the
 * subclass's module is. Subclasses defined in B's own file (Horizon's `Panel` and `Dashboard`
 * beside `HorizonComponent`) are the framework's own abstract layers and give no edge; so is a
 * class another repo class subclasses, unless a string names it by its dotted path (stop 61:
 * horizon's project Backups panel, named by ADD_PANEL and subclassed by admin's Backups).
 *
 * Stop 65: the same subclass walk serves package-walks.ts, a base-class method that walks the folder
 * of the subclass's own package (`sys.modules[self.__class__.__module__].__path__[0]`, nova's
 * loadables.py) and imports every module there: the edges go from each subclass in an `__init__.py`.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { pathsInDir, pathsWithPrefix, sortedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { fileFlowsAndClasses, type ClassInfo } from './loader-roles.js';
import { bindingsOf } from './loader-calls.js';
import { importsPackage, relativeModuleFile } from './python-files.js';
import { fileDefs } from './loader-functions.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';
import { packageWalksIn, type PackageWalk } from './package-walks.js';
import { constructionsOf } from './class-constructions.js';

/** A base-class method's import relative to its object's module. */
export interface SiblingImport {
  file: string;
  className: string;
  method: string;
  /** The relative name, with its leading dot(s): `.urls`; for a template, with `%s` where each name goes (`.%s.panel`). */
  relative: string;
  /** A template's names come from these class attributes the method reads (`self.panels`): each subclass's literal strings. */
  attrs?: string[];
  line: number;
}

/** Levels of subclassing followed below the base class. */
const MAX_DEPTH = 5;
/** Base-class methods read per scan (a hostile repo of thousands gives no more). */
const MAX_IMPORTS = 200;
/** Modules one walk answers for one subclass. */
const MAX_WALKED = 2000;

/** What holds the object's module name: `self`, `cls`, `self.__class__`, `type(self)`. */
const HOLDER = String.raw`(?:self|cls|self\.__class__|type\(\s*self\s*\))\.__module__`;
/** The package of the object's module, as the method writes it. */
const PARENT_OF_MODULE = [
  new RegExp(String.raw`^(['"])\.\1\.join\(\s*${HOLDER}\.split\(\s*(['"])\.\2\s*\)\s*\[\s*:\s*-\s*1\s*\]\s*\)$`),
  new RegExp(String.raw`^${HOLDER}\.rsplit\(\s*(['"])\.\1\s*,\s*(?:maxsplit\s*=\s*)?1\s*\)\s*\[\s*0\s*\]$`),
  new RegExp(String.raw`^${HOLDER}\.rpartition\(\s*(['"])\.\1\s*\)\s*\[\s*0\s*\]$`),
];

/** Whether `text` (an argument or the value a local name holds) is the package of the object's module. */
export const isModuleParent = (text: string): boolean => {
  const s = text.replace(/\s+/g, ' ').trim();
  return PARENT_OF_MODULE.some((re) => re.test(s));
};

/** A literal relative module name: `'.urls'`, `".sub.mod"`; its value, else null. */
const relativeLiteral = (text: string): string | null => {
  const m = /^[rRuU]?(['"])(\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\1$/.exec(text.trim());
  return m === null ? null : m[2];
};

/** `'.%s.panel' % v` or `f'.{v}.panel'`: the template with `%s` for the name, and the name v; else null. */
const relativeTemplate = (text: string): { template: string; variable: string } | null => {
  const t = text.trim();
  const percent = /^[rRuU]?(['"])\.%s((?:\.[A-Za-z_]\w*)*)\1\s*%\s*([A-Za-z_]\w*)$/.exec(t);
  if (percent !== null) return { template: `.%s${percent[2]}`, variable: percent[3] };
  const f = /^[fF](['"])\.\{([A-Za-z_]\w*)\}((?:\.[A-Za-z_]\w*)*)\1$/.exec(t);
  return f === null ? null : { template: `.%s${f[3]}`, variable: f[2] };
};

/** Lines longer than this are not read for loops (a hostile line costs no backtracking). */
const MAX_LINE = 400;
const FOR = /^(\s*)(?:async\s+)?for\s+([A-Za-z_]\w*)\s+in\s+(self\.)?([A-Za-z_]\w*)\s*:/;
const indentWidth = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/** The lines (0-based) of the blocks around line `l`, innermost first, down to line `first`: each line above with less indentation. */
const enclosing = (lines: readonly string[], l: number, first: number): number[] => {
  const out: number[] = [];
  let inner = indentWidth(lines[l]);
  for (let k = l - 1; k >= first && inner > 0; k--) {
    const above = lines[k];
    if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
    const ind = indentWidth(above);
    if (ind >= inner) continue;
    inner = ind;
    out.push(k);
  }
  return out;
};

/** `for v in X:` on a line (not too long): [v, whether X is `self.`-prefixed, X]. */
const forOf = (line: string): [string, boolean, string] | null => {
  if (line.length > MAX_LINE) return null;
  const m = FOR.exec(line);
  return m === null || /^__\w*__$/.test(m[4]) ? null : [m[2], m[3] !== undefined, m[4]];
};

/**
 * The attributes of `self` that feed the template's variable `v` at the call (line `to`, 1-based):
 * the innermost loop around the call whose target is v, `for v in self.X:`, or `for v in L:` where L
 * is a local list the method fills (`L.extend(…)`, `L.append(…)`, `L += …`) inside the body of a
 * `for … in self.X:` (horizon/base.py:588-613: `panels_to_discover.extend(panel_group.panels)`
 * inside `for panel_set in self.panels:`, then `for panel in panels_to_discover:`). Another loop
 * over an attribute (a skip list it logs, even with the same variable) feeds nothing the call imports.
 */
const selfAttrsLooped = (lines: readonly string[], from: number, to: number, v: string): string[] => {
  const first = Math.max(0, from - 1);
  if (to - 1 >= lines.length) return [];
  const loop = enclosing(lines, to - 1, first).map((k) => forOf(lines[k])).find((f) => f !== null && f[0] === v);
  if (loop === undefined || loop === null) return [];
  if (loop[1]) return [loop[2]];
  const out = new Set<string>();
  const fill = new RegExp(String.raw`^\s*${loop[2]}\s*(?:\.\s*(?:extend|append)\s*\(|\+=)`);
  for (let l = first; l < to - 1; l++) {
    if (lines[l].length > MAX_LINE || !fill.test(lines[l])) continue;
    for (const k of enclosing(lines, l, first)) {
      const f = forOf(lines[k]);
      if (f !== null && f[1]) out.add(f[2]);
    }
  }
  return [...out];
};

/** Whether the def at `defLine` (1-based) calls `super(` in its body: an override that still runs the base's method. */
const callsSuper = (lines: readonly string[], defLine: number): boolean => {
  const indent = /^(\s*)/.exec(lines[defLine - 1] ?? '')![1].length;
  for (let l = defLine; l < lines.length && l < defLine + 400; l++) {
    const line = lines[l];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^(\s*)/.exec(line)![1].length <= indent) break;
    if (/\bsuper\(/.test(line)) return true;
  }
  return false;
};

/**
 * A class body's `attr = ('a', 'b', ('c',))`: the literal tuple or list (nested ones too) of plain
 * names, with the line; null when the class sets no such literal (a class name among the items
 * stops it: its names are another class's).
 */
export const classAttrNames = (lines: readonly string[], classLine: number, attr: string): { names: string[]; line: number } | null => {
  const head = /^(\s*)/.exec(lines[classLine - 1] ?? '')![1].length;
  const set = new RegExp(String.raw`^(\s+)${attr}\s*=\s*([(\[].*)$`);
  for (let l = classLine; l < lines.length && l < classLine + 400; l++) {
    const line = lines[l];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = /^(\s*)/.exec(line)![1].length;
    if (indent <= head) break;
    const m = set.exec(line);
    if (m === null || m[1].length <= head) continue;
    let value = m[2];
    for (let k = l + 1; k < lines.length && k < l + 50 && depthOf(value) > 0; k++) value += ` ${lines[k]}`;
    if (depthOf(value) !== 0) return null;
    const bare = value.replace(/#.*$/, '').trim();
    if (!/^[(\[](?:\s|[()\[\],]|(['"])[A-Za-z_]\w*\1)*[)\]]$/.test(bare)) return null;
    return { names: [...bare.matchAll(/(['"])([A-Za-z_]\w*)\1/g)].map((x) => x[2]), line: l + 1 };
  }
  return null;
};

const depthOf = (s: string): number => {
  let d = 0;
  for (const c of s) d += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
  return d;
};

/** The base-class methods' sibling imports in one file's text. */
export const siblingImportsIn = (file: string, text: string): { imports: SiblingImport[]; classes: ClassInfo[] } => {
  const { fns, classes } = fileFlowsAndClasses(text, (w) => w === 'import_module');
  const imports: SiblingImport[] = [];
  let lines: string[] | null = null;
  for (const fn of fns) {
    if (fn.className === null || (fn.params[0] !== 'self' && fn.params[0] !== 'cls')) continue;
    for (const call of fn.calls) {
      if (call.word !== 'import_module' || (call.attribute && call.callee !== 'importlib.import_module')) continue;
      const name = call.positional[0];
      const pkg = call.positional[1] ?? call.keywords.get('package');
      if (name === undefined || pkg === undefined) continue;
      const literal = relativeLiteral(name.text);
      const template = literal === null ? relativeTemplate(name.text) : null;
      const relative = literal ?? template?.template ?? null;
      if (relative === null) continue;
      let parent = isModuleParent(pkg.text);
      // A local name: the last value the method gives it above the call.
      if (!parent && /^[A-Za-z_]\w*$/.test(pkg.text)) {
        const values = (fn.assigned.get(pkg.text) ?? []).filter((v) => v.line <= call.line && !v.append);
        parent = values.length > 0 && isModuleParent(values[values.length - 1].text);
      }
      if (!parent) continue;
      if (template === null) imports.push({ file, className: fn.className, method: fn.name, relative, line: call.line });
      else {
        lines ??= text.split('\n');
        const attrs = selfAttrsLooped(lines, fn.defLine, call.line, template.variable);
        if (attrs.length > 0) imports.push({ file, className: fn.className, method: fn.name, relative, line: call.line, attrs });
      }
    }
  }
  return { imports, classes };
};

/** The class a file's base name (`Panel`, `horizon.Panel`) resolves to, as `file\0Name`; null when it is not the repo's. */
const resolveBase = (bindings: ReturnType<typeof bindingsOf>, file: string, own: ReadonlySet<string>, base: string): string | null => {
  const dot = base.lastIndexOf('.');
  if (dot < 0) {
    if (own.has(base)) return `${file}\0${base}`;
    const bound = bindings.names.get(base);
    return bound === undefined ? null : `${bound.file}\0${bound.name}`;
  }
  const module = bindings.modules.get(base.slice(0, dot));
  if (module === undefined) return null;
  const origin = bindings.origin(module, base.slice(dot + 1));
  return `${origin.file}\0${origin.name}`;
};

/** A repo subclass of a base method's class. */
interface Subclass {
  file: string;
  name: string;
  line: number;
  via: string;
  /** The root's methods this class (or a class between) overrides without calling super(): they never run for it. */
  overridden: ReadonlySet<string>;
  /** A class some repo class subclasses in turn, still loaded itself: where a string names it (`file:line`). */
  named?: string;
}

interface Found {
  imports: SiblingImport[];
  /** Stop 65: base-class methods that walk the folder of the subclass's own package (package-walks.ts). */
  walks: PackageWalk[];
  /** Per base method's class (`file\0Name`): its subclasses elsewhere that no repo class subclasses in turn. */
  subclasses: Map<string, Subclass[]>;
}

interface FileClasses {
  classes: ClassInfo[];
  /** Per class name: the methods its body defines without calling super() in them. */
  overrides: Map<string, Set<string>>;
  bindings: ReturnType<typeof bindingsOf>;
}

const findAll = perScan((ctx: FrameworkContext): Found => {
  const imports: SiblingImport[] = [];
  const walks: PackageWalk[] = [];
  const subclasses = new Map<string, Subclass[]>();
  const pyFiles = sortedPaths(ctx.files).filter((p) => p.endsWith('.py'));
  for (const path of pyFiles) {
    if (imports.length + walks.length >= MAX_IMPORTS) break;
    const facts = ctx.facts(path);
    const relative = importsPackage(ctx, path, 'importlib');
    // Stop 65: a walk of the package folder reads `__path__` and loads by name (`import_module`, `__import__`… all hold `import_`).
    const walking = facts !== undefined && mayHoldPythonMark(facts.textMarks, '__path__') && mayHoldPythonMark(facts.textMarks, 'import_');
    if (!relative && !walking) continue;
    // A file read only for a walk is not kept (issue 19): nearly none holds one.
    const text = relative ? ctx.readText(path) : ctx.manifests.transientText(path);
    if (text === null || !text.includes('__module__')) continue;
    if (relative && text.includes('import_module')) imports.push(...siblingImportsIn(path, text).imports);
    if (walking && text.includes('sys.modules') && text.includes('__path__') && /\bos\s*\.\s*(?:walk|listdir)\s*\(/.test(text)) walks.push(...packageWalksIn(path, text).walks);
  }
  if (imports.length === 0 && walks.length === 0) return { imports, walks, subclasses };
  const methodsOf = new Map<string, Set<string>>();
  for (const i of [...imports, ...walks.flatMap((w) => [{ ...w }, { ...w, method: w.setter }])]) {
    const k = `${i.file}\0${i.className}`;
    (methodsOf.get(k) ?? methodsOf.set(k, new Set()).get(k)!).add(i.method);
  }
  // Walk down the class tree: each round, the files that name one of the classes found so far (by its last name) are read for subclasses.
  const roots = new Set(methodsOf.keys());
  /** Per class reached: each root above it, with the root's methods overridden on the way down. */
  const rootOf = new Map<string, Map<string, Set<string>>>([...roots].map((k) => [k, new Map([[k, new Set<string>()]])]));
  /** Classes some repo class subclasses: abstract layers (Horizon's Panel), wherever they are. */
  const parents = new Set<string>();
  const classCache = new Map<string, FileClasses | null>();
  const classesOf = (path: string): FileClasses | null => {
    if (classCache.has(path)) return classCache.get(path)!;
    const text = ctx.readText(path);
    const facts = ctx.facts(path);
    let value: FileClasses | null = null;
    if (text !== null && facts !== undefined && /^\s*class\s/m.test(text)) {
      const { classes } = fileFlowsAndClasses(text, () => false);
      const lines = text.split('\n');
      const overrides = new Map<string, Set<string>>();
      for (const { fn, className } of fileDefs(tokenize(text)).done) {
        if (className !== null && !callsSuper(lines, fn.defLine)) (overrides.get(className) ?? overrides.set(className, new Set()).get(className)!).add(fn.name);
      }
      value = { classes, overrides, bindings: bindingsOf(ctx, path, facts.imports) };
    }
    classCache.set(path, value);
    return value;
  };
  /**
   * The methods an earlier base (a mixin before the path to the root in the bases list) defines
   * without calling super(): Python's MRO finds them first (`class P1(NoUrls, Component)`).
   */
  const earlierOverrides = (info: FileClasses, path: string, own: ReadonlySet<string>, earlier: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (const base of earlier) {
      const resolved = resolveBase(info.bindings, path, own, base);
      if (resolved === null) continue;
      const [file, name] = resolved.split('\0');
      for (const m of classesOf(file)?.overrides.get(name) ?? []) out.add(m);
    }
    return out;
  };
  const subOf = new Map<string, { root: string; sub: Subclass }[]>();
  let frontier = new Set(roots);
  // One round more than subclasses are taken: the classes of the last round are checked for subclasses of their own.
  for (let depth = 0; depth <= MAX_DEPTH && frontier.size > 0; depth++) {
    const names = new Set([...frontier].map((k) => k.slice(k.indexOf('\0') + 1)));
    const word = new RegExp(String.raw`\bclass\s+\w+\s*\([^)]*\b(?:${[...names].join('|')})\b`);
    const next = new Set<string>();
    for (const path of pyFiles) {
      const text = ctx.readText(path);
      if (text === null || !word.test(text)) continue;
      const info = classesOf(path);
      if (info === null) continue;
      const own = new Set(info.classes.map((c) => c.name));
      for (const c of info.classes) {
        // A root is walked too: a class with its own such method (Horizon's Dashboard) still inherits its bases' (HorizonComponent's).
        const key = `${path}\0${c.name}`;
        for (const [index, base] of c.bases.entries()) {
          const last = base.slice(base.lastIndexOf('.') + 1);
          if (!names.has(last)) continue;
          const resolved = resolveBase(info.bindings, path, own, base);
          if (resolved === null || !frontier.has(resolved)) continue;
          parents.add(resolved);
          if (depth === MAX_DEPTH) continue;
          const from = rootOf.get(resolved)!;
          const mine = rootOf.get(key) ?? rootOf.set(key, new Map()).get(key)!;
          for (const [r, above] of from) {
            if (mine.has(r)) continue;
            const overridden = new Set(above);
            for (const m of methodsOf.get(r) ?? []) if (info.overrides.get(c.name)?.has(m) || earlierOverrides(info, path, own, c.bases.slice(0, index)).has(m)) overridden.add(m);
            mine.set(r, overridden);
            const rootFile = r.slice(0, r.indexOf('\0'));
            if (path !== rootFile) (subOf.get(key) ?? subOf.set(key, []).get(key)!).push({ root: r, sub: { file: path, name: c.name, line: c.line, via: base, overridden } });
          }
          next.add(key);
        }
      }
    }
    frontier = next;
  }
  const named = namedParents(ctx, pyFiles, [...subOf.keys()].filter((k) => parents.has(k)));
  for (const [key, list] of subOf) {
    const concrete = named.get(key);
    if (parents.has(key) && concrete === undefined) continue;
    for (const { root, sub } of list) (subclasses.get(root) ?? subclasses.set(root, []).get(root)!).push(concrete === undefined ? sub : { ...sub, named: concrete });
  }
  return { imports, walks, subclasses };
});

/** `pkg.mod.Class` as a string some code hands a loader: `'openstack_dashboard.dashboards.project.backups.panel.Backups'`. */
const dottedNeedle = (file: string, name: string): string => {
  const folder = dirname(file);
  const module = basename(file) === '__init__.py' ? basename(folder) : `${basename(folder)}.${basename(file).replace(/\.py$/, '')}`;
  return `${module}.${name}`;
};

const MAX_HEAD = 300;

/**
 * Where `text` holds `needle` whole in a string literal (a quote, maybe a dotted head, the needle, the
 * same quote) that `accept` takes, or -1. `accept` is handed the whole dotted string and where its quote is.
 */
const inString = (text: string, needle: string, accept: (dotted: string, quote: number) => boolean): number => {
  for (let at: number = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    // A dotted head longer than MAX_HEAD is no module path (and a hostile run of them costs no quadratic walk back).
    let head = at;
    while (head > 0 && at - head < MAX_HEAD && /[\w.]/.test(text[head - 1])) head--;
    const quote = text[head - 1];
    if ((quote === "'" || quote === '"') && text[at + needle.length] === quote && (at === head || text[at - 1] === '.') && accept(text.slice(head, at + needle.length), head - 1)) return at;
  }
  return -1;
};

/** Whether the quote at `quote` is in a comment: a `#` before any quote on its line (`# see 'pkg.panel.Cls'`). */
const inComment = (text: string, quote: number): boolean => /^[^'"\n]*#/.test(text.slice(text.lastIndexOf('\n', quote) + 1, quote));

/** Adjacent string literals Python joins (`('pkg.panel.'\n 'Cls')`, horizon's _1370_project_vg_snapshots.py:9): the quotes between them. */
const ADJACENT = /(['"])[ \t]*(?:\\?\r?\n[ \t]*)*\1/g;

/** The text with adjacent literals joined, and a map from an offset in it back to the file's own text. */
const joinAdjacent = (text: string): { joined: string; original: (at: number) => number } => {
  const cuts: { at: number; removed: number }[] = [];
  let removed = 0;
  const joined = text.replace(ADJACENT, (m: string, _q: string, offset: number) => {
    removed += m.length;
    cuts.push({ at: offset + m.length - removed, removed });
    return '';
  });
  return {
    joined,
    original: (at) => {
      let shift = 0;
      for (const c of cuts) {
        if (c.at > at) break;
        shift = c.removed;
      }
      return at + shift;
    },
  };
};

/**
 * Stop 61: the subclassed classes that are still loaded as they are: each named by its dotted path
 * in a string of another .py file (horizon's enabled/_1330_project_backups_panel.py:9 `ADD_PANEL =
 * 'openstack_dashboard.dashboards.project.backups.panel.Backups'`, while admin/backups/panel.py:17
 * subclasses that Backups). Per class (`file\0Name`): where it is named (`file:line`). An abstract
 * layer (fw2/layers/panel.py's Panel) is named by no such string and stays without an edge.
 * Review of stop 61: the whole dotted string must name the class's own module, as the naming file
 * would import it (`'…admin.backups.panel.Backups'` ends as project's does, but names admin's
 * class), and a string in a comment names nothing.
 */
const namedParents = (ctx: FrameworkContext, pyFiles: readonly string[], keys: readonly string[]): Map<string, string> => {
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  const needles = keys.map((k) => {
    const file = k.slice(0, k.indexOf('\0'));
    const name = k.slice(k.indexOf('\0') + 1);
    const needle = dottedNeedle(file, name);
    return { key: k, file, name, needle, head: needle.slice(0, needle.length - name.length) };
  });
  for (const path of pyFiles) {
    if (out.size === needles.length) break;
    const text = ctx.readText(path);
    if (text === null) continue;
    let joined: ReturnType<typeof joinAdjacent> | null = null;
    for (const n of needles) {
      if (out.has(n.key) || path === n.file || !text.includes(n.head)) continue;
      const names = (within: string) => (dotted: string, quote: number): boolean =>
        !inComment(within, quote) && ctx.module(dotted.slice(0, dotted.length - n.name.length - 1), dirname(path), path)[0] === n.file;
      let at = inString(text, n.needle, names(text));
      // Written across adjacent literals: found in the joined text, placed at its line in the file's own.
      if (at < 0 && text.includes(n.name)) {
        joined ??= joinAdjacent(text);
        const hit = inString(joined.joined, n.needle, names(joined.joined));
        at = hit < 0 ? -1 : joined.original(hit);
      }
      if (at >= 0) out.set(n.key, `${path}:${text.slice(0, at).split('\n').length}`);
    }
  }
  return out;
};

/**
 * The folder of the package `self.__module__` names for a subclass in `file`: the module's folder,
 * or for an `__init__.py` (whose module is the package itself) the folder above; null when that is
 * no package (a one-part module: `'.'.join(…[:-1])` and `rpartition` give '', which a relative
 * import refuses, while `rsplit('.', 1)[0]` gives the module itself; none of the three names a
 * folder of the repo root).
 */
const moduleParentFolder = (files: ReadonlySet<string>, file: string): string | null => {
  const folder = dirname(file);
  const pkg = basename(file) === '__init__.py' ? dirname(folder) : folder;
  return pkg !== '' && pkg !== '.' && files.has(`${pkg}/__init__.py`) ? pkg : null;
};

/** Modules a walk of a package's folder finds: `.py` files directly in it, or (recursive) in every folder below too, with the `__init__.py` of each folder below. */
const walkedModules = (ctx: FrameworkContext, folder: string, recursive: boolean): string[] => {
  const out: string[] = [];
  const own = folder === '' ? '__init__.py' : `${folder}/__init__.py`;
  const files = recursive ? pathsWithPrefix(ctx.files, folder === '' ? '' : `${folder}/`) : pathsInDir(ctx.files, folder);
  for (const f of files) {
    if (out.length >= MAX_WALKED) break;
    if (f.endsWith('.py') && f !== own) out.push(f);
  }
  return out;
};

/**
 * Stop 65: edges for package walks (package-walks.ts): from each subclass's `__init__.py` (its module
 * is the package, whose `__path__` the base reads) to every module the walk finds in its folder. A
 * subclass in a plain module has no `__path__` (the walk raises) and gives nothing; Stop 66: nor does
 * one no file constructs by name (class-constructions.ts), whose object, and so whose walk, never exists.
 */
const walkEdges = (ctx: FrameworkContext, walks: readonly PackageWalk[], subclasses: ReadonlyMap<string, Subclass[]>, out: FrameworkOutput): void => {
  const walked = walks.flatMap((walk) => (subclasses.get(`${walk.file}\0${walk.className}`) ?? []).filter((sub) => !sub.overridden.has(walk.method) && !sub.overridden.has(walk.setter) && basename(sub.file) === '__init__.py').map((sub) => ({ walk, sub })));
  if (walked.length === 0) return;
  // Stop 66: the walk runs for an object of the subclass; a subclass nothing constructs walks nothing.
  const classes = walked.map(({ sub }) => ({ name: sub.name, file: sub.file, module: basename(dirname(sub.file)) }));
  const made = constructionsOf(ctx, classes);
  for (const [k, { walk, sub }] of walked.entries()) {
    const at = made.get(classes[k])?.[0];
    if (at === undefined) continue;
    const own = sub.named === undefined ? '' : `; subclassed in turn, but loaded itself as named in ${sub.named}`;
    const how = walk.recursive ? 'walks the folder (and every folder below it) with os.walk' : 'lists the folder with os.listdir';
    const label = `imported for ${sub.name} (${sub.file}:${sub.line}, a subclass of ${walk.className}${own}, constructed at ${at.file}:${at.line}): ${walk.file}:${walk.line} ${walk.className}.${walk.method} ${how} of the package self.__module__ names (its __path__[0], stored at ${walk.file}:${walk.setLine}) and imports each module found`;
    for (const target of walkedModules(ctx, dirname(sub.file), walk.recursive)) out.references.push({ from: sub.file, target, targetKind: 'file', line: sub.line, label });
  }
};

export const collectModuleRelative = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const { imports, walks, subclasses } = findAll(ctx);
  walkEdges(ctx, walks, subclasses, out);
  for (const imp of imports) {
    for (const sub of subclasses.get(`${imp.file}\0${imp.className}`) ?? []) {
      if (sub.overridden.has(imp.method)) continue;
      // The subclass's module's package: beside the module, or (an __init__.py) the package above it.
      if (moduleParentFolder(ctx.files, sub.file) === null) continue;
      const up = basename(sub.file) === '__init__.py' ? '.' : '';
      const named: { relative: string; line: number; why: string }[] = [];
      if (imp.attrs === undefined) named.push({ relative: imp.relative, line: sub.line, why: '' });
      else {
        const lines = (ctx.readText(sub.file) ?? '').split('\n');
        for (const attr of imp.attrs) {
          const set = classAttrNames(lines, sub.line, attr);
          for (const n of set?.names ?? []) named.push({ relative: imp.relative.replace('%s', n), line: set!.line, why: ` with '${n}' from ${sub.name}.${attr} (${sub.file}:${set!.line})` });
        }
      }
      for (const n of named) {
        const target = relativeModuleFile(ctx.files, sub.file, up + n.relative);
        if (target === null || target === sub.file) continue;
        const own = sub.named === undefined ? '' : `; subclassed in turn, but loaded itself as named in ${sub.named}`;
        const label = `imported for ${sub.name} (${sub.file}:${sub.line}, a subclass of ${imp.className}${own}): ${imp.file}:${imp.line} ${imp.className}.${imp.method} imports '${imp.relative}'${n.why} relative to the package of self.__module__`;
        // `.audit.panel`: Python runs the packages between (audit/__init__.py) before the module.
        const parts = n.relative.slice(1).split('.');
        for (let k = 1; k < parts.length; k++) {
          const init = relativeModuleFile(ctx.files, sub.file, `${up}.${parts.slice(0, k).join('.')}`);
          if (init !== null && init.endsWith('/__init__.py') && init !== sub.file) out.references.push({ from: sub.file, target: init, targetKind: 'file', line: n.line, label });
        }
        out.references.push({ from: sub.file, target, targetKind: 'file', line: n.line, label });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'module-relative-imports',
  title: "imports relative to a subclass's module (self.__module__)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const { imports, walks } = findAll(ctx);
    const first = imports[0];
    if (first !== undefined) return `${first.file}:${first.line} imports '${first.relative}' relative to self.__module__'s package`;
    const walk = walks[0];
    return walk === undefined ? null : `${walk.file}:${walk.line} lists the folder of self.__module__'s package and imports its modules`;
  },
  collect: collectModuleRelative,
};

export default reader;
