/**
 * Assignment lines of a Python file read by text, no parse: `target = expr` on one line. The one
 * reader of module constants for the framework readers (package-data's string constants in paths,
 * prefixed-imports' constant package paths, spawned-paths' programs held in a name), so a constant
 * means the same thing to each of them. A line held open by a bracket or a backslash and a tuple
 * target are not read: neither is a constant these readers follow. An annotated target
 * (`NAME: str = 'x'`) is read as a module string only. Nor is a
 * line over MAX_LINE characters (minified or generated data, not a constant a loader names), so a
 * 64 KB line costs nothing.
 */

/** One assignment: its expression (a trailing comment left off), 1-based line, and whether it is indented (not module level). */
export interface Assignment {
  expr: string;
  line: number;
  indented: boolean;
}

/**
 * A type annotation between a target and its `=` (Stop 52, review 3's kept wrong-dead:
 * `PLUGIN_PKG: str = 'app.plugins'`, and at any indent `module: str = "app.plugins." + kind`
 * above an import_module(module)): a dotted type, one bracketed part
 * (`Final[str]`, `Optional[str]`) and `| other` unions. No quotes inside (`Literal['a']` is not
 * read) and no `=`, so the reading stays one pass over a line.
 */
const ANNOTATION = String.raw`(?:[ \t]*:[ \t]*[A-Za-z_][\w.]*(?:\[[\w.\[\], |]*\])?(?:[ \t]*\|[ \t]*[A-Za-z_][\w.]*)*)?`;
/**
 * Its indent, target (a name, `self.x`, `mod.NAME`) and expression. A quoted part of the expression
 * is taken whole, so a `#` inside a string does not start the comment (`NAME = 'a#b'`). A quote can
 * only open a string (the third alternative takes no quote), so each character has one reading: with
 * a quote also readable as a plain character, a long line of escaped quotes backtracked for seconds.
 * A line whose string never closes is then not an assignment read here.
 */
const ASSIGNMENT_SOURCE = `^([ \\t]*)([A-Za-z_][\\w.]*)${ANNOTATION}[ \\t]*=(?!=)[ \\t]*((?:'(?:\\\\.|[^'\\\\\\r\\n])*'|"(?:\\\\.|[^"\\\\\\r\\n])*"|[^#'"\\r\\n])+?)[ \\t]*(?:#.*)?$`;
const ASSIGNMENT = new RegExp(ASSIGNMENT_SOURCE);
/** Module-level ones only (no indent), annotated or not. */
const MODULE_ASSIGNMENT = new RegExp(ASSIGNMENT_SOURCE.replace('([ \\t]*)', '()'));
/** Longer lines are not read (see the file comment); a constant a reader follows is far shorter. */
const MAX_LINE = 1000;
/** A plain one-line string literal with neither quote nor backslash inside (`r`/`u` prefixes allowed): its value. */
const SIMPLE_STRING = /^[rRuU]?(['"])([^'"\\]*)\1$/;
const NAME = /^[A-Za-z_]\w*$/;

/**
 * One line read as an assignment (the same reading as assignmentsOf): its target, its expression
 * (a trailing comment left off) and the expression's offset in the line; null when it is none.
 * python-files' assignmentAbove asks this of the lines above a load (Stop 52: it had a regex of
 * its own, which cut `NAME = 'a#b'` at the `#`).
 */
export const assignmentLine = (line: string): { target: string; expr: string; offset: number } | null => {
  const m = line.length > MAX_LINE ? null : ASSIGNMENT.exec(line);
  if (m === null) return null;
  // Only blanks stand between the `=` and the expression.
  const eq = line.indexOf('=', m[1].length + m[2].length);
  return { target: m[2], expr: m[3], offset: line.indexOf(m[3], eq + 1) };
};

/** Every assignment line of a file, by target, in line order. */
export const assignmentsOf = (lines: readonly string[]): Map<string, Assignment[]> => {
  const out = new Map<string, Assignment[]>();
  lines.forEach((l, k) => {
    const m = l.length > MAX_LINE ? null : ASSIGNMENT.exec(l);
    if (m === null) return;
    const list = out.get(m[2]) ?? out.set(m[2], []).get(m[2])!;
    list.push({ expr: m[3], line: k + 1, indented: m[1] !== '' });
  });
  return out;
};

/**
 * A module's string constants: each plain name assigned a simple string literal at module level
 * (column 0), annotated or not (`NAME: Final[str] = 'x'`), with every such literal in line order (a module may assign one twice; a reader that
 * wants one value decides what a second means). Assignments of anything else are not listed, nor
 * those indented under an `if`/`try` at module level: one branch's value is not the name's.
 */
export const moduleStrings = (text: string): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const l of text.split(/\r\n?|\n/)) {
    const m = l.length > MAX_LINE ? null : MODULE_ASSIGNMENT.exec(l);
    if (m === null || !NAME.test(m[2])) continue;
    const value = SIMPLE_STRING.exec(m[3]);
    if (value === null) continue;
    const list = out.get(m[2]) ?? out.set(m[2], []).get(m[2])!;
    list.push(value[2]);
  }
  return out;
};
