/**
 * Character-level helpers for the shell parser: line numbers by offset, and skipping balanced
 * text census does not interpret (`$(( … ))`, arrays). Plain loops only, so hostile input stays
 * linear.
 */

/** Offsets of every '\n' in a text, for line numbers by binary search. */
export const newlineOffsets = (text: string): number[] => {
  const out: number[] = [];
  let i = text.indexOf('\n');
  while (i >= 0) {
    out.push(i);
    i = text.indexOf('\n', i + 1);
  }
  return out;
};

/** 1-based line of offset `pos`, given the newline offsets and the line the text starts on. */
export const lineAt = (newlines: readonly number[], pos: number, firstLine: number): number => {
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newlines[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return firstLine + lo;
};

export const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

/** Characters that end an unquoted word. */
export const isMeta = (c: string): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';

export const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
export const isNameChar = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9');
export const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * From `pos` (just after an opening bracket, `open` already counted once), the offset just after
 * the matching `close`, skipping quoted text and escapes; -1 when the text ends first.
 */
export const skipBalanced = (text: string, pos: number, open: string, close: string, depth = 1): number => {
  let i = pos;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) return -1;
      i++;
    } else {
      if (c === open) depth++;
      else if (c === close && --depth === 0) return i + 1;
      i++;
    }
  }
  return -1;
};

/** The operator at `pos` (the character there is one of `;&|()<>`), longest match first. */
export const operatorAt = (text: string, pos: number): string => {
  const c = text[pos];
  const n = text[pos + 1];
  switch (c) {
    case ';':
      if (n === ';') return text[pos + 2] === '&' ? ';;&' : ';;';
      return n === '&' ? ';&' : ';';
    case '&':
      if (n === '&') return '&&';
      if (n === '>') return text[pos + 2] === '>' ? '&>>' : '&>';
      return '&';
    case '|':
      return n === '|' ? '||' : n === '&' ? '|&' : '|';
    case '<':
      if (n === '<') return text[pos + 2] === '<' ? '<<<' : text[pos + 2] === '-' ? '<<-' : '<<';
      return n === '>' ? '<>' : n === '&' ? '<&' : '<';
    case '>':
      return n === '>' ? '>>' : n === '&' ? '>&' : n === '|' ? '>|' : '>';
    default:
      return c;
  }
};

export const REDIRECTIONS: ReadonlySet<string> = new Set(['&>>', '<<<', '<<-', '&>', '<<', '<>', '<&', '>>', '>&', '>|', '<', '>']);

/** Decode the body of a `$'…'` string (common escapes; others keep the character). */
export const decodeAnsiC = (body: string): string => {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i];
    out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === 'e' || n === 'E' ? '\x1b' : n === '0' ? '\0' : n;
  }
  return out;
};
