/**
 * Small questions framework readers ask about Python files: which files sit in a folder, which
 * modules a file star-imports, where a relative import lands, the line of a text offset.
 */
import type { FileFacts } from '../../model/facts.js';
import type { FrameworkContext } from '../types.js';
import { byString } from '../../util/compare.js';
import { listedPaths, sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import { assignmentLine } from '../../languages/python/assignment-lines.js';
import { perScan } from '../per-scan.js';

/** Whether the facts import package `name` or a module of it (`tornado`, `tornado.web`). */
const factsImport = (facts: FileFacts | undefined, name: string): boolean =>
  facts?.imports.some((i) => i.specifier === name || i.specifier.startsWith(`${name}.`)) ?? false;

/**
 * The scan's .py files by each top-level name they import (`tornado` for `tornado.web`; relative
 * imports left out): thirteen reader loops ask importsPackage about every .py file (alembic,
 * oslo_config, pecan, celery…), and each had tested every import of every file again. Folded from
 * the import index's specifiers, so the imports are walked once for both.
 */
const importersByHead = perScan((ctx: FrameworkContext): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>();
  for (const [specifier, files] of importIndex(ctx).bySpecifier) {
    const dot = specifier.indexOf('.');
    if (dot === 0) continue;
    const head = dot < 0 ? specifier : specifier.slice(0, dot);
    let importers = out.get(head);
    if (importers === undefined) out.set(head, (importers = new Set()));
    for (let k = 0; k < files.length; k++) importers.add(files[k]);
  }
  return out;
});

/**
 * Questions some readers ask of every .py file's imports: does one import have a specifier in
 * `specifiers` (as written) or list a name in `names` (`from a import b` lists `b`)? Issue 19:
 * string-modules and the Django app readers each walked every import of every file for their own
 * few words (saleor: 4,338 files, four walks); now one walk answers every question, one map lookup
 * per specifier and per name. A reader registers its question when its module loads (importQuestion)
 * and asks it per file (asksImport).
 */
interface ImportQuestion {
  specifiers: ReadonlySet<string>;
  names: ReadonlySet<string>;
}
const importQuestions: ImportQuestion[] = [];

/** Registers a question (at most 31); its number is what asksImport takes. */
export const importQuestion = (specifiers: Iterable<string>, names: Iterable<string>): number => {
  if (importQuestions.length === 31) throw new Error('python-files: at most 31 import questions');
  importQuestions.push({ specifiers: new Set(specifiers), names: new Set(names) });
  return importQuestions.length - 1;
};

/**
 * The listed .py files (with facts) by each specifier they import, as written, and by each name a
 * `from` import lists or another import lists, each list in the scan's file order: one walk of the
 * imports, which the import questions and package-data's rounds read instead of walking them again.
 */
export interface ImportIndex {
  bySpecifier: ReadonlyMap<string, readonly string[]>;
  byFromName: ReadonlyMap<string, readonly string[]>;
  byOtherName: ReadonlyMap<string, readonly string[]>;
}
export const importIndex = perScan((ctx: FrameworkContext): ImportIndex => {
  const bySpecifier = new Map<string, string[]>();
  const byFromName = new Map<string, string[]>();
  const byOtherName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, path: string): void => {
    const files = map.get(key);
    if (files === undefined) map.set(key, [path]);
    else if (files[files.length - 1] !== path) files.push(path);
  };
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['py'] }); at < listed.length; at++) {
    const path = listed[at];
    if (!path.endsWith('.py')) continue;
    const imports = ctx.facts(path)?.imports;
    if (imports === undefined) continue;
    for (let k = 0; k < imports.length; k++) {
      const i = imports[k];
      add(bySpecifier, i.specifier, path);
      const names = i.names;
      const byName = i.syntax === 'from' ? byFromName : byOtherName;
      for (let j = 0; j < names.length; j++) add(byName, names[j].name, path);
    }
  }
  return { bySpecifier, byFromName, byOtherName };
});

/**
 * The specifiers of `index` by each dotted part of theirs (`a.b` is filed under `a` and `b`, once
 * each), in the index's order: the importers of a part are the importers of its specifiers
 * (`index.bySpecifier`). Specifiers rather than their files: filing every importer under every part
 * made about 120,000 list entries on saleor for the few parts package-data asks about (issue 19).
 */
export const specifiersByPart = (index: ImportIndex): Map<string, string[]> => {
  const byPart = new Map<string, string[]>();
  for (const specifier of index.bySpecifier.keys()) {
    for (const part of new Set(specifier.split('.'))) {
      const list = byPart.get(part);
      if (list === undefined) byPart.set(part, [specifier]);
      else list.push(specifier);
    }
  }
  return byPart;
};

