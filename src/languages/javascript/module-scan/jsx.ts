/**
 * JSX for the module scan's lexer: elements, fragments, attributes and text are skipped
 * character by character (in JSX text, quotes and slashes are only text); each `{…}` expression
 * container pauses the scan so the lexer reads the expression as code, then resumes it. Anything
 * out of the ordinary (a closing tag that does not match, `>` or `}` in text, a type parameter
 * list that looks like a tag) throws `Unsure`, and the parser takes the file. In a .tsx file the
 * lexer first asks typeParametersAt, and a generic arrow function's list is lexed as code instead.
 */
import { Unsure } from './unsure.js';

/** Where the scan of one JSX element (and the elements inside it) stands. */
export interface JsxContext {
  /** Names of the open elements, outermost first; '' for a fragment. */
  open: string[];
  /** Inside a tag's attributes (true) or among an element's children (false). */
  inTag: boolean;
}

export type JsxStep =
  /** The outermost element ended just before `end`. */
  | { done: true; end: number }
  /** A `{` at `end - 1` opened an expression container: the lexer reads the code in it. */
  | { done: false; end: number };

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 45 || c === 58 || c === 46;

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;

const isWhite = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;

/** A character of a JavaScript identifier after its first (ASCII: what the lexer reads as one). */
const isIdentifierChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;

/** Skips white space and comments between a tag's parts. */
const skipSpace = (text: string, from: number): number => {
  let p = from;
  for (;;) {
    const c = text.charCodeAt(p);
    if (isWhite(c)) p++;
    else if (c === 47 && text.charCodeAt(p + 1) === 47) {
      while (p < text.length && text.charCodeAt(p) !== 10) p++;
    } else if (c === 47 && text.charCodeAt(p + 1) === 42) {
      const close = text.indexOf('*/', p + 2);
      if (close < 0) throw new Unsure();
      p = close + 2;
    } else return p;
  }
};

const nameAt = (text: string, from: number): number => {
  if (!isNameStart(text.charCodeAt(from))) throw new Unsure();
  let p = from + 1;
  while (isNameChar(text.charCodeAt(p))) p++;
  return p;
};

/**
 * Words that are no identifier to TypeScript's parser (reserved words, and those of strict code):
 * `<word,` opens no type parameter list (see typeParametersAt).
 */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for',
  'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while',
  'with', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
]);

/**
 * Whether the `<` at `from`, where an expression starts in a .tsx file, opens a generic arrow
 * function's type parameters (`<T,>(x: T) => x`, `<T extends {…}>(…)`, `<T = U,>(…)`) rather than an
 * element: TypeScript's rule (isParenthesizedArrowFunctionExpressionWorker) is an identifier followed
 * by `,`, by `=`, or by `extends` and then anything but `=`, `>` or `/`. oxc's differs where a name
 * follows `extends` (`<T extends U>`: maybe, since `<div extends x>…</div>` is an element): not read.
 * Only blanks may stand between these tokens here, and `<const T,>` is not read: where this says
 * no, the element reader gives up on such a list as before, so the file still goes to the parser.
 */
export const typeParametersAt = (text: string, from: number): boolean => {
  let p = from + 1;
  while (isWhite(text.charCodeAt(p))) p++;
  if (!isNameStart(text.charCodeAt(p))) return false;
  const start = p;
  while (isIdentifierChar(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) > 127 || text.charCodeAt(p) === 92 || RESERVED.has(text.slice(start, p))) return false;
  while (isWhite(text.charCodeAt(p))) p++;
  const c = text.charCodeAt(p);
  if (c === 44) return true; // ,
  if (c === 61) return text.charCodeAt(p + 1) !== 61 && text.charCodeAt(p + 1) !== 62; // = but not == or =>
  if (!text.startsWith('extends', p) || isIdentifierChar(text.charCodeAt(p + 7))) return false;
  p += 7;
  while (isWhite(text.charCodeAt(p))) p++;
  const d = text.charCodeAt(p);
  // oxc (arrow.rs, is_parenthesized_arrow_function_expression_worker) answers "maybe" where a name
  // follows `extends` (`<T extends U>`, `<div extends x>`): it tries the arrow function and, when its
  // head fails, reads an element with an attribute named `extends`; only the full parse tells which,
  // so such a list is not read here (the element reader gives up on it, as before)
  if (isNameStart(d) || d > 127 || d === 92) return false;
  return p < text.length && d !== 61 && d !== 62 && d !== 47;
};

