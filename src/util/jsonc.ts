/**
 * JSON with comments and trailing commas (tsconfig.json, jsconfig.json, .vscode files).
 * Returns the value, or an error with the 1-based line where parsing failed.
 */
import { lineAt } from './lines.js';

export type JsoncResult = { value: unknown } | { error: string; line: number };

/** The characters stripJsonc acts on: a string's quote, a comment's slash, a comma. */
const SPECIAL = /["/,]/g;

/** `/\s/` of one UTF-16 unit, without a regular expression for the ASCII ones. */
const isSpace = (code: number): boolean => (code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(String.fromCharCode(code)));

/**
 * Blank out comments and trailing commas, keeping offsets (and so line numbers) intact. It jumps
 * from one quote, slash or comma to the next, and splits the text into characters only at the
 * first thing to blank: most JSON files have none (payload: 350 package.json, tsconfig.json and
 * other JSON files), and a split and join of each was an array of one-character strings per file.
 */
export const stripJsonc = (text: string): string => {
  let out: string[] | null = null;
  let i = 0;
  const n = text.length;
  while (i < n) {
    SPECIAL.lastIndex = i;
    if (SPECIAL.exec(text) === null) break;
    i = SPECIAL.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      for (let d = text.charCodeAt(i); i < n && d !== 34; d = text.charCodeAt(i)) i += d === 92 /* \ */ ? 2 : 1;
      i++;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      out ??= text.split('');
      while (i < n && text.charCodeAt(i) !== 10) out[i++] = ' ';
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      out ??= text.split('');
      while (i < n && !(text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47)) {
        if (text.charCodeAt(i) !== 10) out[i] = ' ';
        i++;
      }
      if (i < n) out[i] = out[i + 1] = ' ';
      i += 2;
    } else if (c === 44 /* , */) {
      // A comma is trailing when only whitespace and comments stand between it and the bracket.
      let j = i + 1;
      for (;;) {
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 47) {
          while (j < n && text.charCodeAt(j) !== 10) j++;
        } else if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? n : end + 2;
        } else {
          break;
        }
      }
      const next = text.charCodeAt(j);
      if (next === 125 /* } */ || next === 93 /* ] */) (out ??= text.split(''))[i] = ' ';
      i++;
    } else {
      i++;
    }
  }
  return out === null ? text : out.join('');
};

/** Parse strict JSON or JSONC; the error names the line, as a user would look for it. */
export const parseJsonc = (text: string): JsoncResult => {
  const stripped = stripJsonc(text);
  try {
    return { value: JSON.parse(stripped) };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(stripped, Number(pos[1])) : /line (\d+)/.exec(message) ? Number(/line (\d+)/.exec(message)![1]) : 1;
    return { error: message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), line };
  }
};