/** Each .py file's answers, one bit per question (files answering none are left out); again when a question was added since. */
const importAnswers = new WeakMap<FrameworkContext, { asked: number; bits: Map<string, number> }>();
const answersOf = (ctx: FrameworkContext): Map<string, number> => {
  const known = importAnswers.get(ctx);
  if (known !== undefined && known.asked === importQuestions.length) return known.bits;
  const { bySpecifier, byFromName, byOtherName } = importIndex(ctx);
  const bits = new Map<string, number>();
  const mark = (files: readonly string[] | undefined, bit: number): void => {
    for (const f of files ?? []) bits.set(f, (bits.get(f) ?? 0) | bit);
  };
  for (let q = 0; q < importQuestions.length; q++) {
    for (const s of importQuestions[q].specifiers) mark(bySpecifier.get(s), 1 << q);
    for (const n of importQuestions[q].names) {
      mark(byFromName.get(n), 1 << q);
      mark(byOtherName.get(n), 1 << q);
    }
  }
  importAnswers.set(ctx, { asked: importQuestions.length, bits });
  return bits;
};

/** Whether a listed .py file's imports answer yes to `question` (importQuestion's number); false for any other file. */
export const asksImport = (ctx: FrameworkContext, question: number, file: string): boolean => ((answersOf(ctx).get(file) ?? 0) & (1 << question)) !== 0;

/** Whether `file` imports package `name` or a module of it (`tornado`, `tornado.web`). */
export const importsPackage = (ctx: FrameworkContext, file: string, name: string): boolean => {
  // The index answers for a listed .py file and a top-level name: an import names the package or a module of it exactly when its first dotted part is the name.
  if (!file.endsWith('.py') || name === '' || name.includes('.') || !ctx.files.has(file)) return factsImport(ctx.facts(file), name);
  return importersByHead(ctx).get(name)?.has(file) ?? false;
};

/**
 * The listed .py files that import package `name` (or one of the names) or a module of it
 * (importsPackage's yes for each), in the scan's file order (listedPaths) or byString order (sortedPaths): exactly the files a
 * walk of either list that skips the rest would keep. Issue 19: a dozen readers walked every file
 * of the scan for the few that import alembic, pecan or tornado, a Set lookup or three per file
 * and reader (saleor-100k: 102,806 files each); the importers of one head are in the index already.
 */
export const packageImporters = (ctx: FrameworkContext, name: string | readonly string[], order: 'listed' | 'sorted'): readonly string[] => {
  const heads = importersByHead(ctx);
  const found = new Set<string>();
  for (const n of typeof name === 'string' ? [name] : name) for (const file of heads.get(n) ?? []) found.add(file);
  if (found.size === 0) return [];
  // The scan's file order by one Set lookup per listed path: a map of every path's place, kept for the scan, cost saleor-100k's peak more than this walk costs.
  return order === 'sorted' ? [...found].sort(byString) : listedPaths(ctx.files).filter((f) => found.has(f));
};

/** Whether any listed .py file imports one of the packages `names` (or a module of one): a reader's gate before it walks the files. */
export const somePackageImporter = (ctx: FrameworkContext, names: readonly string[]): boolean => names.some((n) => (importersByHead(ctx).get(n)?.size ?? 0) > 0);

/** Repo files by their folder ('' for the root). */
export const filesByFolder = (files: ReadonlySet<string>): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  // By index over the set's own order (file-index.ts listedPaths): a for-of over the set, run once, made an iterator result per path.
  for (let at = 0, listed = listedPaths(files); at < listed.length; at++) {
    const f = listed[at];
    const dir = dirname(f);
    (out.get(dir) ?? out.set(dir, []).get(dir)!).push(f);
  }
  for (const list of out.values()) list.sort();
  return out;
};

/** Each by-folder index's folders in byString order, made on the first allUnder of it (the indexes are built once and only read). */
const sortedFolders = new WeakMap<ReadonlyMap<string, string[]>, string[]>();

/**
 * Every file at or below a folder, from the by-folder index. The folders below it are one run of
 * the sorted folders, found by bisection: Django asks this for each installed app's jobs/, static/
 * and templates/, and a walk of every folder per ask was about 80,000 steps on saleor (issue 19).
 */
