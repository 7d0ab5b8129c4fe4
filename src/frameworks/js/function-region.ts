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
import { lowerBound } from '../../util/lower-bound.js';

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
      const word = wordEndingAt(before, i);
      return word === undefined || !BLOCK_KEYWORDS.has(word);
    }
  }
  return false;
};

/** Whether a code unit is one of `[\w$]`. */
const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;

/**
 * What `/([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(0, end))?.[1]` gives, read backwards from `end`:
 * past the white space, the run of name characters before it, from its first that is no digit (the
 * pattern's leftmost match). The pattern was tried at every character of the 400 before each brace.
 */
export const wordEndingAt = (text: string, end: number): string | undefined => {
  let e = end;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && isWordCode(text.charCodeAt(s - 1))) s--;
  while (s < e && text.charCodeAt(s) >= 48 && text.charCodeAt(s) <= 57) s++;
  return s < e ? text.slice(s, e) : undefined;
};

/** A `{` that opens a function body: where it is and where its `}` is (-1 when the walk never met it). */
export interface FunctionBrace {
  at: number;
  close: number;
}

/**
 * Per UTF-16 code unit, 1 when `\s` matches it. A table read is one operation on every text: the
 * comparisons for the spaces past ASCII ran only on the rare text that holds one, after the walk
 * had been optimized without them, and that text threw the optimized walk away (a recompile).
 */
const SPACES = new Uint8Array(0x10000);
for (const code of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACES[code] = 1;
for (let code = 0x2000; code <= 0x200a; code++) SPACES[code] = 1;

/** Whether a UTF-16 code unit is one that `\s` matches. */
const isSpace = (code: number): boolean => SPACES[code] === 1;

/** Whether a code unit is one that `[\w$)\]]` matches: after it a `/` divides. */
const endsOperand = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code === 41 || code === 93;

/** `{`, `}`, a quote, a backtick or `/`: the characters the walk acts on. */
const ACTED = /[{}"'`/]/g;

/** Where the next character the walk acts on is, from `from`; the text's length when none is left. */
const nextActed = (text: string, from: number): number => {
  ACTED.lastIndex = from;
  return ACTED.test(text) ? ACTED.lastIndex - 1 : text.length;
};

/**
 * One walk of a text's braces: every function body, in order of its `{` (an unmatched `}` ends
 * the walk). Between the characters it acts on only the last one that is not a space matters:
 * whether a `/` after it starts a regular expression. The next one is found by a regular
 * expression, in native code, and the last one that is not a space by reading back from it:
 * a test of every character code was most of the walk (stop 60: 4.5 MB of payload's texts).
 */
export const walkBraces = (text: string): FunctionBrace[] => {
  const functions: FunctionBrace[] = [];
  const stack: (FunctionBrace | null)[] = [];
  let last = '';
  let i = 0;
  while (i < text.length) {
    const stop = nextActed(text, i);
    let j = stop - 1;
    while (j >= i && isSpace(text.charCodeAt(j))) j--;
    if (j >= i) {
      const lastCode = text.charCodeAt(j);
      last = endsOperand(lastCode) ? 'x' : String.fromCharCode(lastCode);
    }
    i = stop;
    if (i >= text.length) break;
    const c = text[i];
    const comment = commentEnd(text, i);
    if (comment >= 0) {
      i = comment;
      continue;
    }
    if (c === '"' || c === "'" || c === '`' || (c === '/' && REGEX_BEFORE.has(last))) {
      i = quotedEnd(text, i);
      last = 'x';
      continue;
    }
    if (c === '{') {
      const fn = opensFunction(text, i) ? { at: i, close: -1 } : null;
      if (fn) functions.push(fn);
      stack.push(fn);
    } else if (c === '}') {
      if (stack.length === 0) return functions;
      const open = stack.pop();
      if (open) open.close = i;
    }
    last = c;
    i++;
  }
  return functions;
};

// No warm-up texts before the first real one (there were, until stop 37): with TurboFan inlining off
// (bin/engine.js) payload's walk compiled once without them, and their eight walks only added an
// on-stack-replacement compile.
/**
 * Readers ask for several positions of one text in a row (every path join of a file, every call
 * of a loader): its braces are walked once, not once per position (a walk from the start of the
 * text per asked position was a third of payload's anchored-paths reader).
 */
let walked: { text: string; functions: FunctionBrace[] } | null = null;

/** The innermost function body holding `index` (from after its `{` to its `}`), or the whole text. */
export const functionRegion = (text: string, index: number): Region => {
  const whole = { start: 0, end: text.length };
  if (walked === null || walked.text !== text) {
    walked = { text, functions: walkBraces(text) };
  }
  const { functions } = walked;
  // The function bodies open at the position are those whose `{` came before it and whose `}` did
  // not; the innermost is the last opened. One the walk never closed (the end of the text, or an
  // unmatched `}` first) gives the whole text, and so does a position inside no function body.
  const lo = lowerBound(functions, (f) => f.at, index);
  for (let k = lo - 1; k >= 0; k--) {
    const f = functions[k];
    if (f.close === -1) return whole;
    if (f.close >= index) return { start: f.at + 1, end: f.close };
  }
  return whole;
};

/**
 * The parameter list written before a function body's `{` at `brace`, as written: `a, root = process.cwd()`
 * from `(a, root = process.cwd())`, `a` from `a =>`; '' when there is none census can read. Balanced from
 * its `)`, as a default may hold a call.
 */
export const paramListBefore = (text: string, brace: number): string => {
  const before = text.slice(Math.max(0, brace - 400), brace).trimEnd().replace(/=>$/, '').trimEnd();
  const single = /(?<![\w$.])([A-Za-z_$][\w$]*)$/.exec(before);
  if (single) return single[1];
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === ')') depth++;
    else if (before[i] === '(' && --depth === 0) return before.slice(i + 1, -1);
  }
  return '';
};

/**
 * Whether the parameter list before some braced body around `at` (functionRegion's, innermost out)
 * passes `test`: a name the code reads there may be the caller's value, not a top-level one.
 */
export const someParamListAround = (text: string, at: number, test: (list: string) => boolean): boolean => {
  for (let region = functionRegion(text, at); region.start > 0 || region.end < text.length; region = functionRegion(text, region.start - 1)) {
    if (test(paramListBefore(text, region.start - 1))) return true;
  }
  return false;
};
