/**
 * The body of the innermost function around a position in JS/TS text, found by matching braces
 * (strings, comments and regular expression literals skipped): the scope in which a reader looks
 * for a local variable's assignments or for what a function does with a folder it listed. A
 * function is a `{` after `=>` or after a parameter list that is not an `if`/`for`/`while`/
 * `switch`/`catch`/`with` condition. When the braces do not balance (text census misreads), the
 * whole file is the region: bounded reading, never a crash.
 *
 * Comments and literals are skipped by languages/javascript/text-skips.ts, as unplugin-auto-import's
 * blanker and TSRX's scanner skip theirs; the loops stay apart because they differ on purpose: this
 * one must skip a regular expression (a `}` in `/[{}]/` would unbalance the braces), and takes a
 * template literal whole, `${…}` included, where the blanker keeps a substitution's code.
 */
import { commentEnd, quotedEnd } from '../../languages/javascript/text-skips.js';

export interface Region {
  start: number;
  end: number;
}

const BLOCK_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
/** A `/` after one of these starts a regular expression literal, not a division. */
const REGEX_BEFORE = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

const opensFunction = (text: string, brace: number): boolean => {
  const before = text.slice(Math.max(0, brace - 400), brace).trimEnd();
  if (before.endsWith('=>')) return true;
  if (!before.endsWith(')')) return false;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) {
      const word = /([A-Za-z_$][\w$]*)\s*$/.exec(before.slice(0, i))?.[1];
      return word === undefined || !BLOCK_KEYWORDS.has(word);
    }
  }
  return false;
};

/** The innermost function body holding `index` (from after its `{` to its `}`), or the whole text. */
export const functionRegion = (text: string, index: number): Region => {
  const whole = { start: 0, end: text.length };
  const stack: { at: number; fn: boolean }[] = [];
  let target: { at: number } | null = null;
  let last = '';
  for (let i = 0; i < text.length; i++) {
    if (target === null && i >= index) {
      const fns = stack.filter((s) => s.fn);
      if (fns.length === 0) return whole;
      target = fns[fns.length - 1];
    }
    const c = text[i];
    const comment = commentEnd(text, i);
    if (comment >= 0) {
      i = comment - 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`' || (c === '/' && REGEX_BEFORE.has(last))) {
      i = quotedEnd(text, i) - 1;
      last = 'x';
      continue;
    }
    if (c === '{') stack.push({ at: i, fn: opensFunction(text, i) });
    else if (c === '}') {
      const open = stack.pop();
      if (open === undefined) return whole;
      if (open === target) return { start: open.at + 1, end: i };
    }
    if (!/\s/.test(c)) last = /[\w$)\]]/.test(c) ? 'x' : c;
  }
  return whole;
};
