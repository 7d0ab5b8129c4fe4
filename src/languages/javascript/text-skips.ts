/**
 * Where a comment or a quoted literal that starts at an offset of JS/TS text ends: the shared
 * step of the small tolerant scanners that look at code without parsing it (the brace matcher of
 * frameworks/js/function-region.ts, unplugin-auto-import's comment and string blanker, TSRX's
 * template finder). Tolerant: unclosed text runs to the end of the text, nothing throws. The
 * module-scan lexer is not one of them: it refuses (throws `Unsure`) whatever it is not sure of, so
 * the parser reads the file instead, where these scanners must go on with the text as it is.
 */

/*
 * Code units, not one-character strings: `text[i]` of a character beyond Latin-1 is a string of
 * its own, not one of V8's canonical ones, and comparing it with a literal threw away the
 * optimized code of the brace walk it is inlined into ('wrong instance type', payload).
 */
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const NEWLINE = 10;
const BACKTICK = 96;

/**
 * The end of the comment at `i`: a `//` comment ends at its line break (not included), a
 * `/* … *\/` comment just past its `*\/`, either at the end of the text when it never closes.
 * -1 when no comment starts at `i`.
 */
export const commentEnd = (text: string, i: number): number => {
  if (text.charCodeAt(i) !== SLASH) return -1;
  const next = text.charCodeAt(i + 1);
  if (next === SLASH) {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (next === STAR) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return -1;
};

/**
 * The end of the literal whose opening character is at `i`: `'` or `"` (a string), `` ` `` (a
 * template literal, taken whole: a `${…}` inside is not read, so a backtick in it ends the
 * literal) or `/` (a regular expression, whose `[…]` class may hold a `/`; its flags are not
 * part of it). Just past the closing character, with backslash escapes skipped. A string or
 * regular expression that meets a line break first ends just past it (the next line is read as
 * code again); a template literal spans lines. The end of the text when nothing closes it.
 */
export const quotedEnd = (text: string, i: number): number => {
  const open = text.charCodeAt(i);
  const regex = open === SLASH;
  const spansLines = open === BACKTICK;
  let inClass = false;
  // Each character is compared before the flags are read: a comparison never made before V8
  // optimizes the walk (a regular expression's class, a string's line break) is one it has no
  // feedback for, and meeting it later threw the optimized code away.
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === OPEN_BRACKET && regex) inClass = true;
    else if (c === CLOSE_BRACKET && regex) inClass = false;
    else if (c === open && !inClass) return j + 1;
    else if (c === NEWLINE && !spansLines) return j + 1;
  }
  return text.length;
};

/** The characters after which a `/` opens a regular expression, not a division. */
const REGEX_BEFORE = new Set('(,=:[!&|?{};'.split('').map((c) => c.charCodeAt(0)));

/**
 * Whether the `/` at `i` (not a comment's) opens a regular expression literal: the last
 * character before it that is not a space is one of `( , = : [ ! & | ? { } ;`, or the line
 * starts there, or the word before it is `return`. A division follows a value (a name, a number,
 * `)`, `]`), which none of these is; `p.replace(/\/*$/, '')` is the idiom this is for, whose
 * `/*` is no comment.
 */
export const regexStartsAt = (text: string, i: number): boolean => {
  let j = i - 1;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9 && c !== 13) break;
    j--;
  }
  if (j < 0) return true;
  const c = text.charCodeAt(j);
  if (c === NEWLINE || REGEX_BEFORE.has(c)) return true;
  return j >= 5 && text.startsWith('return', j - 5) && !/[\w$.]/.test(text[j - 6] ?? ' ');
};

/**
 * The characters of `text` from `from` to `to` as spaces, line breaks kept: a blanked comment. One
 * `repeat` per line, where a replace of each character (`/[^\n]/g`) made a match of every one
 * (stop 56: half of commentsBlanked on payload's texts).
 */
