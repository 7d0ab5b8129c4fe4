/**
 * A package whose `__init__.py` builds `__all__` from a listing of its own folder, and a module
 * that star-imports it: `from pkg import *` imports every submodule `__all__` names (Python's
 * from-list handling), so the star import loads every module the listing can return. alot's
 * commands/__init__.py:210-211 (`pyfiles = glob.glob1(os.path.dirname(__file__), '*.py')`,
 * `__all__ = list(filename[:-3] for filename in pyfiles)`) and its __main__.py:15 `from
 * alot.commands import *` register every command module; the common "import all modules of a
 * folder" idiom spells it `__all__ = [basename(f)[:-3] for f in glob.glob(join(dirname(__file__),
 * "*.py"))]` or `[name for _, name, _ in pkgutil.iter_modules(__path__)]`.
 *
 * The listing must be of the package's own folder (its names are what `pkg.name` imports) and
 * feed `__all__`: on the `__all__` statement itself, or assigned at top level to a name the
 * statement (or a name it reads, a few hops) uses. Without a star import of the package nothing
 * is loaded: the computed `__all__` alone imports nothing. A module file name written as a literal in
 * those statements (`EXCLUDE = ['__init__.py', 'test_case.py']` … `if basename(f) not in EXCLUDE`)
 * is one the filter leaves out when a negated test reads it (`not in EXCLUDE`, `!= 'x.py'`): the
 * idiom names files to skip them; an allow-list (`if f in PLUGINS`) leaves none out.
 */
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { listedPaths } from '../../util/file-index.js';
import { isPackageInit } from '../../util/python-package.js';
import { dirname, basename } from '../../util/path.js';
import { describe, folderIndex, loadedFiles, loadersIn, type FolderLoader } from './folder-loaders.js';
import { moduleFileAsImported } from './python-files.js';

