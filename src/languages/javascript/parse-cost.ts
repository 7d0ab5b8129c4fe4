/**
 * oxc-parser (0.154) renders a code frame for every syntax error it reports: the error's line and
 * the lines on either side of it, with an underline as wide as the column, as a Rust string and
 * then a JavaScript one. On a long line that is a copy of the line per error, so a file with many
 * errors on one long line costs errors x line length in memory: a made-up 360 KB one-line object
 * of 20,000 `k="m.js",` entries (each an 'Invalid assignment in object literal') asked for about
 * 10 GB and ended census after minutes of garbage collection; the 5,000-entry version took 1.9 GB.
 * No parser option turns the frames off.
 *
 * So a text whose size times its longest line could cost that much is parsed first as a probe: the
 * same text folded into short lines, with a line break only where one changes no parse (after a
 * `,` `;` `(` `[` or `{` in code, and as a `\`-newline continuation inside a quoted string, never
 * in an escape). The probe's errors are the text's own, each with a short frame; from where they
 * stand, what the real parse's frames would cost is summed, and a text over the budget is not
 * handed to the parser at all (its imports then come from the text scan, with a warning naming
 * the line). Every real file census has met with a line over a thousand characters (1,409 in the
 * stored trees, all minified bundles or data) parses without an error, so their probe finds none
 * and they are parsed exactly as before, once more than before.
 */
import { quotedEnd } from './text-skips.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';

/** Texts below this size x longest line cannot cost much: at most one error per two characters, each with a frame of about four lines. */
export const PROBE_ABOVE = 128_000_000;
/** Characters of code frames the real parse may make: above, the text is not parsed. */
export const FRAME_BUDGET = 64_000_000;
/** The probe's lines are folded once they reach this many characters. */
const FOLD_AT = 80;

/** Thrown instead of parsing a text whose errors' code frames would cost too much; `line` is where the costliest error stands. */
export class TooCostlyToParse extends Error {
  override name = 'TooCostlyToParse';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The length of the longest line (`\n`-separated, as the code frames count them). */
export const longestLine = (text: string): number => {
  let longest = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > longest) longest = end - start;
    start = end + 1;
  }
  return longest;
};

/** Whether the text is large and long-lined enough to need the probe. */
export const needsCostProbe = (text: string): boolean => text.length > 0 && text.length * longestLine(text) > PROBE_ABOVE;

export interface Folded {
  text: string;
  /** Offsets in the folded text where a fold was inserted, ascending. */
  at: number[];
  /** How many characters each fold inserted (1 for a line break, 2 for a `\`-newline). */
  width: number[];
}

/** After these, a line break is no token's end and can start no ASI or restricted production: `,` `;` `(` `[` `{`. */
const FOLDS_AFTER = new Uint8Array(128);
for (const ch of ',;([{') FOLDS_AFTER[ch.charCodeAt(0)] = 1;
const BACKSLASH = 92;
const NEWLINE = 10;

/** After these a `/` starts a regular expression: text-skips' list and the other operators (minified code writes `=>/re/`, `+/re/`). */
const REGEX_AFTER = new Uint8Array(128);
for (const ch of '(,=:[!&|?{};+-*%<>~^') REGEX_AFTER[ch.charCodeAt(0)] = 1;
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const WORD_CHAR = /[\w$]/;

/** The statements whose head `(…)` a `/` may follow as a regular expression (`if(a)/re/.test(b)`). */
const CONTROL_HEADS = new Set(['if', 'while', 'for', 'with']);

/** The word that ends at `j` (its characters are WORD_CHAR), when it is no property (`.for`): '' otherwise. */
const wordEndingAt = (text: string, j: number): string => {
  if (j < 0 || !WORD_CHAR.test(text[j])) return '';
  let k = j;
  while (k > 0 && WORD_CHAR.test(text[k - 1])) k--;
  return k > 0 && text[k - 1] === '.' ? '' : text.slice(k, j + 1);
};

/**
 * Whether a `/` (no comment's) starts a regular expression rather than a division, from the last
 * character of code before it, `j` (blanks and comments passed over: a comment line above
 * `/[\u0000-\u0008]/` ends in a word), and whether that is a `)` closing a control statement's head.
 */
const regexAfter = (text: string, j: number, closesControlHead: boolean): boolean => {
  if (j < 0) return true;
  const c = text.charCodeAt(j);
  if (c === 41) return closesControlHead;
  if (c < 128 && REGEX_AFTER[c] === 1) return true;
  return REGEX_AFTER_WORDS.has(wordEndingAt(text, j));
};

/** Characters that are no code of their own (blanks, and the ones code cannot hold): a `/` after them looks past them. */
const isBlank = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;

/**
 * The text folded into short lines (see the header). Template literals are followed through
 * their `${…}` substitutions (code again, to the matching `}`), their text folded with plain line
 * breaks. A `/` is told by the last character of code before it, past blanks and comments, and a
 * `)` closing an `if`/`while`/`for`/`with` head is followed by a regex (nx's graph main.js
 * `for(let r in n)/^(on…/`, vitepress' regex under a `//` line: each read as a division, folded
 * inside, an error the real text lacks). Tolerant like text-skips' scanners: a misread left (JSX
 * text's apostrophe opening a string) can only add an error to the probe, and oxc stops at the
 * first fatal one, so it cannot make a valid text look costly unless its line is megabytes long.
 * `-->` after a fold would open an HTML comment in a script, so no fold goes before one.
 */
