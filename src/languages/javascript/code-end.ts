/**
 * Where a function body or an arrow's expression ends, with strings, template literals, comments and
 * regular expressions stepped over whole (text-skips' blankStep). shadowed-names (stop 54) and
 * folder-expr's expressionEnd (stop 55) share it: expressionEnd had walked its own loop, which knew
 * quotes but not comments or regular expressions, so `(p) => p.replace(/[)]/, '') && require(p)` ended
 * at the class's `)` and enclosingFunction lost the helper.
 */
import { blankStep, quotedEnd } from './text-skips.js';

/** How far a braced body is matched. */
const BODY_WINDOW = 50_000;
/** How far an arrow's expression body is read. */
const EXPRESSION_WINDOW = 10_000;
/** The characters the body walk acts on: brackets, an expression's stops, and what opens a literal or a comment. */
const ACTED = /[()[\]{},;\n'"`/]/g;
const OPENERS = '([{';

/**
 * Where the code from `s` ends: a block opened at `s` at its closing `}`; an expression at its first `,`,
 * `;` or line break outside brackets it opens, or at the closer of a bracket opened before it. Strings,
 * template literals, comments and regular expressions are stepped over whole:
 * review s54-rm5 #1, a quote or a brace in `cmd.replace(/'/g, '')` or `/^\s*\{/.test(cmd)` ran the
 * body on over the outer name's later use. A `/` that opens the expression is a regular expression
 * (`x => /a/.test(x)`: the `>` before it is no operand). -1 when it does not end within the window
 * (an expression that reaches the text's end ends there).
 */
export const codeEnd = (text: string, s: number, block: boolean): number => {
  const end = Math.min(text.length, s + (block ? BODY_WINDOW : EXPRESSION_WINDOW));
  let depth = 0;
  ACTED.lastIndex = s;
  for (let m = ACTED.exec(text); m !== null && m.index < end; m = ACTED.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '/' && i === s) {
      ACTED.lastIndex = quotedEnd(text, i);
      continue;
    }
    if (c === "'" || c === '"' || c === '`' || c === '/') {
      ACTED.lastIndex = Math.max(i + 1, blankStep(text, i).end);
      continue;
    }
    if (OPENERS.includes(c)) depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return block ? -1 : i;
      if (--depth === 0 && block) return i;
    } else if (depth === 0 && !block) return i;
  }
  return !block && end === text.length ? text.length : -1;
};