export const allUnder = (byFolder: ReadonlyMap<string, string[]>, dir: string): string[] => {
  let folders = sortedFolders.get(byFolder);
  if (folders === undefined) sortedFolders.set(byFolder, (folders = [...byFolder.keys()].sort(byString)));
  const out: string[] = [];
  const add = (files: readonly string[]): void => {
    for (let i = 0; i < files.length; i++) out.push(files[i]);
  };
  add(byFolder.get(dir) ?? []);
  const prefix = `${dir}/`;
  let lo = 0;
  let hi = folders.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folders[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < folders.length && folders[i].startsWith(prefix); i++) add(byFolder.get(folders[i])!);
  return out.sort();
};

/**
 * The package `__init__.py` files from folder `dir` up to the first folder without one, nearest
 * first: what Python runs before any module of `dir` (or `dir` itself) is imported by its dotted name.
 */
export const packageInits = (files: ReadonlySet<string>, dir: string): string[] => {
  const out: string[] = [];
  for (let d = dir; d !== ''; d = dirname(d)) {
    const init = joinRepo(d, '__init__.py');
    if (init === null || !files.has(init)) break;
    out.push(init);
  }
  return out;
};

/** The top-level package folder a file sits in: the highest folder above it that holds an __init__.py; null outside a package. */
export const topPackageFolder = (files: ReadonlySet<string>, path: string): string | null => {
  const inits = packageInits(files, dirname(path));
  return inits.length === 0 ? null : dirname(inits[inits.length - 1]);
};

/** `from x import *` specifiers, as written (relative ones keep their dots). */
export const starImports = (facts: FileFacts | undefined): string[] =>
  (facts?.imports ?? []).filter((i) => i.names.some((n) => n.name === '*')).map((i) => i.specifier);

/** The file a relative module specifier (`.base`, `..settings.common`) names from `from`, or null. */
export const relativeModuleFile = (files: ReadonlySet<string>, from: string, specifier: string): string | null => {
  const dots = /^\.*/.exec(specifier)![0].length;
  let dir = dirname(from);
  for (let i = 1; i < dots; i++) dir = dirname(dir);
  const rest = specifier.slice(dots).replace(/\./g, '/');
  const base = rest === '' ? dir : joinRepo(dir, rest);
  if (base === null) return null;
  for (const candidate of [`${base}.py`, joinRepo(base, '__init__.py')]) if (candidate && files.has(candidate)) return candidate;
  return null;
};

/** The repo file of a module specifier as written in `from`: relative (`.base`) from its folder, else by dotted name. */
export const moduleFile = (ctx: FrameworkContext, from: string, specifier: string): string | null =>
  specifier.startsWith('.') ? relativeModuleFile(ctx.files, from, specifier) : (ctx.module(specifier)[0] ?? null);

/**
 * The repo file of a module specifier as `from`'s own import finds it: moduleFile, else an absolute
 * name also from the folders the importer's run puts on sys.path (a script's own folder: hplip's
 * `from base import utils` beside the script).
 */
export const moduleFileAsImported = (ctx: FrameworkContext, from: string, specifier: string): string | null =>
  moduleFile(ctx, from, specifier) ?? (specifier.startsWith('.') ? null : (ctx.module(specifier, '', from)[0] ?? null));


/** The dotted name `from specifier import name` would import as a module (`from . import x` → `.x`). */
export const fromName = (specifier: string, name: string): string => (specifier.endsWith('.') ? `${specifier}${name}` : `${specifier}.${name}`);

/** The repo module file a call's qualifier (`resourceutil`, `mercurial.utils.resourceutil`) or bare name's import names, or null. */
export const calledModuleFile = (ctx: FrameworkContext, path: string, qualifier: string | undefined, name: string): string | null => {
  const imports = ctx.facts(path)?.imports ?? [];
  const head = qualifier ?? name;
  for (const i of imports) {
    if (i.syntax === 'from') {
      const n = i.names.find((x) => (x.alias ?? x.name) === head);
      if (n === undefined) continue;
      // `from .utils import resourceutil` then resourceutil.f(…); `from .utils.resourceutil import f` then f(…).
      return qualifier === undefined ? moduleFile(ctx, path, i.specifier) : moduleFile(ctx, path, fromName(i.specifier, n.name));
    }
    if (qualifier !== undefined && (i.alias ?? i.specifier) === qualifier) return moduleFile(ctx, path, i.specifier);
  }
  return null;
};

/** A module file's name as an import names it: its stem, or its package's folder name for an `__init__.py`. */
export const importedStem = (file: string): string => {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base === '__init__.py' ? file.slice(0, file.lastIndexOf('/')).split('/').pop() ?? '' : base.replace(/\.py$/, '');
};

