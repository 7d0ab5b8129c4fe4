/**
 * String literals that name a GraphQL schema type by its import path, noted from the tokens at
 * extraction (frameworks/python/graphql-lazy.ts reads them): graphene takes `"app.types.User"`
 * wherever a type goes, and `lazy_import("pkg.types.User")` / strawberry's `lazy("pkg.types")`
 * any dotted path. Reading them here spares the reader a second read and tokenize of every file
 * that imports graphene. Noted only in files that import graphene or strawberry, as the reader
 * reads no other.
 */
import type { PythonTokens } from './tokenize.js';
import { stringTokenValue } from './literals.js';
import { Kind, Op, StringFlag } from './tokens.js';

/** `graphene`, `strawberry` and their submodules: the libraries that take a type by its import path. */
export const importsGraphqlLibrary = (specifier: string): boolean =>
  specifier === 'graphene' || specifier === 'strawberry' || specifier.startsWith('graphene.') || specifier.startsWith('strawberry.');

export interface TypePath {
  value: string;
  line: number;
  /** The first argument of a `lazy(`/`lazy_import(` call, as written (`[\w.:]+`), on the call's line. */
  lazy?: true;
}

/** `a.b.User`: a module path ending in a CapWords name, as a type reference is written. */
export const TYPE_PATH = /^[a-z_][\w]*(?:\.[a-z_][\w]*)*\.[A-Z][A-Za-z0-9_]*$/;
const LAZY_ARGUMENT = /^[\w.:]+$/;
const BACKSLASH = 92;

/**
 * An ASCII code unit's class for TYPE_PATH: LOWER (a-z and _), UPPER (A-Z), DIGIT, else 0. One
 * table load per character: census's scan compiles without inlining (bin/engine.js), so the three
 * helper functions this replaced were three calls per character of every literal tested.
 */
const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;
const CHAR_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = LOWER;
CHAR_CLASS[95] = LOWER;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = UPPER;
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT;
/** The class of code unit c (0 past ASCII). */
const classOf = (c: number): number => (c < 128 ? CHAR_CLASS[c] : 0);

/**
 * TYPE_PATH tested on text[start, end) in place: true, false, or null when a backslash comes
 * first (the escapes must be decoded to know). Any other character TYPE_PATH refuses stays in the
 * decoded value, so meeting one before a backslash settles it.
 */
const typePathAt = (text: string, start: number, end: number): boolean | null => {
  let segmentStart = true;
  let upperSegment = false;
  let dots = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === BACKSLASH) return null;
    const cls = c < 128 ? CHAR_CLASS[c] : 0;
    if (segmentStart) {
      if (cls === LOWER) upperSegment = false;
      else if (cls === UPPER) upperSegment = true;
      else return false;
      segmentStart = false;
    } else if (c === 46) {
      // Only the last segment may start with a capital.
      if (upperSegment) return false;
      dots++;
      segmentStart = true;
    } else if (cls === 0) return false;
  }
  return !segmentStart && dots > 0 && upperSegment;
};

/** The `lazy`/`lazy_import` name right before `(` and this string (whitespace only between), as `lazy("…")` is written. */
const lazyCallBefore = (t: PythonTokens, i: number): boolean => {
  if (i < 2 || t.kind[i - 1] !== Kind.Op || t.value[i - 1] !== Op.LParen || t.kind[i - 2] !== Kind.Name) return false;
  if (t.end[i - 2] !== t.start[i - 1]) return false;
  const name = t.text.slice(t.start[i - 2], t.end[i - 2]);
  return (name === 'lazy' || name === 'lazy_import') && /^\s*$/.test(t.text.slice(t.end[i - 1], t.start[i]));
};

/** Notes the type paths string token i (a plain str literal: no f-string, bytes or missing end) holds. */
export const noteTypePaths = (t: PythonTokens, i: number, out: TypePath[]): void => {
  const flags = t.value[i];
  const prefix = flags >> StringFlag.PrefixShift;
  const triple = (flags & StringFlag.Triple) !== 0;
  if (!triple && prefix === 0 && lazyCallBefore(t, i)) {
    const value = t.text.slice(t.start[i] + 1, t.end[i] - 1);
    if (LAZY_ARGUMENT.test(value)) out.push({ value, line: t.line[i - 2], lazy: true });
  }
  const quote = triple ? 3 : 1;
  const start = t.start[i] + prefix + quote;
  const end = t.end[i] - quote;
  // Cheap first test: a type path starts with a letter or underscore.
  const first = t.text.charCodeAt(start);
  if (end <= start || !(classOf(first) === LOWER || first === BACKSLASH)) return;
  const found = typePathAt(t.text, start, end);
  if (found === true || (found === null && (flags & StringFlag.Raw) === 0 && TYPE_PATH.test(stringTokenValue(t, i)))) {
    out.push({ value: found === true ? t.text.slice(start, end) : stringTokenValue(t, i), line: t.line[i] });
  }
};
