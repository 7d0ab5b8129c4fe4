/**
 * The literal arguments of a Python call, read from text without running it, for task runners
 * written in Python (noxfile `session.run("pytest", "tests")`, invoke `c.run("python x.py")`):
 * the positional string arguments up to the first one that is not a plain literal.
 */
import { closingBracket, codeMatches, stringLiterals } from './python-literals.js';

export interface LiteralCall {
  /** Offset of the match (the callee). */
  offset: number;
  /** Positional string literals, in order, up to the first computed argument. */
  words: string[];
  /** A positional argument was not a plain literal (`*session.posargs`, a variable, an f-string). */
  computed: boolean;
}

/** Splits `a, b(c, d), "e,f"` at its top-level commas. */
const topLevelArgs = (text: string): string[] => {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{' || c === '"' || c === "'" || c === '#') {
      const end = c === '"' || c === "'" || c === '#' ? skipLiteral(text, i) : closingBracket(text, i);
      i = Math.max(end, i + 1);
      continue;
    }
    if (c === ',') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  out.push(text.slice(start));
  return out.map((a) => a.trim()).filter((a) => a !== '');
};

/** Offset after the string literal or comment at `i` (one line for a comment or an unclosed string). */
const skipLiteral = (text: string, i: number): number => {
  if (text[i] === '#') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  const quote = text[i];
  const triple = text.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  for (let j = i + close.length; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(close, j)) return j + close.length;
    if (!triple && text[j] === '\n') return j;
  }
  return text.length;
};

/** One or more adjacent one-line literals without an f or b prefix: `"a"`, `'a' "b"`. */
const PLAIN = /^(?:[rRuU]?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*)+$/;

/** The value of an argument that is a plain string literal, or null. */
const plainString = (arg: string): string | null => (PLAIN.test(arg) ? stringLiterals(arg).map((l) => l.value).join('') : null);

/** Every call matched by `callee` (a pattern ending just before the opening parenthesis) with its literal words. */
export const literalCalls = (text: string, callee: RegExp): LiteralCall[] => {
  const out: LiteralCall[] = [];
  for (const m of codeMatches(text, callee)) {
    const open = m.index + m[0].length;
    if (text[open] !== '(') continue;
    const close = closingBracket(text, open);
    const words: string[] = [];
    let computed = false;
    for (const arg of topLevelArgs(text.slice(open + 1, close - 1))) {
      if (/^[A-Za-z_]\w*\s*=(?!=)/.test(arg)) continue;
      const value = plainString(arg);
      if (value === null) {
        computed = true;
        break;
      }
      words.push(value);
    }
    out.push({ offset: m.index, words, computed });
  }
  return out;
};

/** A command line from argv words, quoting what the shell would split. */
export const joinWords = (words: readonly string[]): string =>
  words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
