/**
 * The innermost call whose argument list holds an offset of a JS text, read backwards from it
 * without parsing: its callee (`path.join`, `require`) and the arguments written before the offset.
 * Used where a string or a property read means something only as a call's argument (manifest-files:
 * the folder a manifest's name is joined onto, and whether a field's value is loaded as a file).
 * Bounded to a window before the offset; a statement boundary (`;`, or an unopened `{`/`[` a call's
 * argument list cannot hold) ends the search with nothing. Quotes on the way are skipped to their
 * opening quote on the same line, so a `(` inside a string is not taken for a call.
 */
import { splitArgs } from '../../languages/javascript/folder-expr.js';

export interface EnclosingCall {
  /** The callee as written, dots kept: `path.join`, `require`, `new Worker` is `Worker`. */
  callee: string;
  /** The arguments before the offset, each trimmed; the one holding the offset is left out. */
  before: string[];
  /** The text of the argument that holds the offset, from its start up to the offset. */
  current: string;
}

/** How far back the `(` of the call is looked for. */
const WINDOW = 400;
const CALLEE = /([A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*)\s*$/;

/**
 * Where the quote `c` that closes at `i` opens: the same quote before it on its line and inside the
 * window, else -1. Looked for within the window alone: a one-line minified file has no line start
 * to stop at, and searching the whole text back from each of thousands of quoted names took 49 s
 * on a 900 KB line.
 */
const openingQuote = (text: string, i: number, c: string, stop: number): number => {
  for (let j = i - 1; j >= stop; j--) {
    if (text[j] === c) return j;
    if (text[j] === '\n') return -1;
  }
  return -1;
};

/** Where the `(` of the innermost call around `at` is, or -1. */
const openParenBefore = (text: string, at: number): number => {
  let depth = 0;
  const stop = Math.max(0, at - WINDOW);
  for (let i = at - 1; i >= stop; i--) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      const open = openingQuote(text, i, c, stop);
      if (open < 0) return -1;
      i = open;
    } else if (c === '{' && depth === 0 && text[i - 1] === '$') {
      // Inside a template's substitution (`require(`${dir}/${manifest.main}`)`): the template is part of the argument, read on from its opening backtick.
      const open = openingQuote(text, i - 1, '`', stop);
      if (open < 0) return -1;
      i = open;
    } else if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '[' || c === '{') {
      if (depth === 0) return -1;
      depth--;
    } else if (c === ';' && depth === 0) return -1;
  }
  return -1;
};

/** The innermost call around offset `at` of `text`, or null when `at` is in no call's arguments (as far as the window shows). */
export const enclosingCall = (text: string, at: number): EnclosingCall | null => {
  const open = openParenBefore(text, at);
  if (open < 0) return null;
  const callee = CALLEE.exec(text.slice(Math.max(0, open - 120), open));
  if (callee === null) return null;
  const written = text.slice(open + 1, at);
  const args = splitArgs(written);
  // splitArgs drops an empty last part: right after a comma (or the `(`) the offset starts an argument of its own.
  const fresh = written.trim() === '' || written.trimEnd().endsWith(',');
  return { callee: callee[1].replace(/\s+/g, ''), before: fresh ? args : args.slice(0, -1), current: fresh ? '' : args[args.length - 1] };
};
