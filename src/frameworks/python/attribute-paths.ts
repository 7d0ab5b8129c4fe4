/**
 * Stop 44: a folder a listing names through an attribute of a shared object, assigned once in the
 * tree: sqlmap's option.py joins `path = safeFilepathEncode(paths.SQLMAP_TAMPER_PATH)` with
 * `"%s.py" % script` and imports the file by name (`__import__(filename[:-3])`), where common.py's
 * setPaths() assigns `paths.SQLMAP_TAMPER_PATH = os.path.join(paths.SQLMAP_ROOT_PATH, "tamper")`.
 *
 * The listing's argument (or the value assigned to the name it lists within a few lines above) must
 * be the attribute `NAME.ATTR` itself, one call on it alone that keeps its folder (sqlmap's
 * `safeFilepathEncode(paths.X)`; not dirname, basename, split, splitext), or an `os.path.join` of
 * one of those and literals only: anything else around it (`dirname(paths.X)`, `+ '/x'`) names
 * another path. The attribute must be assigned exactly once in the tree's Python code, on the same
 * object name (`conf.X = …` is not `paths.X`), to `os.path.join(<head>, 'lit', …)`. Its folder is
 * then <head> joined with the literals when <head> settles (folder-loaders' path values, in the
 * assigning file), else the one folder of the tree whose path ends in the literals: two segments
 * or more (`share/gpodder/extensions`, as folder-loaders' tail rule), or one (`tamper`) when that
 * folder's modules share a shape, each defining the same module-level function (every tamper
 * script defines `tamper()`) — the mark of a folder of plugins rather than one of the same name by
 * chance.
 */
import { lineAt } from '../../util/lines.js';
import { listedPaths, pathsInDir } from '../../util/file-index.js';
import { assignmentAbove } from './python-files.js';
import { joinArguments, literalSegments } from './call-text.js';
import { pathValue, pathVariables, repoPathOf } from '../../languages/python/sys-path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';

export interface AttributeFolder {
  folder: string;
  /** `paths.SQLMAP_TAMPER_PATH`, as the listing names it. */
  attribute: string;
  /** Where it is assigned, and to what. */
  file: string;
  line: number;
  expr: string;
  /** How the folder was settled from it. */
  how: string;
  /** Literal segments the listing joins below it (`os.path.join(paths.TAMPER, "*.py")` → `*.py`). */
  below: string[];
}

