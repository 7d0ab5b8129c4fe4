/**
 * Stop 59: a computed import whose package comes from attributes of the loading class, set per
 * subclass. tuned's utils/plugin_loader.py:31 builds `"%s.%s%s" % (self._namespace, self._prefix,
 * plugin_name)` and hands it to `self._get_class(module_name)`, whose `__import__(module_name)`
 * (line 36) loads it; each subclass sets the attributes in a method (plugins/repository.py:28
 * `self._namespace = "tuned.plugins"`, `self._prefix = "plugin_"`; profiles/functions/repository.py
 * takes its prefix from an imported constant, `consts.FUNCTION_PREFIX`). powerline's
 * `__init__.py:487` stores `self.renderer_module = 'powerline.renderers.' + ext` and line 678 hands
 * `self.renderer_module` to `self.get_module_attr`, a def of the same file whose `__import__(module, …)`
 * (line 392) loads it.
 *
 * Read in each file with a computed import: the file's loaders (a core load call, or a def of the
 * file whose parameter goes straight into one), each call of one whose module argument is a name
 * assigned just above, a template, or `self.ATTR`; the template's `self.X` parts settled per class
 * (the loading class and its subclasses anywhere in the repo: the class's own assignments, else the
 * nearest base's), module constants settled too. Up to the first part still computed the name is
 * known: the modules of that package whose name starts with the literal after it (`plugin_*`) and
 * ends with a literal tail may be the one loaded; two computed parts in a row with nothing between
 * (`'powerline.renderers.' + ext + renderer_module`) reach one package further down too. A head that
 * stays computed in every class (the base's own `None`), or that names no repo package, gives nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { lineStarts } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { alternation, CORE_LOADS } from '../../languages/python/loader-names.js';
import { splitCommas } from '../../languages/python/sys-path.js';
import { assignmentAbove, firstComputedImport } from './python-files.js';
import { templateParts } from './loader-templates.js';
import { literalValue } from './call-text.js';
import { moduleConstants, packageChildren } from './prefixed-imports.js';
import { blankComments } from './package-paths.js';
import { bindingsOf, type Bindings } from './loader-calls.js';

/** A class of the repo: where it is, its header line and the lines its body spans (1-based, inclusive). */
interface ClassAt {
  file: string;
  name: string;
  line: number;
  end: number;
  bases: string[];
}

/** At most this many templates are read for one call (classes × attribute values). */
const MAX_TEMPLATES = 32;
/** Subclasses are followed this many levels below the loading class. */
const MAX_DEPTH = 3;

