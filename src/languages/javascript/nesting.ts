/**
 * oxc-parser recurses natively on nested syntax and, at version 0.159, overflows the thread's stack
 * (a segfault that ends the whole process, not an exception) at a few thousand levels on a 4 MB
 * worker stack: about 2,000 nested brackets, 4,500 chained `a = a = …` / `a ? b : …`, or 5,000
 * `else if`s. This scan measures bracket depth and the length of operator / prefix-keyword chains,
 * cheaply and conservatively, so such files skip the parser instead of crashing census.
 * Strings and comments are skipped; template substitutions count as brackets.
 */

/** Far below the measured crash points, far above hand-written code (a few dozen levels). */
export const MAX_BRACKET_DEPTH = 500;
export const MAX_OPERATOR_CHAIN = 2000;

const ORDINARY = 0;
const OPEN = 1;
const CLOSE = 2;
const OPERATOR = 3;
const SPACE = 4;
const NEWLINE = 5;
const QUOTE = 6;
const BACKTICK = 7;
const SLASH = 8;
const SEPARATOR = 9;
const WORD = 10;

/** Character class by char code (ASCII only; everything else is an ordinary character). */
const CLASS = new Uint8Array(128);
for (const ch of '([{') CLASS[ch.charCodeAt(0)] = OPEN;
for (const ch of ')]}') CLASS[ch.charCodeAt(0)] = CLOSE;
for (const ch of '=?:!+-*%&|^<>.~') CLASS[ch.charCodeAt(0)] = OPERATOR;
for (const ch of ' \t\r\v\f') CLASS[ch.charCodeAt(0)] = SPACE;
CLASS[10] = NEWLINE;
CLASS[39] = QUOTE;
CLASS[34] = QUOTE;
CLASS[96] = BACKTICK;
CLASS[47] = SLASH;
CLASS[59] = SEPARATOR;
CLASS[44] = SEPARATOR;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_$]/.test(ch)) CLASS[c] = WORD;
}

/** Keywords that nest what follows them, by length: each one is a level, like a prefix operator. */
const NESTING_KEYWORDS: readonly (readonly string[])[] = [[], [], ['if'], ['new'], ['else', 'void'], ['await', 'yield'], ['typeof', 'delete']];

/** The nesting keyword spelled at text[start, end), if any (compared in place: no substring per word). */
const KEYWORD_START = new Uint8Array(128);
for (const words of NESTING_KEYWORDS) for (const word of words) KEYWORD_START[word.charCodeAt(0)] = 1;

const nestingKeyword = (text: string, start: number, end: number): string | null => {
  const first = text.charCodeAt(start);
  if (first >= 128 || KEYWORD_START[first] === 0) return null;
  const candidates = NESTING_KEYWORDS[end - start];
  if (candidates === undefined) return null;
  for (const word of candidates) if (text.startsWith(word, start)) return word;
  return null;
};

export interface NestingVerdict {
  tooDeep: boolean;
  /** 1-based line where the limit was crossed. */
  line?: number;
}

/** Does the text nest deeper than the parser can safely take? */
export const checkNesting = (text: string): NestingVerdict => {
  const n = text.length;
  let depth = 0;
  /** Operator characters in the current expression segment, per bracket depth. */
  const chain = new Int32Array(MAX_BRACKET_DEPTH + 2);
  /** Depths at which a `${` substitution returns to template text. */
  const templates: number[] = [];
  let line = 1;
  let lastWasOperator = false;
  let newlineSinceSignificant = false;
  /** After a `}`: the chain goes on only through an operator or `else` (`} else if …`). */
  let afterBlock = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? CLASS[c] : ORDINARY;
    if (kind === SPACE) {
      i++;
      continue;
    }
    if (kind === NEWLINE) {
      line++;
      newlineSinceSignificant = true;
      i++;
      continue;
    }
    if (kind === SLASH && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      const block = text.charCodeAt(i + 1) === 42;
      const end = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i + 2);
      const stop = end < 0 ? n : block ? end + 2 : end;
      if (block) for (let k = text.indexOf('\n', i); k >= 0 && k < stop; k = text.indexOf('\n', k + 1)) line++;
      i = stop;
      continue;
    }
    let word: string | null = null;
    if (kind === WORD || kind === ORDINARY) {
      const start = i;
      while (i < n) {
        const w = text.charCodeAt(i);
        if (w < 128 && CLASS[w] !== WORD) break;
        i++;
      }
      if (i === start) i++;
      else word = nestingKeyword(text, start, i);
    } else {
      i++;
    }
    const nests = word !== null;
    const isOperator = kind === OPERATOR || kind === SLASH;
    // A line break ends the expression unless an operator ends the line or starts the next.
    if (newlineSinceSignificant && !isOperator && !lastWasOperator) chain[depth] = 0;
    if (afterBlock && !isOperator && word !== 'else') chain[depth] = 0;
    newlineSinceSignificant = false;
    afterBlock = false;
    lastWasOperator = isOperator || nests;
    if (nests && ++chain[depth] > MAX_OPERATOR_CHAIN) return { tooDeep: true, line };
    switch (kind) {
      case ORDINARY:
      case WORD:
        break;
      case OPERATOR:
      case SLASH:
        if (++chain[depth] > MAX_OPERATOR_CHAIN) return { tooDeep: true, line };
        break;
      case SEPARATOR:
        chain[depth] = 0;
        break;
      case OPEN:
        if (++depth > MAX_BRACKET_DEPTH) return { tooDeep: true, line };
        chain[depth] = 0;
        break;
      case CLOSE:
        if (c === 125 && templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          depth--;
          i = skipTemplateText(text, i, (l) => (line += l));
          if (enteredSubstitution(text, i)) {
            if (++depth > MAX_BRACKET_DEPTH) return { tooDeep: true, line };
            chain[depth] = 0;
            templates.push(depth);
          }
        } else if (depth > 0) {
          depth--;
          afterBlock = c === 125;
        }
        break;
      case QUOTE: {
        // A quoted string ends at its quote or, if unterminated, at the end of the line.
        while (i < n) {
          const s = text.charCodeAt(i);
          if (s === c) {
            i++;
            break;
          }
          if (s === 10) break;
          i += s === 92 ? 2 : 1;
        }
        break;
      }
      case BACKTICK: {
        i = skipTemplateText(text, i, (l) => (line += l));
        if (enteredSubstitution(text, i)) {
          if (++depth > MAX_BRACKET_DEPTH) return { tooDeep: true, line };
          chain[depth] = 0;
          templates.push(depth);
        }
        break;
      }
    }
  }
  return { tooDeep: false };
};

const enteredSubstitution = (text: string, i: number): boolean => i >= 2 && text.charCodeAt(i - 1) === 123 && text.charCodeAt(i - 2) === 36;

/**
 * Skips template text from `i` to just past its closing backtick, or just past a `${`
 * (the caller tells them apart by the character before the returned index).
 */
const skipTemplateText = (text: string, start: number, addLines: (count: number) => void): number => {
  const n = text.length;
  let lines = 0;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 10) lines++;
    if (c === 96) {
      i++;
      break;
    }
    if (c === 36 && text.charCodeAt(i + 1) === 123) {
      i += 2;
      break;
    }
    i++;
  }
  addLines(lines);
  return i;
};