/** The listing's core: `NAME.ATTR` alone, or one call on it alone (`safeFilepathEncode(paths.X)`, `os.path.abspath(paths.X)`). */
const ATTRIBUTE_CORE = /^(?:((?:[A-Za-z_]\w*\s*\.\s*)*[A-Za-z_]\w*)\s*\(\s*)?([A-Za-z_]\w*)\.([A-Za-z_]\w*)(\s*\))?$/;
/** Calls that name another path than the folder they are given. */
const FOLDER_CHANGING = new Set(['dirname', 'basename', 'split', 'splitext']);
/** An attribute's assignment, `<obj>.<attr> = …` on one line (obj and attr each one plain name). */
const ATTRIBUTE_ASSIGNMENT = /^[ \t]*([A-Za-z_]\w*)\.([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*(.*?)[ \t]*(?:#.*)?$/gm;
/** A module-level function. */
const DEF = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;

interface Assignment {
  file: string;
  line: number;
  rhs: string;
}

/**
 * Every `<obj>.<attr> = …` of the tree's Python files, by `obj.attr`: the first, and whether there
 * are more. Read in one pass over the files, once per scan and only when a listing asks (a search
 * per attribute read every file again for each one asked, all of them for one assigned nowhere).
 */
const attributeAssignments = perScan((ctx): Map<string, { first: Assignment; more: boolean }> => {
  const out = new Map<string, { first: Assignment; more: boolean }>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null) continue;
    for (const m of text.matchAll(ATTRIBUTE_ASSIGNMENT)) {
      const key = `${m[1]}.${m[2]}`;
      const known = out.get(key);
      if (known) known.more = true;
      else out.set(key, { first: { file, line: lineAt(text, m.index), rhs: m[3] }, more: false });
    }
  }
  return out;
});

/** The one assignment in the tree of `obj.attr`; null for none or several. */
const assignedOnce = (ctx: FrameworkContext, obj: string, attr: string): Assignment | null => {
  const found = attributeAssignments(ctx).get(`${obj}.${attr}`);
  return found === undefined || found.more ? null : found.first;
};

/** Whether every module of `folder` (two or more, `__init__.py` aside) defines one same module-level function. */
const sharedShape = (ctx: FrameworkContext, folder: string): string | null => {
  let common: string[] | null = null;
  let modules = 0;
  for (const f of pathsInDir(ctx.files, folder)) {
    if (!f.endsWith('.py') || f.endsWith('__init__.py')) continue;
    const text = ctx.manifests.transientText(f);
    if (text === null) return null;
    const defs = new Set<string>([...text.matchAll(DEF)].map((m) => m[1]));
    const kept: string[] = (common ?? [...defs]).filter((d) => defs.has(d));
    common = kept;
    modules++;
    if (kept.length === 0) return null;
  }
  return modules >= 2 && common !== null ? [...common].sort()[0] : null;
};

/**
 * The folder the attribute in `arg` (or in the assignment to the name `arg`, within a few lines
 * above the call's `line`) names, or null. `onlyFolderEndingIn` is folder-loaders' tail rule.
 */
export const attributeFolder = (ctx: FrameworkContext, text: string, starts: readonly number[], line: number, arg: string, onlyFolderEndingIn: (tail: string) => string | null): AttributeFolder | null => {
  let expr = arg.trim();
  if (/^[A-Za-z_]\w*$/.test(expr)) {
    const above = assignmentAbove(text, starts, line, expr);
    if (above === null) return null;
    expr = above.value.trim();
  }
  if (expr.length > 300) return null;
  // The attribute itself, or the first argument of a join whose other arguments are literals
  // (`os.path.join(paths.TAMPER, "*.py")` → `*.py` below it); anything else around it names another path.
  const joined = joinArguments(expr, 0, true);
  const below = joined === null ? [] : literalSegments(joined.slice(1));
  const core = ATTRIBUTE_CORE.exec(joined === null ? expr : joined[0] ?? '');
  if (below === null || core === null || (core[1] === undefined) !== (core[4] === undefined)) return null;
  const [, callee, obj, attr] = core;
  if (obj === 'os' || obj === 'path' || obj === 'self' || (callee !== undefined && FOLDER_CHANGING.has(callee.replace(/^.*\./, '').trim()))) return null;
  const attribute = `${obj}.${attr}`;
  const assigned = assignedOnce(ctx, obj, attr);
  const args = assigned === null ? null : joinArguments(assigned.rhs, 0, true);
  const segments = args === null || args.length < 2 ? null : literalSegments(args.slice(1));
  if (assigned === null || args === null || segments === null || segments.length === 0) return null;
  const tail = segments.join('/');
  const at = { attribute, file: assigned.file, line: assigned.line, expr: assigned.rhs, below };
  const source = ctx.manifests.transientText(assigned.file);
  const head = source === null ? null : repoPathOf(pathValue(args[0], assigned.file, pathVariables(source, assigned.file, assigned.line)));
  if (head !== null) return { folder: head === '' ? tail : `${head}/${tail}`, ...at, how: `${args[0]} is ${head === '' ? 'the repo root' : `${head}/`}` };
  const folder = onlyFolderEndingIn(tail);
  if (folder === null) return null;
  if (segments.length >= 2) return { folder, ...at, how: `its head is set at run time, and ${folder}/ is the only folder of the tree ending in ${tail}/` };
  const shape = sharedShape(ctx, folder);
  return shape === null ? null : { folder, ...at, how: `its head is set at run time, and ${folder}/ is the only folder of the tree named ${tail}, whose modules each define ${shape}()` };
};
