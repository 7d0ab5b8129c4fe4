/**
 * Assignment lines of a Python file read by text, no parse: `target = expr` on one line. The one
 * reader of module constants for the framework readers (package-data's string constants in paths,
 * prefixed-imports' constant package paths, spawned-paths' programs held in a name), so a constant
 * means the same thing to each of them. A line held open by a bracket or a backslash, a tuple
 * target and an annotated one are not read: none of them is a constant these readers follow.
 */

/** One assignment: its expression (a trailing comment left off), 1-based line, and whether it is indented (not module level). */
export interface Assignment {
  expr: string;
  line: number;
  indented: boolean;
}

/**
 * Its indent, target (a name, `self.x`, `mod.NAME`) and expression. A quoted part of the expression
 * is taken whole, so a `#` inside a string does not start the comment (`NAME = 'a#b'`).
 */
const ASSIGNMENT_SOURCE = `^([ \\t]*)([A-Za-z_][\\w.]*)[ \\t]*=(?!=)[ \\t]*((?:'(?:\\\\.|[^'\\\\\\r\\n])*'|"(?:\\\\.|[^"\\\\\\r\\n])*"|[^#\\r\\n])+?)[ \\t]*(?:#.*)?$`;
const ASSIGNMENT = new RegExp(ASSIGNMENT_SOURCE);
/** Module-level ones only (no indent), over a whole text. */
const MODULE_ASSIGNMENT = new RegExp(ASSIGNMENT_SOURCE.replace('([ \\t]*)', '()'), 'gm');
/** A plain one-line string literal with neither quote nor backslash inside (`r`/`u` prefixes allowed): its value. */
const SIMPLE_STRING = /^[rRuU]?(['"])([^'"\\]*)\1$/;
const NAME = /^[A-Za-z_]\w*$/;

/** Every assignment line of a file, by target, in line order. */
export const assignmentsOf = (lines: readonly string[]): Map<string, Assignment[]> => {
  const out = new Map<string, Assignment[]>();
  lines.forEach((l, k) => {
    const m = ASSIGNMENT.exec(l);
    if (m === null) return;
    const list = out.get(m[2]) ?? out.set(m[2], []).get(m[2])!;
    list.push({ expr: m[3], line: k + 1, indented: m[1] !== '' });
  });
  return out;
};

/**
 * A module's string constants: each plain name assigned a simple string literal at module level,
 * with every such literal in line order (an `if` may set one in each branch; a reader that wants
 * one value decides what a second means). Assignments of anything else are not listed.
 */
export const moduleStrings = (text: string): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(MODULE_ASSIGNMENT)) {
    const value = NAME.test(m[2]) ? SIMPLE_STRING.exec(m[3]) : null;
    if (value === null) continue;
    const list = out.get(m[2]) ?? out.set(m[2], []).get(m[2])!;
    list.push(value[2]);
  }
  return out;
};