/** Lines longer than this are not read (a minified or generated line): no regex walks them. */
export const MAX_LINE = 400;

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;
/** A line with no code: empty, spaces, or a comment only. */
export const blank = (line: string): boolean => /^\s*(?:#.*)?$/.test(line);
/** A def's header on one line: its indentation (group 1), name (2) and parameter list (3). */
export const DEF = /^([ \t]*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/;
/** The names of a parameter list (`self, name: str = ''` gives self, name), stars kept. */
export const paramsOf = (list: string): string[] => list.split(',').map((p) => p.trim().replace(/[:=].*$/, '').trim()).filter((p) => p !== '');

/** The classes a file defines at its top level, with the lines of their bodies. */
const classesIn = (file: string, lines: readonly string[]): ClassAt[] => {
  const out: ClassAt[] = [];
  for (let l = 0; l < lines.length; l++) {
    const m = /^class\s+([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s*:/.exec(lines[l]);
    if (m === null) continue;
    let end = l + 1;
    for (let k = l + 1; k < lines.length; k++) {
      if (blank(lines[k])) continue;
      if (indentOf(lines[k]) === 0) break;
      end = k + 1;
    }
    const bases = (m[2] ?? '').split(',').map((b) => b.trim()).filter((b) => /^[A-Za-z_][\w.]*$/.test(b));
    out.push({ file, name: m[1], line: l + 1, end, bases });
  }
  return out;
};

/** The defs of a file (any depth) whose parameter goes straight into a core load call: name → the parameter's index among the call's arguments. */
export const fileLoaders = (lines: readonly string[]): Map<string, number> => {
  const out = new Map<string, number>();
  const load = new RegExp(String.raw`\b(?:${alternation(CORE_LOADS)})\(\s*([A-Za-z_]\w*)\s*[,)]`);
  for (let l = 0; l < lines.length; l++) {
    const m = DEF.exec(lines[l]);
    if (m === null) continue;
    const params = paramsOf(m[3]).filter((p) => !p.startsWith('*'));
    const shift = params[0] === 'self' || params[0] === 'cls' ? 1 : 0;
    for (let k = l + 1; k < lines.length; k++) {
      if (blank(lines[k])) continue;
      if (indentOf(lines[k]) <= m[1].length) break;
      const arg = lines[k].length > MAX_LINE ? undefined : load.exec(lines[k])?.[1];
      const at = arg === undefined ? -1 : params.indexOf(arg);
      if (at >= shift) {
        out.set(m[2], at - shift);
        break;
      }
    }
  }
  return out;
};

/** The class whose body holds `line` (1-based), or undefined. */
const classAround = (classes: readonly ClassAt[], line: number): ClassAt | undefined => classes.find((c) => c.line < line && line <= c.end);

/** What the repo's classes are, read once per scan for the files that may subclass a loading class. */
interface Repo {
  ctx: FrameworkContext;
  classes: Map<string, ClassAt[]>;
  bindings: Map<string, Bindings>;
  lines: Map<string, string[]>;
  families: Map<string, Map<ClassAt, ClassAt | null>>;
  /** fileLoaders of a file, and the ones a class binds (boundLoaders), read once a scan. */
  fileLoaders: Map<string, Map<string, number>>;
  boundLoaders: Map<ClassAt, ReadonlyMap<string, number>>;
  /** baseTarget by file and base name. */
  targets: Map<string, { file: string; name: string } | null>;
}

const linesOf = (repo: Repo, file: string): string[] => {
  let got = repo.lines.get(file);
  if (got === undefined) {
    got = (repo.ctx.readText(file) ?? '').split('\n');
    repo.lines.set(file, got);
  }
  return got;
};

const classesOf = (repo: Repo, file: string): ClassAt[] => {
  let got = repo.classes.get(file);
  if (got === undefined) {
    got = classesIn(file, linesOf(repo, file));
    repo.classes.set(file, got);
  }
  return got;
};

const bindingsFor = (repo: Repo, file: string): Bindings | undefined => {
  let got = repo.bindings.get(file);
  if (got === undefined) {
    const facts = repo.ctx.facts(file);
    if (facts === undefined) return undefined;
    got = bindingsOf(repo.ctx, file, facts.imports);
    repo.bindings.set(file, got);
  }
  return got;
};

/** The class a base written in `file` names (`PluginLoader`, `plugin_loader.PluginLoader`), as file and name. */
const baseTarget = (repo: Repo, file: string, base: string): { file: string; name: string } | null => {
  // Once a file and name: findFamily asks for every class of every candidate file, for each loading class
  // (3,000 classes in one file, each calling an inherited loader, took 280 s when each ask listed the file's classes again).
  const key = `${file}\0${base}`;
  if (repo.targets.has(key)) return repo.targets.get(key)!;
  const target = findBaseTarget(repo, file, base);
  repo.targets.set(key, target);
  return target;
};

const findBaseTarget = (repo: Repo, file: string, base: string): { file: string; name: string } | null => {
  const dot = base.lastIndexOf('.');
  if (dot < 0) {
    if (classesOf(repo, file).some((c) => c.name === base)) return { file, name: base };
    return bindingsFor(repo, file)?.names.get(base) ?? null;
  }
  const module = bindingsFor(repo, file)?.modules.get(base.slice(0, dot));
  return module === undefined ? null : { file: module, name: base.slice(dot + 1) };
};

/** The loading class and its subclasses (those naming it, or one of them, as a base), each with its parent among them; once per class and attributes. */
const familyOf = (repo: Repo, root: ClassAt, attrs: readonly string[]): Map<ClassAt, ClassAt | null> => {
  const key = `${root.file}\0${root.name}\0${attrs.join('\0')}`;
  const known = repo.families.get(key);
  if (known !== undefined) return known;
  const family = findFamily(repo, root, attrs);
  repo.families.set(key, family);
  return family;
};

const findFamily = (repo: Repo, root: ClassAt, attrs: readonly string[]): Map<ClassAt, ClassAt | null> => {
  const out = new Map<ClassAt, ClassAt | null>([[root, null]]);
  // Only files that store one of the attributes (or name the class) can add a member worth reading.
  const words = [root.name, ...attrs];
  const candidates = sortedPaths(repo.ctx.files).filter((f) => {
    if (!f.endsWith('.py') || f === root.file) return f === root.file;
    const text = repo.ctx.readText(f);
    return text !== null && words.some((w) => text.includes(w));
  });
  let frontier = [root];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: ClassAt[] = [];
    for (const file of candidates) {
      for (const c of classesOf(repo, file)) {
        if (out.has(c)) continue;
        for (const base of c.bases) {
          const t = baseTarget(repo, file, base);
          const parent = t === null ? undefined : frontier.find((p) => p.file === t.file && p.name === t.name);
          if (parent !== undefined) {
            out.set(c, parent);
            next.push(c);
            break;
          }
        }
      }
    }
    frontier = next;
  }
  return out;
};

/** The values a class's own body assigns `self.ATTR` (or ATTR at class level), as source text with their lines. */
const ownValues = (repo: Repo, c: ClassAt, attr: string): { text: string; line: number }[] => {
  const lines = linesOf(repo, c.file);
  const self = new RegExp(String.raw`^\s*self\.${escapeRegExp(attr)}\s*=(?!=)\s*(.+?)\s*(?:#.*)?$`);
  const own = new RegExp(String.raw`^[ \t]+${escapeRegExp(attr)}\s*=(?!=)\s*(.+?)\s*(?:#.*)?$`);
  const bodyIndent = (() => {
    for (let l = c.line; l < c.end; l++) if (!blank(lines[l])) return indentOf(lines[l]);
    return -1;
  })();
  const out: { text: string; line: number }[] = [];
  for (let l = c.line; l < c.end; l++) {
    if (lines[l].length > MAX_LINE) continue;
    const m = self.exec(lines[l]) ?? (indentOf(lines[l]) === bodyIndent ? own.exec(lines[l]) : null);
    if (m !== null) out.push({ text: m[1], line: l + 1 });
  }
  return out;
};

/** The values `self.ATTR` may hold in class `c`: its own assignments, else its nearest ancestor's in the family. */
const attrValues = (repo: Repo, family: ReadonlyMap<ClassAt, ClassAt | null>, c: ClassAt, attr: string): { text: string; line: number; file: string }[] => {
  for (let at: ClassAt | null | undefined = c; at; at = family.get(at)) {
    const own = ownValues(repo, at, attr);
    if (own.length > 0) return own.map((v) => ({ ...v, file: at!.file }));
  }
  return [];
};

/** A literal a value settles to in `file`: a string literal, a module constant of the file, or one of an imported module (`consts.FUNCTION_PREFIX`). */
const settledLiteral = (repo: Repo, file: string, text: string): string | null => {
  const literal = literalValue(text);
  if (literal !== null) return literal;
  const m = /^(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(text.trim());
  if (m === null || m[2] === 'None') return null;
  const b = bindingsFor(repo, file);
  let holder: string | undefined = file;
  let name = m[2];
  if (m[1] !== undefined) holder = b?.modules.get(m[1]);
  else if (b?.names.has(name)) ({ file: holder, name } = b.names.get(name)!);
  if (holder === undefined) return null;
  return moduleConstants(repo.ctx.readText(holder) ?? '').get(name) ?? null;
};

/** A template's parts: literals, `{ expr }` placeholders; a plain literal is one part. */
const partsOf = (text: string): Array<string | { expr: string }> | null => {
  const literal = literalValue(text);
  if (literal !== null) return [literal];
  return templateParts(text, { concatenation: true });
};

/** The module-name pattern a template gives in class `c`: the known head, its `self.X` parts settled, up to the first computed part. */
interface Pattern {
  /** The package the computed part is a child of. */
  pkg: string;
  /** Literal text the child's name starts with (`plugin_`). */
  lead: string;
  /** Literal text the child's name ends with. */
  tail: string;
  /** Two computed parts in a row: a module one package further down may be the one. */
  deeper: boolean;
}

const patternsOf = (repo: Repo, family: ReadonlyMap<ClassAt, ClassAt | null>, c: ClassAt, file: string, text: string, depth = 0): Pattern[] => {
  const parts = partsOf(text);
  if (parts === null || depth > 2) return [];
  // Each `self.X` part may hold several literals: the heads are their combinations (bounded).
  let heads: string[] = [''];
  let k = 0;
  for (; k < parts.length; k++) {
    const p = parts[k];
    if (typeof p === 'string') {
      heads = heads.map((h) => h + p);
      continue;
    }
    const attr = /^self\.([A-Za-z_]\w*)$/.exec(p.expr)?.[1];
    const values = attr === undefined
      ? [settledLiteral(repo, file, p.expr)].filter((v): v is string => v !== null)
      : attrValues(repo, family, c, attr).map((v) => settledLiteral(repo, v.file, v.text)).filter((v): v is string => v !== null);
    if (values.length === 0) break;
    heads = heads.flatMap((h) => values.map((v) => h + v)).slice(0, MAX_TEMPLATES);
  }
  if (k === parts.length) return [];
  const rest = parts.slice(k + 1).filter((r) => r !== '');
  const tail = rest.length === 1 && typeof rest[0] === 'string' ? rest[0] : '';
  const deeper = rest.length > 0 && rest.every((r) => typeof r !== 'string');
  if (rest.length > 0 && tail === '' && !deeper) return [];
  if (!/^\w*$/.test(tail)) return [];
  const out: Pattern[] = [];
  for (const head of heads) {
    const dot = head.lastIndexOf('.');
    const pkg = head.slice(0, dot);
    if (dot < 1 || !/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(pkg) || !/^\w*$/.test(head.slice(dot + 1))) continue;
    out.push({ pkg, lead: head.slice(dot + 1), tail, deeper });
  }
  return out;
};

/** The module's name a child file has: the file's stem, or its folder's name for a package's `__init__.py`. */
const childName = (target: string): string => (basename(target) === '__init__.py' ? basename(dirname(target)) : basename(target).slice(0, -3));

/** The modules a pattern reaches from `file` (with the package inits above them), each marked. */
const patternTargets = (ctx: FrameworkContext, file: string, p: Pattern): { target: string; init: boolean }[] => {
  const out: { target: string; init: boolean }[] = [];
  const named = (name: string): boolean => name.length > p.lead.length + p.tail.length && name.startsWith(p.lead) && name.endsWith(p.tail);
  const children = packageChildren(ctx, p.pkg, file, false, p.tail).filter((c) => c.init || named(childName(c.target)));
  if (!children.some((c) => !c.init)) return [];
  out.push(...children);
  if (p.deeper) {
    for (const c of children) {
      if (c.init || basename(c.target) !== '__init__.py') continue;
      for (const d of packageChildren(ctx, `${p.pkg}.${childName(c.target)}`, file, false)) if (!d.init) out.push(d);
    }
  }
  return out;
};

/** The module argument of each loader call in a file: `self.NAME(arg, …)`, `NAME(arg, …)` or a core load call, by line. */
const loaderCalls = (lines: readonly string[], loaders: ReadonlyMap<string, number>): { line: number; arg: string; call: string }[] => {
  const out: { line: number; arg: string; call: string }[] = [];
  const own = [...loaders.keys()].map(escapeRegExp);
  const argList = String.raw`\(([^()]*(?:\([^()]*\)[^()]*)*)\)`;
  // A def of the file as `self.NAME(` or a bare `NAME(` (not `other.NAME(`, some other object's method of the same
  // name); a core load off any module (`importlib.import_module(`).
  const call = new RegExp(String.raw`(?:(?<![\w.])(?:self\.)?(${own.length > 0 ? own.join('|') : '(?!)'})|(?<![\w])(${CORE_LOADS.map(escapeRegExp).join('|')}))${argList}`, 'g');
  for (let l = 0; l < lines.length; l++) {
    if (lines[l].length > MAX_LINE || /^\s*(?:async\s+)?def\s/.test(lines[l])) continue;
    // A call in a comment after code (`x = 1  # self.get_module_attr('app.old.' + ext)`) loads nothing.
    for (const m of blankComments(lines[l]).matchAll(call)) {
      const index = m[1] === undefined ? 0 : loaders.get(m[1]) ?? 0;
      const parts = splitCommas(m[3]);
      const arg = parts?.[index]?.trim();
      if (arg === undefined || arg === '' || /=/.test(arg.replace(/==/g, ''))) continue;
      out.push({ line: l + 1, arg, call: m[0] });
    }
  }
  return out;
};

/**
 * Stop 59: the loaders a class inherits from bases in other files — a def of the base's file (as
 * `fileLoaders` finds them) that the base's body makes a method: `def NAME` in it, or `self.NAME = …`
 * (powerline's Powerline stores `self.get_module_attr = gen_module_attr_getter(…)` in __init__.py;
 * VimPowerline in vim.py:181 calls `self.get_module_attr(match_module, …)`). Followed MAX_DEPTH
 * bases up; a base that is no class of the repo gives nothing.
 */
/** fileLoaders of `file`, read once a scan whoever asks (the loader names, a file's own walk, a base's bound loaders). */
const loadersOf = (repo: Repo, file: string): Map<string, number> => {
  let loaders = repo.fileLoaders.get(file);
  if (loaders === undefined) repo.fileLoaders.set(file, (loaders = fileLoaders(linesOf(repo, file))));
  return loaders;
};

/**
 * The loaders of a class's file that its body binds as methods, read once a class: a base in a large
 * file that many classes inherit was read again for each (3,000 subclasses of a base with a
 * 30,000-line body took 280 s).
 */
const boundLoaders = (repo: Repo, parent: ClassAt): ReadonlyMap<string, number> => {
  const cached = repo.boundLoaders.get(parent);
  if (cached !== undefined) return cached;
  const out = new Map<string, number>();
  const lines = linesOf(repo, parent.file);
  const loaders = loadersOf(repo, parent.file);
  if (loaders.size > 0) {
    const body = lines.slice(parent.line, parent.end).filter((l) => l.length <= MAX_LINE);
    for (const [name, index] of loaders) {
      const bound = new RegExp(String.raw`^\s*(?:(?:async\s+)?def\s+${escapeRegExp(name)}\s*\(|(?:[\w.]+\s*,\s*)*self\.${escapeRegExp(name)}\s*(?:,\s*[\w.]+\s*)*=(?!=))`);
      if (body.some((l) => bound.test(l))) out.set(name, index);
    }
  }
  repo.boundLoaders.set(parent, out);
  return out;
};

const inheritedLoaders = (repo: Repo, c: ClassAt): Map<string, number> => {
  const out = new Map<string, number>();
  const seen = new Set<ClassAt>([c]);
  let frontier = [c];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: ClassAt[] = [];
    for (const at of frontier) {
      for (const base of at.bases) {
        const t = baseTarget(repo, at.file, base);
        const parent = t === null ? undefined : classesOf(repo, t.file).find((k) => k.name === t.name);
        if (parent === undefined || seen.has(parent)) continue;
        seen.add(parent);
        next.push(parent);
        if (parent.file === c.file) continue;
        for (const [name, index] of boundLoaders(repo, parent)) if (!out.has(name)) out.set(name, index);
      }
    }
    frontier = next;
  }
  return out;
};

/** The calls of inherited loaders in a file: `self.NAME(arg, …)` inside a class that inherits NAME. */
const inheritedCalls = (repo: Repo, lines: readonly string[], classes: readonly ClassAt[], own: ReadonlyMap<string, number>): { line: number; arg: string; call: string }[] => {
  const out: { line: number; arg: string; call: string }[] = [];
  for (const c of classes) {
    const inherited = inheritedLoaders(repo, c);
    for (const name of own.keys()) inherited.delete(name);
    if (inherited.size === 0) continue;
    // Only the class's own body is read (each class of a file with thousands read the whole file again).
    for (const call of loaderCalls(lines.slice(c.line, c.end), inherited)) {
      if (call.call.startsWith('self.')) out.push({ ...call, line: call.line + c.line });
    }
  }
  return out;
};

export const collectAttributeTemplates = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const repo: Repo = { ctx, classes: new Map(), bindings: new Map(), lines: new Map(), families: new Map(), fileLoaders: new Map(), boundLoaders: new Map(), targets: new Map() };
  const py = sortedPaths(ctx.files).filter((f) => f.endsWith('.py'));
  // The names of the loaders of files with a computed import: a file without one of its own may call one it inherits.
  const loaderNames = new Set<string>();
  for (const file of py) if (ctx.facts(file)?.computedImportLines !== undefined) for (const name of loadersOf(repo, file).keys()) loaderNames.add(name);
  const inheritedCall = loaderNames.size === 0 ? null : new RegExp(String.raw`\bself\.(?:${[...loaderNames].map(escapeRegExp).join('|')})\(`);
  for (const file of py) {
    const computed = ctx.facts(file)?.computedImportLines !== undefined;
    // Issue 19: a file without a computed import of its own, where no file's loader can be inherited, is not read at all.
    if (!computed && inheritedCall === null) continue;
    const text = ctx.readText(file);
    // Only a file that reads an attribute into a module name, or stores a template in one, is worth the walk.
    if (text === null || !/\bself\.\w+/.test(text)) continue;
    if (!computed && !(inheritedCall?.test(text) ?? false)) continue;
    const lines = linesOf(repo, file);
    const classes = classesOf(repo, file);
    const loaders = loadersOf(repo, file);
    let starts: number[] | undefined;
    const seen = new Set<string>();
    for (const { line, arg, call } of [...loaderCalls(lines, loaders), ...inheritedCalls(repo, lines, classes, loaders)]) {
      const holder = classAround(classes, line);
      if (holder === undefined) continue;
      // The template: the argument itself, the name's assignment just above, or what the class stores in `self.ATTR`.
      const attr = /^self\.([A-Za-z_]\w*)$/.exec(arg)?.[1];
      const assigned = /^[A-Za-z_]\w*$/.test(arg) ? assignmentAbove(text, (starts ??= lineStarts(text)), line, arg) : null;
      if (/^[A-Za-z_]\w*$/.test(arg) && assigned === null) continue;
      // The assignment in the call's own def: one in a def above is another function's local (its own call is read there).
      if (assigned !== null && lines.slice(assigned.line, line - 1).some((l) => /^\s*(?:async\s+)?def\s/.test(l))) continue;
      const template = assigned?.value ?? arg;
      const selfParts = [...template.matchAll(/\bself\.([A-Za-z_]\w*)/g)].map((m) => m[1]);
      if (selfParts.length === 0) continue;
      const family = familyOf(repo, holder, selfParts);
      for (const c of family.keys()) {
        const texts = attr === undefined ? [{ text: template, line: assigned?.line ?? line, file }] : attrValues(repo, family, c, attr);
        for (const t of texts.slice(0, MAX_TEMPLATES)) {
          for (const p of patternsOf(repo, family, c, t.file, t.text)) {
            const shown = `${p.pkg}.${p.lead}*${p.tail}${p.deeper ? ' (or one package further down)' : ''}`;
            // A subclass's values are loaded only when that subclass runs: the edge starts at its file (its class line),
            // so a subclass in a dead file (or a test's) lends the loader's file no liveness it does not have itself.
            const from = c === holder ? file : c.file;
            const fromLine = c === holder ? line : c.line;
            if (seen.has(`${from}\0${shown}`)) continue;
            seen.add(`${from}\0${shown}`);
            const how = `${call.replace(/\s+/g, ' ')}${t.text === arg ? '' : `, ${attr === undefined ? arg : `self.${attr}`} = ${t.text.replace(/\s+/g, ' ')} at ${t.file}:${t.line}`}${c === holder ? '' : `, in its subclass ${c.name} (${c.file}:${c.line})`}`;
            const label = `imported by a computed name built from the class's attributes in ${file}:${line} (${how}): any module named ${shown} may be the one loaded`;
            const initLabel = `run before the modules named ${shown} that ${file}:${line} imports by a computed name (a package runs before its modules)`;
            for (const target of patternTargets(ctx, file, p)) {
              if (target.target === file || target.target === from) continue;
              out.references.push({ from, target: target.target, targetKind: 'file', line: fromLine, label: target.init ? initLabel : label });
            }
          }
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'attribute-templates',
  title: 'Python computed imports whose package comes from the loading class\'s attributes',
  ecosystem: 'python',
  enabledBy: firstComputedImport,
  collect: collectAttributeTemplates,
};

export default reader;
