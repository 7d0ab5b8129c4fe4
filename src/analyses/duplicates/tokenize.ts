/**
 * A small language-aware tokenizer for duplicate detection: identifiers, keywords, numbers,
 * strings and single-character punctuation, with comments reported separately. It only has to be
 * consistent (the same code gives the same tokens), not a parser; it never throws on any text.
 * Which words are keywords is the sink's call (keywords.ts): it answers for each word it is given.
 */
import type { TokenMode } from './keywords.js';

export const TOKEN_IDENTIFIER = 1;
export const TOKEN_KEYWORD = 2;
export const TOKEN_NUMBER = 3;
export const TOKEN_STRING = 4;
export const TOKEN_PUNCT = 5;

/**
 * Tokens arrive as ranges of the text, not as strings: the fingerprint hashes them in place and
 * slices only what it keeps (a file's distinct words), so a token costs no allocation.
 */
export interface TokenSink {
  /** An identifier or keyword, text[start, end); answers which it is (TOKEN_KEYWORD or TOKEN_IDENTIFIER). */
  word(start: number, end: number, line: number): number;
  /** A string's content without its quotes (or a regular expression literal), text[start, end); `newlines` counts its line breaks. */
  string(start: number, end: number, line: number, newlines: number): void;
  /** A number, text[start, end). */
  number(start: number, end: number, line: number): void;
  /** One character of punctuation, text[at]. */
  punct(at: number, line: number): void;
  /** A token that is not one range of the text (a shell heredoc's bodies, `<<`). */
  token(kind: number, value: string, line: number): void;
  /** A comment without its markers, text[start, end). */
  comment(start: number, end: number): void;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number, mode: TokenMode): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127 || (c === 36 && mode === 'js');
const isIdentPart = (c: number, mode: TokenMode): boolean => isIdentStart(c, mode) || isDigit(c);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;

/**
 * isIdentStart and isIdentPart of the ASCII characters, per mode, as tables (1: yes; past 127
 * every character is both). census runs V8 without inlining (bin/engine.js), so the main loop
 * reads these instead of calling a test per character of every identifier.
 */
const asciiTable = (test: (c: number) => boolean): Uint8Array => Uint8Array.from({ length: 128 }, (_, c) => (test(c) ? 1 : 0));
const IDENT_START = { js: asciiTable((c) => isIdentStart(c, 'js')), other: asciiTable((c) => isIdentStart(c, 'python')) };
const IDENT_PART = { js: asciiTable((c) => isIdentPart(c, 'js')), other: asciiTable((c) => isIdentPart(c, 'python')) };

/** Line breaks in text[start, end); a loop bounded by the range (indexOf would search on past a one-line string to the next line break). */
const countNewlines = (text: string, start: number, end: number): number => {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
};

const lineEnd = (text: string, i: number): number => {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
};

/** End (exclusive) of a quoted string starting at `i` (the opening quote). Single-line strings stop at a newline. */
const quotedEnd = (text: string, i: number, quote: number, triple: boolean, escapes: boolean, multiline: boolean): number => {
  const n = text.length;
  let j = i + (triple ? 3 : 1);
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */ && escapes) {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (!triple) return j + 1;
      if (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) return j + 3;
    } else if (c === 10 && !triple && !multiline) {
      return j;
    }
    j++;
  }
  return n;
};

/** End of a JS template literal starting at the backtick, following `${ ... }` nesting. */
const templateEnd = (text: string, i: number): number => {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 96) return j + 1;
    else if (c === 36 && text.charCodeAt(j + 1) === 123) {
      let depth = 1;
      j += 2;
      while (j < n && depth > 0) {
        const d = text.charCodeAt(j);
        if (d === 123) depth++;
        else if (d === 125) depth--;
        else if (d === 96) {
          j = templateEnd(text, j);
          continue;
        } else if (d === 39 || d === 34) {
          j = quotedEnd(text, j, d, false, true, false);
          continue;
        }
        j++;
      }
    } else j++;
  }
  return n;
};

/** End of a JS regular expression literal at `i`, or -1 when the line ends first (then `/` is division). */
const regexEnd = (text: string, i: number): number => {
  const n = text.length;
  let inClass = false;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    // A regular expression cannot hold a line break, not even an escaped one.
    if (c === 10 || (c === 92 && text.charCodeAt(j + 1) === 10)) return -1;
    if (c === 92) j += 2;
    else {
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        j++;
        while (j < n && isIdentPart(text.charCodeAt(j), 'js')) j++;
        return j;
      }
      j++;
    }
  }
  return -1;
};

