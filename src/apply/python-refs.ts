/**
 * Rewrites one Python import so it names a file's new place: absolute (`from a.b import c`,
 * `import a.b as x`, plain `import a.b` with its dotted uses), relative (`from .m import x`,
 * `from . import m`) and script-folder imports, keeping the bound names the code uses.
 */
import type { Edge } from '../model/edge.js';
import { lineRange, matchesIn, type LineText, type Span } from './spans.js';
import { escapeRegExp } from '../util/regexp.js';

/** `a/b/c.py` → ['a','b','c']; a package's `__init__.py` is the package. */
export const pythonModuleParts = (path: string): string[] => {
  const parts = path.replace(/\.pyi?$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts;
};

const folderParts = (path: string): string[] => path.split('/').slice(0, -1);

const startsWith = (parts: string[], prefix: string[]): boolean => prefix.every((p, i) => parts[i] === p);
const endsWith = (parts: string[], suffix: string[]): boolean => suffix.length <= parts.length && suffix.every((p, i) => parts[parts.length - suffix.length + i] === p);
const same = (a: string[], b: string[]): boolean => a.length === b.length && startsWith(a, b);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The lines of the import statement that starts at `line`: through a bracketed list or backslash continuations. */
export const statementRange = (t: LineText, line: number): { start: number; end: number } | null => {
  const first = lineRange(t, line);
  if (first === null) return null;
  let depth = 0;
  let end = first.end;
  for (let n = line; ; n++) {
    const r = lineRange(t, n);
    if (r === null) break;
    end = r.end;
    const body = t.text.slice(r.start, r.end).replace(/#.*$/, '');
    for (const ch of body) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth <= 0 && !body.trimEnd().endsWith('\\')) break;
    if (n - line > 200) break;
  }
  return { start: first.start, end };
};

export interface PythonMove {
  edge: Edge;
  /** The importer's path after the apply (itself, unless it moves). */
  newFrom: string;
  /** The imported file's path before and after. */
  oldTo: string;
  newTo: string;
}

/** The dotted form of a module relative to `pkg` (a relative import), e.g. `..utils.io`. */
const relativeSpecifier = (pkg: string[], target: string[]): string => {
  let common = 0;
  while (common < pkg.length && common < target.length && pkg[common] === target[common]) common++;
  return '.'.repeat(pkg.length - common + 1) + target.slice(common).join('.');
};

const importedNames = (statement: string): string[] => {
  const m = /\bimport\b([\s\S]*)$/.exec(statement);
  if (!m) return [];
  return m[1].replace(/#.*$/gm, '').replace(/[()\\]/g, ' ').split(',').map((s) => s.trim()).filter((s) => s !== '');
};

/** Spans that switch one import to the new place, or a sentence saying why it cannot be done safely. */
export const pythonImportSpans = (t: LineText, move: PythonMove): Span[] | string => {
  const { edge, newFrom, oldTo, newTo } = move;
  const range = statementRange(t, edge.line);
  if (range === null) return `line ${edge.line} is past the end of the file`;
  const statement = t.text.slice(range.start, range.end);
  const spec = edge.specifier;
  const oldParts = pythonModuleParts(oldTo);
  const newParts = pythonModuleParts(newTo);
  const dots = /^\.*/.exec(spec)![0].length;
  const specParts = spec.slice(dots).split('.').filter((p) => p !== '');

  // What the specifier resolved against: a folder on the path (absolute) or the importer's package (relative).
  let direct: boolean;
  let name: string | undefined;
  let newSpec: string;
  if (dots > 0) {
    const fromPkg = folderParts(edge.from);
    const resolved = [...fromPkg.slice(0, fromPkg.length - (dots - 1)), ...specParts];
    direct = same(resolved, oldParts);
    if (!direct) {
      name = oldParts[oldParts.length - 1];
      if (!same([...resolved, name], oldParts)) return `the relative import ${spec} does not name ${oldTo}`;
    }
    newSpec = relativeSpecifier(folderParts(newFrom), direct ? newParts : newParts.slice(0, -1));
  } else {
    direct = endsWith(oldParts, specParts);
    if (!direct) {
      name = oldParts[oldParts.length - 1];
      if (!endsWith(oldParts, [...specParts, name])) return `the import ${spec} does not name ${oldTo}`;
    }
    const used = direct ? specParts.length : specParts.length + 1;
    // A script's own folder is on the path only while it runs from there: that prefix follows the importer.
    const oldPrefix = edge.via === 'script-dir' ? folderParts(edge.from) : oldParts.slice(0, oldParts.length - used);
    const newPrefix = edge.via === 'script-dir' ? folderParts(newFrom) : oldPrefix;
    const target = direct ? newParts : newParts.slice(0, -1);
    if (!startsWith(target, newPrefix) || (direct && target.length === newPrefix.length)) {
      return `${newTo} is not importable the way ${edge.from}:${edge.line} imports ${oldTo} (from ${newPrefix.join('/') || 'the repo root'})`;
    }
    if (!direct && target.length === newPrefix.length) return `${newTo} would be a top-level module: \`from ${spec} import ${name}\` cannot name it; edit ${edge.from}:${edge.line} by hand`;
    newSpec = target.slice(newPrefix.length).join('.');
  }
  const spans: Span[] = [];
  const newName = newParts[newParts.length - 1];
  if (newSpec !== spec) {
    if (!direct && importedNames(statement).length > 1) {
      return `${edge.from}:${edge.line} imports several names from ${spec}; only ${name} moves to ${newSpec}: split the import by hand first`;
    }
    const specRe = new RegExp(`(?<![\\w.])${escapeRegExp(spec)}(?![\\w.])`);
    const hits = matchesIn(t, range.start, range.end, specRe);
    if (hits.length === 0) return `${spec} is not written on ${edge.from}:${edge.line}`;
    spans.push({ start: hits[0].index, end: hits[0].index + spec.length, replacement: newSpec });
    // Plain `import a.b.c` binds `a`: the code says `a.b.c.x`, so those dotted uses follow too.
    const plain = direct && dots === 0 && /^\s*import\s/.test(statement) && !new RegExp(`${escapeRegExp(spec)}\\s+as\\s`).test(statement);
    if (plain) {
      if (!IDENT.test(newParts[0])) return `${newTo} is not a valid module name`;
      for (const use of matchesIn(t, 0, t.text.length, new RegExp(`(?<![\\w.])${escapeRegExp(spec)}(?=\\.[A-Za-z_])`))) {
        if (use.index >= range.start && use.index < range.end) continue;
        spans.push({ start: use.index, end: use.index + spec.length, replacement: newSpec });
      }
    }
  }
  if (!direct && name !== undefined && newName !== name) {
    if (!IDENT.test(newName)) return `${newTo} is not a valid module name`;
    const afterImport = /\bimport\b/.exec(statement);
    const from = range.start + (afterImport ? afterImport.index + afterImport[0].length : 0);
    const hits = matchesIn(t, from, range.end, new RegExp(`(?<![\\w.])${escapeRegExp(name)}(\\s+as\\s+[A-Za-z_]\\w*)?(?![\\w.])`));
    if (hits.length === 0) return `${name} is not imported on ${edge.from}:${edge.line}`;
    const hit = hits[0];
    spans.push({ start: hit.index, end: hit.index + name.length, replacement: hit.match[1] !== undefined ? newName : `${newName} as ${name}` });
  }
  return spans;
};
