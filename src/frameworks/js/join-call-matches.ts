/**
 * `text.matchAll(pattern)` for a pattern each match of which holds a call `join(` or `resolve(`
 * that only a head of name characters, white space and dots stands before (`path.join(`,
 * `libPath.default.resolve(`, a bare `join(`): path-wrappers.ts's JOIN. Such a pattern opens with
 * `\b[\w$]*[pP]ath…` or a lookbehind, which any word character may start, so the regular expression
 * engine tried it at almost every character of every file (stop 59: payload's 427 files that name
 * their folder and join, 11 MB). A match can only start in the head before a call: from the first
 * character of the run of head characters (`[\w$\s.]`) that ends at the call, up to the call itself.
 * Those runs are disjoint (a call ends in `(`, no head character), so trying the pattern at each
 * place of each run in order finds the matches matchAll finds, in its order: the leftmost at or
 * after the end of the last one. Within a run only the places a match can start at are tried: a
 * word boundary (`\b`, as the pattern's first alternative needs, by JavaScript's `\w`, which has no
 * `$`) and the call itself (the lookbehind's).
 */

/** What a head may hold: name characters, white space and dots, by the same classes the pattern uses. */
const HEAD = /[\w$\s.]/;
/** The calls a match holds. Neither name can overlap itself or the other, so a global search finds every one. */
const CALL = /(?:join|resolve)\(/g;

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Whether `\b` holds at `at`: a word character on exactly one side (none before the text). */
const boundaryAt = (text: string, at: number): boolean => (at > 0 && isWordCode(text.charCodeAt(at - 1))) !== (at < text.length && isWordCode(text.charCodeAt(at)));

/** Where the run of head characters that ends at `at` begins. */
const headStart = (text: string, at: number): number => {
  let start = at;
  while (start > 0 && HEAD.test(text[start - 1])) start--;
  return start;
};

/**
 * The matches of `sticky` (the pattern with the `y` flag, no `g`) that `text.matchAll` of the same
 * pattern with `g` gives, in order, with the same groups and indexes.
 */
export const joinCallMatches = (text: string, sticky: RegExp): RegExpExecArray[] => {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (;;) {
    CALL.lastIndex = from;
    if (!CALL.test(text)) return out;
    // `join(` ends in `n(`, `resolve(` in `e(`.
    const call = CALL.lastIndex - (text.charCodeAt(CALL.lastIndex - 2) === 110 ? 5 : 8);
    let found: RegExpExecArray | null = null;
    for (let at = Math.max(from, headStart(text, call)); at <= call && found === null; at++) {
      if (at !== call && !boundaryAt(text, at)) continue;
      sticky.lastIndex = at;
      found = sticky.exec(text);
    }
    if (found === null) {
      // No match starts in this head: the next can only start after this call's `(`.
      from = CALL.lastIndex;
      continue;
    }
    out.push(found);
    from = found.index + found[0].length;
  }
};