/**
 * Starts an element at `from` (the `<`). Returns the context to keep and the first step; a
 * `<T,>` or `<T extends U>` (TypeScript type parameters in a .tsx file) throws `Unsure`.
 */
export const startJsx = (text: string, from: number): { context: JsxContext; step: JsxStep } => {
  const context: JsxContext = { open: [], inTag: false };
  return { context, step: continueJsx(text, openTag(text, from, context), context) };
};

/** Reads `<name` (or `<>`) at `from` onto the open elements; returns where the scan goes on. */
const openTag = (text: string, from: number, context: JsxContext): number => {
  let p = skipSpace(text, from + 1);
  if (text.charCodeAt(p) === 62) {
    context.open.push(''); // <>
    context.inTag = false;
    return p + 1;
  }
  const nameEnd = nameAt(text, p);
  const name = text.slice(p, nameEnd);
  p = skipSpace(text, nameEnd);
  if (text.charCodeAt(p) === 44 || (text.startsWith('extends', p) && !isNameChar(text.charCodeAt(p + 7)))) throw new Unsure();
  if (text.charCodeAt(p) === 60) throw new Unsure(); // type arguments on a component: <Select<Option> …>
  context.open.push(name);
  context.inTag = true;
  return p;
};

/** Goes on scanning from `from` in the state `context` describes. */
export const continueJsx = (text: string, from: number, context: JsxContext): JsxStep => {
  let p = from;
  const n = text.length;
  for (;;) {
    if (p >= n) throw new Unsure();
    if (context.inTag) {
      p = skipSpace(text, p);
      const c = text.charCodeAt(p);
      if (c === 47 && text.charCodeAt(p + 1) === 62) {
        // />
        context.open.pop();
        context.inTag = false;
        p += 2;
        if (context.open.length === 0) return { done: true, end: p };
      } else if (c === 62) {
        context.inTag = false;
        p++;
      } else if (c === 123) {
        return { done: false, end: p + 1 }; // {...spread}
      } else {
        p = nameAt(text, p);
        p = skipSpace(text, p);
        if (text.charCodeAt(p) !== 61) continue; // a boolean attribute
        p = skipSpace(text, p + 1);
        const q = text.charCodeAt(p);
        if (q === 34 || q === 39) {
          const close = text.indexOf(String.fromCharCode(q), p + 1);
          if (close < 0) throw new Unsure();
          p = close + 1;
        } else if (q === 123) {
          return { done: false, end: p + 1 };
        } else {
          throw new Unsure(); // an element as an attribute value, or worse
        }
      }
      continue;
    }
    // children: text up to the next `<` or `{`
    const c = text.charCodeAt(p);
    if (c === 123) return { done: false, end: p + 1 };
    if (c === 125 || c === 62) throw new Unsure();
    if (c !== 60) {
      p++;
      continue;
    }
    const afterLt = skipSpace(text, p + 1);
    if (text.charCodeAt(afterLt) !== 47) {
      p = openTag(text, p, context);
      continue;
    }
    // </name>
    let q = skipSpace(text, afterLt + 1);
    let name = '';
    if (text.charCodeAt(q) !== 62) {
      const end = nameAt(text, q);
      name = text.slice(q, end);
      q = skipSpace(text, end);
    }
    if (text.charCodeAt(q) !== 62 || context.open.pop() !== name) throw new Unsure();
    p = q + 1;
    if (context.open.length === 0) return { done: true, end: p };
  }
};