/** Modules a listing comes from: an `__init__.py` importing none of them is not read. */
const LISTERS = new Set(['os', 'os.path', 'glob', 'pkgutil', 'pathlib']);
/** A top-level statement that sets or extends `__all__`. */
const ALL_STATEMENT = /^__all__\s*(?::[^=\n]*)?(?:\+?=|\.\s*(?:extend|append)\s*\()/;
/** A top-level assignment: the name bound. */
const TOP_ASSIGNMENT = /^([A-Za-z_]\w*)\s*(?::[^=\n]*)?\+?=(?!=)/;
/** Hops followed from `__all__` through the names its value reads (`modules` → `pyfiles` → the listing). */
const MAX_HOPS = 3;
/** A one-line string literal, for blanking (a backslash only ever pairs with the character after it: no backtracking on a hostile line of them). */
const STRING = /(['"])(?:\\.|(?!\1)[^\\\n])*\1/g;
/** A literal module file name (`'test_case.py'`), not a pattern. */
const PY_FILE_NAME = /(['"])([\w-]+\.py)\1/g;
/** Lines one statement may run over (a comprehension split across lines). */
const MAX_STATEMENT_LINES = 20;

/** The last line of the statement starting at `line` (1-based): where its brackets close. */
const statementEnd = (lines: readonly string[], line: number): number => {
  let depth = 0;
  for (let k = line; k <= lines.length && k < line + MAX_STATEMENT_LINES; k++) {
    for (const c of lines[k - 1].replace(STRING, '""').replace(/#.*$/, '')) {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
    }
    if (depth <= 0) return k;
  }
  return line;
};

/** The identifiers a statement's text reads (after its `=`). */
const namesRead = (text: string): Set<string> => new Set(text.replace(STRING, '""').match(/[A-Za-z_]\w*/g) ?? []);

interface Statement {
  from: number;
  to: number;
  reads: Set<string>;
  /** The name a top-level assignment binds (`EXCLUDE`); none for `__all__`'s own statement. */
  bound?: string;
}

/** Text that ends where a negated test takes the literal after it: `f != `, `f not in (`, `not f.endswith(`. */
const NEGATED_BEFORE = /(?:!=\s*|\bnot\s+in\s*[([{][^)\]}]*|\bnot\s+[\w.()]*\.endswith\s*\(\s*)$/;

/**
 * Whether the literal file name at `at` of a statement is one the filter leaves out: written in a
 * negated test (`basename(f) != 'x.py'`, `not f.endswith('__init__.py')`), or in a list that a
 * negated test reads (`EXCLUDE = [...]` … `not in EXCLUDE`). A list read by `in PLUGINS` is an
 * allow-list: its names are the ones imported, never left out.
 */
const leftOut = (body: string, at: number, bound: string | undefined, feeding: string): boolean =>
  NEGATED_BEFORE.test(body.slice(Math.max(0, at - 120), at)) ||
  (bound !== undefined && new RegExp(String.raw`\bnot\s+in\s+${bound}\b`).test(feeding));

/** The lines of the top-level statements that feed `__all__`: its own, and those of the names it reads (a few hops). */
const feedingStatements = (text: string): { all: number; spans: Statement[]; excluded: Set<string> } | null => {
  const lines = text.split('\n');
  const assigned = new Map<string, Statement[]>();
  const alls: Statement[] = [];
  for (let k = 1; k <= lines.length; k++) {
    const own = lines[k - 1];
    const isAll = ALL_STATEMENT.test(own);
    const bound = isAll ? null : TOP_ASSIGNMENT.exec(own);
    if (!isAll && bound === null) continue;
    const to = statementEnd(lines, k);
    const body = lines.slice(k - 1, to).join('\n');
    const stmt: Statement = { from: k, to, reads: namesRead(body.slice(body.search(/=|\(/) + 1)), ...(bound === null ? {} : { bound: bound[1] }) };
    if (isAll) alls.push(stmt);
    else (assigned.get(bound![1]) ?? assigned.set(bound![1], []).get(bound![1])!).push(stmt);
  }
  if (alls.length === 0) return null;
  const spans = [...alls];
  let frontier = alls;
  const seen = new Set<string>(['__all__']);
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
    const next: Statement[] = [];
    for (const s of frontier) {
      for (const name of s.reads) {
        if (seen.has(name)) continue;
        seen.add(name);
        for (const a of assigned.get(name) ?? []) next.push(a);
      }
    }
    spans.push(...next);
    frontier = next;
  }
  const excluded = new Set<string>();
  const bodies = spans.map((s) => lines.slice(s.from - 1, s.to).join('\n'));
  const feeding = bodies.join('\n');
  spans.forEach((s, i) => {
    for (const m of bodies[i].matchAll(PY_FILE_NAME)) if (leftOut(bodies[i], m.index, s.bound, feeding)) excluded.add(m[2]);
  });
  return { all: alls[0].from, spans, excluded };
};

interface AllListing {
  init: string;
  /** The line of the `__all__` statement. */
  allLine: number;
  loader: FolderLoader;
  /** Module file names the filter leaves out. */
  excluded: ReadonlySet<string>;
}

/** Package inits whose `__all__` a listing of their own folder builds, by init path. */
const allListings = perScan((ctx: FrameworkContext): Map<string, AllListing[]> => {
  const out = new Map<string, AllListing[]>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const init = listed[at];
    if (!isPackageInit(init)) continue;
    const facts = ctx.facts(init);
    // A literal `__all__` names its modules itself (the import resolver reads those).
    if (facts === undefined || facts.exportedNames !== undefined || !facts.imports.some((i) => LISTERS.has(i.specifier))) continue;
    const text = ctx.manifests.transientText(init);
    if (text === null || !text.includes('__all__')) continue;
    const feeding = feedingStatements(text);
    if (feeding === null) continue;
    const own = dirname(init);
    for (const loader of loadersIn(ctx, init, facts, text, true)) {
      if (loader.folder !== own || loader.join || !feeding.spans.some((s) => loader.line >= s.from && loader.line <= s.to)) continue;
      (out.get(init) ?? out.set(init, []).get(init)!).push({ init, allLine: feeding.all, loader, excluded: feeding.excluded });
    }
  }
  return out;
});

/** `from x import *` lines of the scan's Python files whose module is one of `inits`: importer, line, specifier, init. */
const starImporters = (ctx: FrameworkContext, inits: ReadonlyMap<string, unknown>): { file: string; line: number; specifier: string; init: string }[] => {
  const out: { file: string; line: number; specifier: string; init: string }[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    const imports = ctx.facts(file)?.imports;
    if (imports === undefined) continue;
    for (const i of imports) {
      if (!i.names.some((n) => n.name === '*')) continue;
      const init = moduleFileAsImported(ctx, file, i.specifier);
      if (init !== null && init !== file && inits.has(init)) out.push({ file, line: i.line, specifier: i.specifier, init });
    }
  }
  return out;
};

/** The name a listed file is imported by (a package's `__init__.py`: its folder's). */
const moduleName = (target: string): string => (isPackageInit(target) ? basename(dirname(target)) : basename(target));

const reader: FrameworkReader = {
  id: 'python-star-all-listings',
  title: "Python star imports of a package whose __all__ lists the package's folder",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = [...allListings(ctx).values()][0]?.[0];
    return first === undefined ? null : `${first.init}:${first.allLine} builds __all__ from a listing of its folder (line ${first.loader.line})`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const listings = allListings(ctx);
    if (listings.size === 0) return out;
    const { byFolder, subfolders } = folderIndex(ctx);
    for (const star of starImporters(ctx, listings)) {
      const done = new Set<string>();
      for (const { init, allLine, loader, excluded } of listings.get(star.init)!) {
        const listing = describe(loader).replace(/^loaded by [^,]*, which /, '').replace(/ and (?:imports|loads|finds) each.*$/, '');
        const label = `loaded by ${star.file}:${star.line} (\`from ${star.specifier} import *\`), which imports each submodule ${init}:${allLine} puts in __all__: ${init}:${loader.line} ${listing}`;
        for (const target of loadedFiles(byFolder, subfolders, loader)) {
          if (target === init || target === star.file || done.has(target) || excluded.has(basename(target)) || (loader.skipsPrivate !== undefined && moduleName(target).startsWith('_'))) continue;
          done.add(target);
          out.references.push({ from: star.file, target, targetKind: 'file', line: star.line, label });
        }
      }
    }
    return out;
  },
};

export default reader;
