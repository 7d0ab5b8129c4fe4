/**
 * Where a function body or an arrow's expression ends, with strings, template literals, comments and
 * regular expressions stepped over whole (text-skips' blankStep). shadowed-names (stop 54) and
 * folder-expr's expressionEnd (stop 55) share it: expressionEnd had walked its own loop, which knew
 * quotes but not comments or regular expressions, so `(p) => p.replace(/[)]/, '') && require(p)` ended
 * at the class's `)` and enclosingFunction lost the helper. bracketPairs below is the whole-text
 * matcher of for-in-tables and script-use, on the same steps (stop 57: each had walked its own loop;
 * for-in-tables' knew quotes only, so a `'` in `/'/g` opened a string to the line's end).
 */
import { blankStep, commentEnd, quotedEnd, regexStartsAt } from './text-skips.js';

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

/** A bracket of the text and where it closes. */
export interface BracketPair {
  open: number;
  /** -1: never closed, or closed past a regular expression the walk was not sure of. */
  close: number;
}

const CLOSER_OF: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Every bracket of `openers` (some of `([{`) in the text with its closer, in order of opening, from
 * one walk: strings, template literals, comments and regular expressions stepped over as codeEnd
 * steps over them (text-skips' blankStep). One stack for all of `openers`: a closer of any of them
 * closes the innermost one open. A regular expression that meets a line break before its closing
 * `/` leaves the walk unsure: every bracket open there is then never closed (review 5 of stop 53: a
 * `'` in `/'/g` read as a string closed pm2's `if` block at a later function's `}`).
 */
export const bracketPairs = (text: string, openers: string): BracketPair[] => {
  const closers = [...openers].map((o) => CLOSER_OF[o]).join('');
  const acted = new RegExp(`[${[...`'"\`/${openers}${closers}`].map((c) => `\\${c}`).join('')}]`, 'g');
  // Code units, as text-skips compares them (a one-character string beyond Latin-1 threw away the optimized walk).
  const opening = [...openers].map((c) => c.charCodeAt(0));
  const closing = [...closers].map((c) => c.charCodeAt(0));
  const pairs: BracketPair[] = [];
  const stack: BracketPair[] = [];
  for (let i = 0; i < text.length; ) {
    acted.lastIndex = i;
    if (acted.exec(text) === null) break;
    i = acted.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (opening.includes(c)) {
      const b = { open: i, close: -1 };
      pairs.push(b);
      stack.push(b);
      i++;
    } else if (closing.includes(c)) {
      const b = stack.pop();
      if (b !== undefined) b.close = i;
      i++;
    } else if (c === 47 && commentEnd(text, i) < 0 && regexStartsAt(text, i)) {
      const end = quotedEnd(text, i);
      if (text.charCodeAt(end - 1) === 10 || end >= text.length) stack.length = 0;
      i = end;
    } else i = blankStep(text, i).end;
  }
  return pairs;
};
