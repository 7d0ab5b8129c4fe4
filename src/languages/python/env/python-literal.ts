/**
 * Just enough of Python's literal syntax to read `install_requires=[...]` and
 * `extras_require={...}` from a setup.py without running it: strings (all quote styles and
 * prefixes), comments, brackets. Anything computed is reported as not literal.
 */

export interface StringItem {
  value: string;
  line: number;
}

type Token =
  | { kind: 'string'; value: string; line: number }
  | { kind: 'open' | 'close'; char: string; line: number }
  | { kind: 'comma' | 'colon'; line: number }
  | { kind: 'other'; text: string; line: number };

/** Tokens from `start` until the bracket opened at `start` closes (or the text ends); `end` is just past it. */
export const tokenizeBracketed = (text: string, start: number): { tokens: Token[]; end: number } => {
  const out: Token[] = [];
  let line = 1;
  for (let j = 0; j < start; j++) if (text.charCodeAt(j) === 10) line++;
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\\') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const str = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(text.slice(i, i + 5));
    if (str) {
      const quote = str[2];
      const raw = /r/i.test(str[1]);
      const startLine = line;
      let j = i + str[0].length;
      let value = '';
      while (j < text.length && !text.startsWith(quote, j)) {
        if (text[j] === '\n') {
          if (quote.length === 1) break; // unterminated: stop at the line end
          line++;
        }
        if (text[j] === '\\' && !raw && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
          continue;
        }
        value += text[j];
        j++;
      }
      out.push({ kind: 'string', value, line: startLine });
      i = j + quote.length;
      continue;
    }
    if (ch === '[' || ch === '(' || ch === '{') {
      depth++;
      out.push({ kind: 'open', char: ch, line });
      i++;
      continue;
    }
    if (ch === ']' || ch === ')' || ch === '}') {
      depth--;
      out.push({ kind: 'close', char: ch, line });
      i++;
      if (depth <= 0) return { tokens: out, end: i };
      continue;
    }
    if (ch === ',') out.push({ kind: 'comma', line });
    else if (ch === ':') out.push({ kind: 'colon', line });
    else {
      const m = /^[A-Za-z0-9_.]+/.exec(text.slice(i, i + 200));
      const t = m ? m[0] : ch;
      out.push({ kind: 'other', text: t, line });
      i += t.length;
      continue;
    }
    i++;
  }
  return { tokens: out, end: i };
};

/** `[...] + other` or `[...] if x else y`: the list is only part of the value. */
const continuesAfter = (text: string, end: number): boolean => /^[ \t]*(\+|if\b|\*|\.)/.test(text.slice(end, end + 20));

/** `[ 'a', "b", ]` → items; `literal` is false when anything but strings sits at the top level. */
export const readStringList = (text: string, openIndex: number): { items: StringItem[]; literal: boolean } => {
  const { tokens, end } = tokenizeBracketed(text, openIndex);
  const items: StringItem[] = [];
  let literal = tokens.length > 0 && tokens[tokens.length - 1].kind === 'close' && !continuesAfter(text, end);
  for (const t of tokens.slice(1, -1)) {
    if (t.kind === 'string') items.push({ value: t.value, line: t.line });
    else if (t.kind !== 'comma') literal = false;
  }
  return { items, literal };
};

/** `{ 'dev': ['a', 'b'], "test": [...] }` → group → items; non-literal parts make `literal` false. */
export const readStringListDict = (
  text: string,
  openIndex: number,
): { groups: Map<string, StringItem[]>; literal: boolean } => {
  const { tokens, end } = tokenizeBracketed(text, openIndex);
  const groups = new Map<string, StringItem[]>();
  let literal = tokens.length > 0 && tokens[tokens.length - 1].kind === 'close' && !continuesAfter(text, end);
  let i = 1;
  while (i < tokens.length - 1) {
    const key = tokens[i];
    const colon = tokens[i + 1];
    const open = tokens[i + 2];
    if (key?.kind !== 'string' || colon?.kind !== 'colon' || open?.kind !== 'open') {
      if (key?.kind !== 'comma') literal = false;
      i++;
      continue;
    }
    const items: StringItem[] = [];
    let depth = 1;
    let j = i + 3;
    for (; j < tokens.length && depth > 0; j++) {
      const t = tokens[j];
      if (t.kind === 'open') depth++;
      else if (t.kind === 'close') depth--;
      else if (t.kind === 'string' && depth === 1) items.push({ value: t.value, line: t.line });
      else if (t.kind !== 'comma') literal = false;
    }
    groups.set(key.value, items);
    i = j;
  }
  return { groups, literal };
};
