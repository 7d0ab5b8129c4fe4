/**
 * Just enough of Python's literal syntax to read setup.py's `entry_points=` and `scripts=`
 * arguments without running it: string literals (with prefixes, triple quotes and escapes),
 * comments, and bracket matching that skips both.
 */
export interface StringLiteral {
  value: string;
  offset: number;
}

/** At `i` a string literal starts (after any r/b/u/f prefix): its end offset and value. */
const readString = (text: string, i: number): { end: number; value: string } => {
  const quote = text[i];
  const triple = text.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  let j = i + close.length;
  let value = '';
  while (j < text.length && !text.startsWith(close, j)) {
    if (!triple && text[j] === '\n') break;
    if (text[j] === '\\' && j + 1 < text.length) {
      const next = text[j + 1];
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === '\n' ? '' : next;
      j += 2;
      continue;
    }
    value += text[j++];
  }
  return { end: Math.min(text.length, j + close.length), value };
};

const isQuote = (c: string | undefined): boolean => c === '"' || c === "'";

/** Skips a string or comment at `i`; returns the offset after it, or -1 when there is none. */
const skipNonCode = (text: string, i: number): number => {
  if (text[i] === '#') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (isQuote(text[i])) return readString(text, i).end;
  return -1;
};

/** Offset just after the bracket that closes the one at `open`, or the end of the text. */
export const closingBracket = (text: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const skipped = skipNonCode(text, i);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
};

/** Every string literal in text[start, end), outside comments; adjacent literals are not joined. */
export const stringLiterals = (text: string, start = 0, end = text.length): StringLiteral[] => {
  const out: StringLiteral[] = [];
  for (let i = start; i < end; ) {
    if (text[i] === '#') {
      i = skipNonCode(text, i);
      continue;
    }
    if (isQuote(text[i])) {
      const s = readString(text, i);
      out.push({ value: s.value, offset: i });
      i = s.end;
      continue;
    }
    i++;
  }
  return out;
};

/** Offsets of `name=` keyword arguments / assignments that are code, not inside strings or comments. */
export const codeMatches = (text: string, pattern: RegExp): RegExpExecArray[] => {
  const out: RegExpExecArray[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let i = 0;
  let m: RegExpExecArray | null;
  while ((m = global.exec(text)) !== null) {
    while (i < m.index) {
      const skipped = skipNonCode(text, i);
      if (skipped < 0) i++;
      else {
        i = skipped;
        if (skipped > m.index) break;
      }
    }
    if (i <= m.index) out.push(m);
    else global.lastIndex = i;
  }
  return out;
};
