/**
 * Stop 58: the builtin `__import__` with a level, gallery-dl's extractor/__init__.py:240-242
 * `globals_ = globals()`, `for module_name in modules:`, `__import__(module_name, globals_, None, (), 1)`
 * (and downloader/__init__.py:28-30 under `if scheme in modules:`). A level of 1 or more makes the
 * name relative: importlib's `_calc___package__` takes the package from the globals handed in
 * (`__package__`, the file's own package for a module and for an `__init__.py` alike), and each level
 * past the first goes a package up. Only `globals()` (or a local assigned it just above) is read: other
 * globals name some other package, and None raises. The name is computed; when it is the variable of
 * a loop over a literal list or a module-level list of strings, or is tested against one by an `if`
 * whose block holds the call, only the listed names are taken; otherwise any module of that package.
 */
import { assignmentAbove, indentOf } from './python-files.js';

/**
 * `__import__(NAME, GLOBALS, LOCALS, FROMLIST, LEVEL)`: the name, the globals expression and the
 * level, positional or `level=` last. LOCALS and FROMLIST may be a name, None, `()`, `[]` or a call
 * with no arguments (`locals()`).
 */
const ARG = String.raw`\s*(?:[A-Za-z_][\w.]*(?:\(\s*\))?|\(\s*\)|\[\s*\])\s*`;
const LEVEL_CALL = new RegExp(String.raw`\b__import__\(\s*([A-Za-z_]\w*)\s*,\s*(globals\(\s*\)|[A-Za-z_]\w*)\s*,${ARG},${ARG},\s*(?:level\s*=\s*)?(\d+)\s*,?\s*\)`);
const LEVEL_KEYWORD = new RegExp(String.raw`\b__import__\(\s*([A-Za-z_]\w*)\s*,\s*(globals\(\s*\)|[A-Za-z_]\w*)\s*,(?:${ARG},){0,2}\s*level\s*=\s*(\d+)\s*,?\s*\)`);

export interface RelativeDunderCall {
  /** The call as written, whitespace folded. */
  call: string;
  /** The computed name handed in. */
  name: string;
  level: number;
}

/**
 * The `__import__` call with a level of 1 or more that starts `span` (the recorded line and a few
 * below), handed the file's own globals; null for any other call.
 */
export const relativeDunderCall = (span: string, text: string, starts: readonly number[], line: number): RelativeDunderCall | null => {
  const m = LEVEL_CALL.exec(span) ?? LEVEL_KEYWORD.exec(span);
  if (m === null) return null;
  // The call must be on the recorded line itself; one below has its own line.
  const ownEnd = span.indexOf('\n');
  if (ownEnd >= 0 && m.index > ownEnd) return null;
  const level = Number(m[3]);
  if (level < 1) return null;
  const globalsOf = m[2].replace(/\s+/g, '');
  if (globalsOf !== 'globals()' && assignmentAbove(text, starts, line, globalsOf)?.value.replace(/\s+/g, '') !== 'globals()') return null;
  return { call: m[0].replace(/\s+/g, ' '), name: m[1], level };
};

/** How many lines above the call its `if NAME in LIST:` may start. */
const GUARD_REACH = 8;

/**
 * The names `name` can take on `line` (1-based) when an `if name in LIST:` a few lines above holds the
 * call in its block (less indented than the call, no line between as little indented as the `if`):
 * `listed(LIST)` reads the list (a literal list or a name of string lists); null otherwise.
 */
export const guardValues = (lines: readonly string[], line: number, name: string, listed: (iterated: string) => Set<string> | null): Set<string> | null => {
  const guard = new RegExp(`^\\s*(?:el)?if\\s+${name}\\s+in\\s+(.+?)\\s*:\\s*(?:#.*)?$`);
  let indent = indentOf(lines[line - 1] ?? '');
  for (let l = line - 2; l >= Math.max(0, line - 1 - GUARD_REACH); l--) {
    const text = lines[l];
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const own = indentOf(text);
    if (own >= indent) continue;
    // A less indented line opens the block the call stands in: the guard, or the search ends.
    const m = guard.exec(text);
    if (m !== null) return listed(m[1]);
    if (!/^\s*(?:try|with\b.*|else|finally)\s*:/.test(text)) return null;
    indent = own;
  }
  return null;
};