const REGEX_AFTER_KEYWORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const PYTHON_STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
const SHELL_HEREDOC = /^<<(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

export const tokenize = (text: string, mode: TokenMode, sink: TokenSink): void => {
  const n = text.length;
  let i = 0;
  let line = 1;
  // The last token's kind and range (or character, for punctuation): whether `/` starts a regular expression.
  let lastKind = 0;
  let lastStart = 0;
  let lastEnd = 0;
  const heredocs: { word: string; stripTabs: boolean }[] = [];
  const identStart = mode === 'js' ? IDENT_START.js : IDENT_START.other;
  const identPart = mode === 'js' ? IDENT_PART.js : IDENT_PART.other;
  const string = (start: number, end: number, atLine: number, newlines: number) => {
    lastKind = TOKEN_STRING;
    sink.string(start, Math.max(start, end), atLine, newlines);
  };
  if (text.startsWith('#!')) {
    i = lineEnd(text, 0);
    sink.comment(2, i);
  }
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      if (heredocs.length > 0) {
        // The bodies of pending heredocs follow this line; each ends at a line holding its word.
        const start = i;
        const bodies: string[] = [];
        for (const doc of heredocs) {
          const bodyStart = i;
          let bodyEnd = n;
          while (i < n) {
            const end = lineEnd(text, i);
            const body = text.slice(i, end).replace(/\r$/, '');
            if ((doc.stripTabs ? body.replace(/^\t+/, '') : body) === doc.word) {
              bodyEnd = i;
              i = end < n ? end + 1 : n;
              break;
            }
            i = end < n ? end + 1 : n;
          }
          bodies.push(text.slice(bodyStart, Math.min(bodyEnd, i)).replace(/\r?\n$/, ''));
        }
        heredocs.length = 0;
        lastKind = TOKEN_STRING;
        sink.token(TOKEN_STRING, bodies.join('\n'), line);
        line += countNewlines(text, start, i);
      }
      continue;
    }
    // isSpace(c), written out (see IDENT_START)
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === 35 /* # */ && mode !== 'js') {
      const prev = i === 0 ? 10 : text.charCodeAt(i - 1);
      if (mode === 'python' || isSpace(prev) || prev === 10 || prev === 59 || prev === 38 || prev === 124 || prev === 40 || prev === 41) {
        const end = lineEnd(text, i);
        sink.comment(i + 1, end);
        i = end;
        continue;
      }
    }
    if (c === 47 /* / */ && mode === 'js') {
      if (next === 47) {
        const end = lineEnd(text, i);
        sink.comment(i + 2, end);
        i = end;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        sink.comment(i + 2, close < 0 ? n : close);
        line += countNewlines(text, i, end);
        i = end;
        continue;
      }
      const lastPunct = lastKind === TOKEN_PUNCT ? text.charCodeAt(lastStart) : 0;
      const regexAllowed = lastKind === 0 || (lastKind === TOKEN_PUNCT && lastPunct !== 41 && lastPunct !== 93 && lastPunct !== 125) ||
        (lastKind === TOKEN_KEYWORD && REGEX_AFTER_KEYWORD.has(text.slice(lastStart, lastEnd)));
      const end = regexAllowed ? regexEnd(text, i) : -1;
      if (end > 0) {
        string(i, end, line, 0);
        i = end;
        continue;
      }
    }
    if (c === 39 || c === 34 || (c === 96 && mode !== 'python')) {
      const triple = mode === 'python' && next === c && text.charCodeAt(i + 2) === c;
      const end = c === 96 ? (mode === 'js' ? templateEnd(text, i) : quotedEnd(text, i, c, false, true, true))
        : quotedEnd(text, i, c, triple, !(mode === 'shell' && c === 39), mode === 'shell');
      const open = triple ? 3 : 1;
      const closeLen = end - i >= open * 2 && text.charCodeAt(end - 1) === c ? open : 0;
      const newlines = countNewlines(text, i, end);
      string(i + open, end - closeLen, line, newlines);
      line += newlines;
      i = end;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && next >= 48 && next <= 57)) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d < 128 && identPart[d] === 0 && d !== 46) break;
      }
      lastKind = TOKEN_NUMBER;
      sink.number(i, j, line);
      i = j;
      continue;
    }
    if (c > 127 || identStart[c] === 1) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d < 128 && identPart[d] === 0) break;
      }
      const after = text.charCodeAt(j);
      if (mode === 'python' && (after === 39 || after === 34) && j - i <= 2 && PYTHON_STRING_PREFIX.test(text.slice(i, j))) {
        const triple = text.charCodeAt(j + 1) === after && text.charCodeAt(j + 2) === after;
        // Raw strings still end at an unescaped quote: a backslash keeps the quote inside.
        const end = quotedEnd(text, j, after, triple, true, false);
        const open = triple ? 3 : 1;
        const closeLen = end - j >= open * 2 && text.charCodeAt(end - 1) === after ? open : 0;
        const newlines = countNewlines(text, j, end);
        string(j + open, end - closeLen, line, newlines);
        line += newlines;
        i = end;
        continue;
      }
      lastKind = sink.word(i, j, line);
      lastStart = i;
      lastEnd = j;
      i = j;
      continue;
    }
    if (mode === 'shell' && c === 60 /* < */ && next === 60 && text.charCodeAt(i + 2) !== 60) {
      const m = SHELL_HEREDOC.exec(text.slice(i, i + 200));
      if (m) {
        heredocs.push({ word: m[3], stripTabs: m[1] === '-' });
        sink.token(TOKEN_PUNCT, '<<', line);
        sink.token(TOKEN_IDENTIFIER, m[3], line);
        lastKind = TOKEN_IDENTIFIER;
        i += m[0].length;
        continue;
      }
    }
    lastKind = TOKEN_PUNCT;
    lastStart = i;
    sink.punct(i, line);
    i++;
  }
};
