/**
 * Stop 44: a folder a listing names through an attribute of a shared object, assigned once in the
 * tree: sqlmap's option.py joins `path = safeFilepathEncode(paths.SQLMAP_TAMPER_PATH)` with
 * `"%s.py" % script` and imports the file by name (`__import__(filename[:-3])`), where common.py's
 * setPaths() assigns `paths.SQLMAP_TAMPER_PATH = os.path.join(paths.SQLMAP_ROOT_PATH, "tamper")`.
 *
 * The attribute (`NAME.ATTR` in the listing's argument, or in the assignment to the name it lists
 * within a few lines above) must be assigned exactly once in the tree's Python code, to
 * `os.path.join(<head>, 'lit', …)`. Its folder is then <head> joined with the literals when <head>
 * settles (folder-loaders' path values, in the assigning file), else the one folder of the tree
 * whose path ends in the literals: two segments or more (`share/gpodder/extensions`, as
 * folder-loaders' tail rule), or one (`tamper`) when that folder's modules share a shape, each
 * defining the same module-level function (every tamper script defines `tamper()`) — the mark of a
 * folder of plugins rather than one of the same name by chance.
 */
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { listedPaths } from '../../util/file-index.js';
import { assignmentAbove } from './python-files.js';
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

/** `NAME.ATTR` (no call, no further attribute). */
const ATTRIBUTE = /(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)(?![\w.(])/g;
/** An attribute's assignments: `<obj>.ATTR = os.path.join(…)` on one line. */
const assignmentOf = (attr: string): RegExp => new RegExp(`^[ \\t]*[A-Za-z_]\\w*\\.${attr}[ \\t]*=(?!=)[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, 'gm');
const JOIN = /^(?:os\s*\.\s*)?(?:path\s*\.\s*)?join\s*\((.*)\)$/;
const LITERAL = /^[rRuU]?(["'])([^"'\\]*)\1$/;
/** A module-level function. */
const DEF = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;

/** Each attribute's one assignment in the tree (null for none or several), found once per scan. */
const assignments = perScan((): Map<string, { file: string; line: number; rhs: string } | null> => new Map());

const assignedOnce = (ctx: FrameworkContext, attr: string): { file: string; line: number; rhs: string } | null => {
  const known = assignments(ctx);
  if (known.has(attr)) return known.get(attr)!;
  let found: { file: string; line: number; rhs: string } | null = null;
  let count = 0;
  const needle = `.${attr}`;
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length && count < 2; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null || !text.includes(needle)) continue;
    for (const m of text.matchAll(assignmentOf(attr))) {
      if (++count > 1) break;
      found = { file, line: lineOfOffset(lineStarts(text), m.index), rhs: m[1] };
    }
  }
  const out = count === 1 ? found : null;
  known.set(attr, out);
  return out;
};

/** Top-level comma-split of a short argument list (no nested strings holding commas). */
const splitArgs = (inner: string): string[] | null => {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0 || quote) return null;
  out.push(inner.slice(start).trim());
  return out;
};

/** Whether every module of `folder` (two or more, `__init__.py` aside) defines one same module-level function. */
const sharedShape = (ctx: FrameworkContext, folder: string): string | null => {
  const prefix = folder === '' ? '' : `${folder}/`;
  let common: string[] | null = null;
  let modules = 0;
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (!f.startsWith(prefix) || f.slice(prefix.length).includes('/') || !f.endsWith('.py') || f.endsWith('__init__.py')) continue;
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
  const attributes = [...expr.matchAll(ATTRIBUTE)].filter((m) => m[1] !== 'os' && m[1] !== 'path' && m[1] !== 'self');
  if (attributes.length !== 1) return null;
  const [attribute, , attr] = attributes[0];
  // `os.path.join(paths.TAMPER, "*.py")`: the literals below the attribute's folder.
  const below: string[] = [];
  const outer = JOIN.exec(expr);
  const outerArgs = outer === null ? null : splitArgs(outer[1]);
  if (outerArgs !== null && outerArgs[0] === attribute) {
    for (const a of outerArgs.slice(1)) {
      const lit = LITERAL.exec(a);
      if (lit === null) return null;
      below.push(...lit[2].split('/').filter((s) => s !== '' && s !== '.'));
    }
    if (below.includes('..')) return null;
  }
  const assigned = assignedOnce(ctx, attr);
  const join = assigned === null ? null : JOIN.exec(assigned.rhs);
  const args = join === null ? null : splitArgs(join[1]);
  if (assigned === null || args === null || args.length < 2) return null;
  const segments: string[] = [];
  for (const a of args.slice(1)) {
    const lit = LITERAL.exec(a);
    if (lit === null) return null;
    segments.push(...lit[2].split('/').filter((s) => s !== '' && s !== '.'));
  }
  if (segments.length === 0 || segments.includes('..')) return null;
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