/** Whether a file's imports may bind one of `words` (a module's stem or a function's name): calledModuleFile can find it only then. */
export const importsAnyOf = (facts: FileFacts | undefined, words: ReadonlySet<string>): boolean =>
  (facts?.imports ?? []).some((i) => words.has(i.specifier.slice(i.specifier.lastIndexOf('.') + 1)) || i.names.some((n) => words.has(n.name)));

/** How far above a line an assignment to the name it uses may stand. */
const LOOK_BACK = 12;

/**
 * The expression last assigned to `name` on its own line within LOOK_BACK lines above `line`
 * (1-based; `starts`: util/lines' lineStarts of `text`): the value, its line and its offset in the
 * text; null when there is none. `name == x` is a comparison, no assignment. Read as
 * assignment-lines reads every assignment (a `#` inside a string is no comment).
 */
export const assignmentAbove = (text: string, starts: readonly number[], line: number, name: string): { value: string; line: number; at: number } | null => {
  for (let l = line - 1; l >= 1 && l >= line - LOOK_BACK; l--) {
    const own = text.slice(starts[l - 1], (starts[l] ?? text.length + 1) - 1).replace(/\r$/, '');
    const m = assignmentLine(own);
    if (m !== null && m.target === name) return { value: m.expr, line: l, at: starts[l - 1] + m.offset };
    // Review 3: an assignment to the name that cannot be read (a string opened over lines, a line
    // too long) is the value; an older one above it is not.
    if (m === null && assignsTo(own, name)) return null;
  }
  return null;
};

/** Whether `line` assigns `name` (`name =`, `name: T =`, not `name ==`), readable or not. */
const assignsTo = (line: string, name: string): boolean => {
  const at = line.length - line.trimStart().length;
  if (!line.startsWith(name, at)) return false;
  const rest = line.slice(at + name.length);
  if (/^[\w.]/.test(rest)) return false;
  const eq = /^[ \t]*(?::[^=\n]*)?=(?!=)/.exec(rest);
  return eq !== null;
};

/** A line's indentation in columns, a tab as eight (Python's own tab stops). */
export const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].replace(/\t/g, '        ').length;

/**
 * The def around 0-based line `at`, by indentation: its first line and the line after its last
 * (0-based; blank lines inside it kept); null at module level, or when no def header is found
 * within `maxBack` lines above (a class body is walked through to the def around it, if any).
 * Shared by config-choices (a binding's own def, bounded) and package-data (the def a command
 * list or a Python path is set in, unbounded, which takes the whole file when there is none).
 */
export const defSpan = (lines: readonly string[], at: number, maxBack = Infinity): { from: number; end: number } | null => {
  let own = indentOf(lines[at]);
  for (let k = at - 1; k >= 0 && k >= at - maxBack && own > 0; k--) {
    const l = lines[k];
    if (l.trim() === '' || indentOf(l) >= own) continue;
    own = indentOf(l);
    if (!/^\s*(?:async\s+)?def\s/.test(l)) continue;
    let end = at + 1;
    while (end < lines.length && (lines[end].trim() === '' || indentOf(lines[end]) > own)) end++;
    return { from: k, end };
  }
  return null;
};

/**
 * The scan's Python files in path order (files-of-language.ts: `.py` files and scripts a Python
 * shebang runs); a context built without that index (a reader's unit test) gives the `.py` paths.
 */
export const pythonFiles = (ctx: FrameworkContext): readonly string[] => ctx.filesOfLanguage?.('python') ?? sortedPaths(ctx.files).filter((p) => p.endsWith('.py'));

/** Why a reader that looks at any Python file runs: the first of pythonFiles with facts (`x.py is Python`), or null. */
export const firstPythonFile = (ctx: FrameworkContext): string | null => {
  for (const f of pythonFiles(ctx)) if (ctx.facts(f) !== undefined) return `${f} is Python`;
  return null;
};

/**
 * Why a reader of computed imports runs: the first .py file (in the set's own order) whose facts hold
 * a computed import, or null. prefixed-imports, attribute-templates and handed-loaders share it.
 */
export const firstComputedImport = (ctx: FrameworkContext): string | null => {
  // By index over the set's own order, as every walk of all paths asked once (file-index.ts listedPaths).
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (f.endsWith('.py') && ctx.facts(f)?.computedImportLines !== undefined) return `${f} imports a computed name`;
  }
  return null;
};