export const foldedForProbe = (text: string): Folded => {
  const parts: string[] = [];
  const at: number[] = [];
  const width: number[] = [];
  let out = 0;
  let from = 0;
  let lineStart = 0;
  const fold = (i: number, insert: string): void => {
    parts.push(text.slice(from, i), insert);
    out += i - from;
    at.push(out);
    width.push(insert.length);
    out += insert.length;
    from = i;
    lineStart = out;
  };
  const column = (i: number): number => out + (i - from) - lineStart;
  const newlineAt = (i: number): void => {
    lineStart = out + (i - from) + 1;
  };
  /** Folds the quoted text from `i` to `end` (escapes kept whole) with `insert`; a fold goes before a backslash or well past the last escape. */
  const foldQuoted = (i: number, end: number, insert: string): void => {
    let lastEscape = -100;
    for (let j = i; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === NEWLINE) newlineAt(j);
      else if (column(j) >= FOLD_AT && (d === BACKSLASH || j - lastEscape > 12) && d !== 13) fold(j, insert);
      if (d === BACKSLASH) {
        lastEscape = j;
        if (text.charCodeAt(j + 1) === NEWLINE) newlineAt(j + 1);
        j++;
      }
    }
  };
  // A shebang line is no code: a fold in it would break it.
  let i = 0;
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    i = nl < 0 ? text.length : nl;
  }
  /** For each open `${`: the brace depth its `}` closes. */
  const substitutions: number[] = [];
  let braces = 0;
  /** The last character of code read (no blank's, no comment's): what a `/` is told by. */
  let lastCode = -1;
  /** For each open `(`: whether it opens a control statement's head; and whether the last `)` closed one. */
  const parens: boolean[] = [];
  let closedControlHead = false;
  /** Folds template text from `start` (just past a backtick or a substitution's `}`) and returns past its closing backtick or its next `${`. */
  const templateText = (start: number): number => {
    let j = start;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === BACKSLASH) j += 2;
      else if (d === 96) break;
      else if (d === 36 && text.charCodeAt(j + 1) === 123) {
        foldQuoted(start, j, '\n');
        substitutions.push(braces);
        braces++;
        return j + 2;
      } else j++;
    }
    const end = Math.min(j, text.length);
    foldQuoted(start, end, '\n');
    return Math.min(end + 1, text.length);
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      newlineAt(i);
      i++;
    } else if (c === 39 || c === 34) {
      // Past the closing quote, or past a line break that ends an unclosed string.
      const end = quotedEnd(text, i);
      foldQuoted(i + 1, end - 1, '\\\n');
      if (text.charCodeAt(end - 1) === NEWLINE) newlineAt(end - 1);
      i = end;
      lastCode = end - 1;
    } else if (c === 96) {
      // past the closing backtick (a value: a `/` after it divides) or past a `${` (code begins: a `/` starts a regex)
      i = templateText(i + 1);
      lastCode = i - 1;
    } else if (c === 125 && substitutions.length > 0 && substitutions[substitutions.length - 1] === braces - 1) {
      substitutions.pop();
      braces--;
      i = templateText(i + 1);
      lastCode = i - 1;
    } else if (c === 47) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl;
      } else if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? text.length : close + 2;
        const nl = text.lastIndexOf('\n', end - 1);
        if (nl >= i) newlineAt(nl);
        i = end;
      } else if (regexAfter(text, lastCode, closedControlHead && text.charCodeAt(lastCode) === 41)) {
        i = quotedEnd(text, i);
        if (text.charCodeAt(i - 1) === NEWLINE) newlineAt(i - 1);
        lastCode = i - 1;
      } else lastCode = i++;
    } else {
      // A run of characters code cannot hold (a line of backslashes or NUL bytes: an error each) is
      // folded too, between two of them, where no token can be split.
      if ((c === BACKSLASH || (c < 32 && c !== 9 && c !== 13)) && column(i) >= 4 * FOLD_AT && !WORD_CHAR.test(text[i - 1] ?? ' ')) fold(i, '\n');
      if (c === 123) braces++;
      else if (c === 125) braces--;
      else if (c === 40) parens.push(CONTROL_HEADS.has(wordEndingAt(text, lastCode)));
      else if (c === 41) closedControlHead = parens.pop() === true;
      if (!isBlank(c)) lastCode = i;
      i++;
      if (c < 128 && FOLDS_AFTER[c] === 1 && column(i) >= FOLD_AT && !text.startsWith('-->', i)) fold(i, '\n');
    }
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), at, width };
};

/**
 * What the real parse's code frames would cost, from the probe's errors: for each, its line's
 * length (the line and the underline to its column) and its neighbours'. Stops once over the
 * budget. Returns the sum and the 1-based line of the error with the longest frame.
 */
export const frameCost = (text: string, folded: Folded, errorOffsets: readonly number[]): { chars: number; line: number } => {
  if (errorOffsets.length === 0) return { chars: 0, line: 1 };
  const starts = lineStarts(text);
  const lengthOf = (k: number): number => (k < 0 || k >= starts.length ? 0 : (k + 1 < starts.length ? starts[k + 1] - 1 : text.length) - starts[k]);
  // Map every error at once: offsets ascend in the probe's order mostly, but not always.
  const prefix: number[] = [0];
  for (const w of folded.width) prefix.push(prefix[prefix.length - 1] + w);
  let chars = 0;
  let worst = -1;
  let worstLine = 1;
  for (const offset of errorOffsets) {
    let lo = 0;
    let hi = folded.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (folded.at[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    const original = Math.max(0, offset - prefix[lo]);
    const a = lineOfOffset(starts, original) - 1;
    const frame = 2 * lengthOf(a) + lengthOf(a - 1) + lengthOf(a + 1);
    if (frame > worst) {
      worst = frame;
      worstLine = a + 1;
    }
    chars += frame;
    if (chars > FRAME_BUDGET) break;
  }
  return { chars, line: worstLine };
};

