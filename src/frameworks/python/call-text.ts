/**
 * Python call text read as written: a call's top-level arguments, a plain string literal's value,
 * an `os.path.join(…)`'s arguments and its literal path segments. Shared by the folder and loader
 * readers (folder-loaders, attribute-paths, loader-wrappers, loader-folders, flask-static).
 */

/** Longest call argument list read; a listing's arguments are short. */
export const MAX_ARGS = 600;
const PLAIN_STRING = /^[rRuUbB]{0,2}(["'])(?:\\.|(?!\1)[^\\])*\1$/s;
const JOIN_HEAD = /^(?:os\s*\.\s*)?(?:path\s*\.\s*)?join\s*\(/;

/** `text.indexOf(needle, from)`, but -1 for a match that does not end before `end`. */
const windowIndexOf = (text: string, needle: string, from: number, end: number): number => {
  const at = text.slice(from, end).indexOf(needle);
  return at < 0 ? -1 : from + at;
};

/**
 * The arguments of the call whose `(` is at `open`, split at top-level commas (strings and brackets
 * skipped), or null when unbalanced or too long. `close`, when given, gets the offset of its `)`.
 */
export const callArguments = (text: string, open: number, close?: { at: number }): string[] | null => {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  const end = Math.min(text.length, open + MAX_ARGS);
  for (let i = open + 1; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      // Searched within the argument window only: a hostile file of unclosed `join("""` calls costs no more than MAX_ARGS per call.
      const close = triple ? windowIndexOf(text, c.repeat(3), i + 3, end) : (() => {
        for (let j = i + 1; j < end; j++) {
          if (text[j] === '\\') j++;
          else if (text[j] === c || text[j] === '\n') return j;
        }
        return -1;
      })();
      if (close < 0) return null;
      i = close + (triple ? 2 : 0);
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        if (c !== ')') return null;
        if (close !== undefined) close.at = i;
        const last = text.slice(start, i).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return args;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return null;
      i = nl;
    }
  }
  return null;
};

/** The value of a plain string literal (`'x'`, `r"x"`, `b'x'`; escapes left as written), or null for anything else. */
export const literalValue = (arg: string): string | null => {
  const m = PLAIN_STRING.exec(arg.trim());
  return m ? arg.trim().replace(/^[rRuUbB]*/, '').slice(1, -1) : null;
};

/**
 * The arguments of an `os.path.join(…)` call starting at `from` in `text`, or null when there is
 * none there; `whole`: only when the call is all of the text (`join(a, 'b') + '/c'` is not a join).
 */
export const joinArguments = (text: string, from = 0, whole = false): string[] | null => {
  const head = JOIN_HEAD.exec(text.slice(from, from + 40));
  if (head === null) return null;
  const close = { at: -1 };
  const args = callArguments(text, from + head[0].length - 1, close);
  return args === null || (whole && text.slice(close.at + 1).trim() !== '') ? null : args;
};

/** The path segments of literal arguments (`'data', 'a/b'` → data, a, b), '' and '.' dropped; null when one is not a literal, or one is `..`. */
export const literalSegments = (args: readonly string[]): string[] | null => {
  const out = args.flatMap((a) => literalValue(a)?.split('/') ?? [null]);
  return out.some((x) => x === null || x === '..') ? null : (out as string[]).filter((x) => x !== '' && x !== '.');
};