const spacesFor = (text: string, from: number, to: number): string => {
  let out = '';
  for (let at = from; ; ) {
    const nl = text.indexOf('\n', at);
    if (nl < 0 || nl >= to) return out + ' '.repeat(to - at);
    out += `${' '.repeat(nl - at)}\n`;
    at = nl + 1;
  }
};

/**
 * The text with its comments blanked to spaces (line breaks kept, so offsets and lines stay
 * right) and its strings, template literals and regular expressions kept as they are: a `/*` or
 * `//` inside a string (`__dirname + '/migrations/*.js'`, a URL) or a regular expression
 * (`/\/*$/`, see regexStartsAt) is not a comment. A `/*` that never closes is not blanked: it is
 * more likely a slash census misread than a comment running to the end of the file, and
 * blanking the rest would hide every join after it.
 */
export const commentsBlanked = (text: string): string => {
  if (!text.includes('/')) return text;
  const out: string[] = [];
  let from = 0;
  eachOpenerStep(text, (i, end, blank) => {
    if (!blank) return;
    out.push(text.slice(from, i), spacesFor(text, i, end));
    from = end;
  });
  out.push(text.slice(from));
  return out.join('');
};

/**
 * Calls `visit` with each step of the blanker that starts at a quote or a slash, in order. Only a
 * quote or a slash can open a literal or a comment: the regular expression skips to the next one in
 * native code, where a loop over every character code cost more than the rest of the walk (stop 53:
 * anchored-paths' texts on payload). `test`, not `exec`, and a step as a number (stepAt): no match
 * array or step object per quote (stop 56).
 */
const eachOpenerStep = (text: string, visit: (i: number, end: number, blank: boolean) => void): void => {
  const opener = /['"`/]/g;
  for (let i = 0; i < text.length; ) {
    opener.lastIndex = i;
    if (!opener.test(text)) break;
    i = opener.lastIndex - 1;
    const step = stepAt(text, i);
    const end = step < 0 ? ~step : step;
    visit(i, end, step < 0);
    i = end;
  }
};

/**
 * One step of the blanker at `i`: past a literal or a comment that starts there (`blank` for a
 * comment), else one character on. Shared with the character-by-character walk of the property test.
 */
export const blankStep = (text: string, i: number): { end: number; blank: boolean } => {
  const step = stepAt(text, i);
  return step < 0 ? { end: ~step, blank: true } : { end: step, blank: false };
};

/** blankStep's end as one number: the end itself, or `~end` (below 0) past a comment. */
const stepAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  if (c === 39 || c === 34 || c === BACKTICK) return quotedEnd(text, i);
  if (c !== SLASH) return i + 1;
  const next = text.charCodeAt(i + 1);
  if (next === STAR && text.indexOf('*/', i + 2) < 0) return i + 1;
  const end = commentEnd(text, i);
  if (end >= 0) return ~end;
  if (regexStartsAt(text, i)) return quotedEnd(text, i);
  return i + 1;
};

/**
 * The quoted strings and template literals of the text, outside comments, as flat [start, end)
 * pairs in order: where a name followed by `(` is text, not a call (`logger.info("usage:
 * bundle('a.js')")`). A template's `${…}` is code: see insideQuoted.
 */
export const quotedSpans = (text: string): number[] => {
  const out: number[] = [];
  eachOpenerStep(text, (i, end) => {
    if (text.charCodeAt(i) !== SLASH) out.push(i, end);
  });
  return out;
};

/** Whether offset `at` lies inside one of `spans` (from quotedSpans of the same text), and not in a template's open `${`. */
export const insideQuoted = (text: string, spans: readonly number[], at: number): boolean => {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = spans[2 * mid];
    const end = spans[2 * mid + 1];
    if (at < start) hi = mid - 1;
    else if (at >= end) lo = mid + 1;
    else {
      if (text.charCodeAt(start) !== BACKTICK) return true;
      const inner = text.slice(start, at);
      return inner.lastIndexOf('${') <= inner.lastIndexOf('}');
    }
  }
  return false;
};
