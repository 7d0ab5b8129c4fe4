/**
 * String literal values, as Python would compute them: escape sequences decoded, adjacent
 * literals concatenated. Only plain `str` constants count: f-strings are expressions and
 * bytes are not text, so both give null (as ast gives JoinedStr / bytes Constant).
 */
import type { PythonTokens } from './tokenize.js';
import { stringContent } from './tokenize.js';
import { Kind, Op, StringFlag, Word } from './tokens.js';
import { isOp, isWord, splitTop, unwrap } from './ranges.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Decodes Python escapes in the body of a non-raw str literal. Unknown escapes stay as written. */
export const decodeEscapes = (body: string): string => {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let i = 0;
  for (;;) {
    const k = body.indexOf('\\', i);
    if (k < 0 || k === body.length - 1) return out + body.slice(i);
    out += body.slice(i, k);
    const c = body[k + 1];
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      i = k + 2;
      continue;
    }
    const hexLength = HEX_LENGTH[c];
    if (hexLength !== undefined) {
      const hex = body.slice(k + 2, k + 2 + hexLength);
      const code = hex.length === hexLength && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : -1;
      if (code >= 0 && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i = k + 2 + hexLength;
        continue;
      }
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(k + 1, k + 4));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8));
      i = k + 1 + octal[0].length;
      continue;
    }
    out += '\\' + c; // \N{...} and unknown escapes: kept verbatim
    i = k + 2;
  }
};

/** True for a str literal token whose value is a constant (no f-string, no bytes, terminated). */
export const isPlainString = (t: PythonTokens, i: number): boolean =>
  t.kind[i] === Kind.String && (t.value[i] & (StringFlag.Formatted | StringFlag.Bytes | StringFlag.Unterminated)) === 0;

/** The value of one plain string token. */
export const stringTokenValue = (t: PythonTokens, i: number): string => {
  const { start, end } = stringContent(t, i);
  const body = t.text.slice(start, end);
  return t.value[i] & StringFlag.Raw ? body : decodeEscapes(body);
};

/** The end of the run of adjacent string tokens that starts at i. */
export const stringRunEnd = (t: PythonTokens, i: number, to: number): number => {
  while (i < to && t.kind[i] === Kind.String) i++;
  return i;
};

/** The value of the string tokens filling [from, to) exactly, concatenated; null otherwise. */
export const stringValue = (t: PythonTokens, from: number, to: number): string | null => {
  if (from >= to) return null;
  let value = '';
  for (let i = from; i < to; i++) {
    if (!isPlainString(t, i)) return null;
    value += stringTokenValue(t, i);
  }
  return value;
};

/**
 * The strings of a literal list or tuple filling [from, to): `['a', 'b']`, `('a',)` or a bare
 * `'a', 'b'`. With `executable`, `sys.executable` is accepted and read as `python`.
 * Null when anything other than string literals is there.
 */
export const stringList = (t: PythonTokens, from: number, to: number, executable = false): string[] | null => {
  if (from >= to) return null;
  let [s, e] = [from, to];
  if (isOp(t, s, Op.LBracket)) [s, e] = unwrap(t, s, e, Op.LBracket);
  else if (isOp(t, s, Op.LParen)) [s, e] = unwrap(t, s, e, Op.LParen);
  const parts = splitTop(t, s, e);
  // Without brackets, or inside parentheses, only a comma makes a tuple: ('a') is a string.
  const tuple = parts.length >= 2 || isOp(t, e - 1, Op.Comma) || (s !== from && s === e);
  if (!isOp(t, from, Op.LBracket) && !tuple) return null;
  const out: string[] = [];
  for (const [ps, pe] of parts) {
    const [us, ue] = unwrap(t, ps, pe);
    const value = stringValue(t, us, ue);
    if (value !== null) out.push(value);
    else if (executable && out.length === 0 && isSysExecutable(t, us, ue)) out.push('python');
    else return null;
  }
  return out;
};

export const isSysExecutable = (t: PythonTokens, from: number, to: number): boolean =>
  to - from === 3 && isWord(t, from, Word.Sys) && isOp(t, from + 1, Op.Dot) && isWord(t, from + 2, Word.Executable);

const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const isModuleName = (s: string): boolean => MODULE_NAME.test(s);

/**
 * `pkg.mod:attr` (what uvicorn, gunicorn, entry points and Celery take), checked on char codes
 * because it runs on every one-line string literal. Module segments must be lower-case
 * identifiers, or (stop 66) upper-case ones in a dotted module (`kombu.transport.SQS:Transport`); a module without dots needs three chars or more and must not be a URI scheme or
 * XML prefix, which keeps `w:gz`, `aws:kms`, `xmlns:geo` and `G:i` out. Returns the
 * `module:attr` text or null.
 */
export const moduleAttrAt = (text: string, start: number, end: number): string | null => {
  const len = end - start;
  if (len < 5 || len > 200) return null;
  let colon = -1;
  let dots = 0;
  let atSegmentStart = true;
  let upperModule = false;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    const lower = (c >= 97 && c <= 122) || c === 95;
    if (lower || (c >= 65 && c <= 90)) {
      if (!lower && colon < 0) upperModule = true;
      atSegmentStart = false;
    } else if (c >= 48 && c <= 57) {
      if (atSegmentStart) return null;
    } else if (c === 46 || c === 58) {
      if (atSegmentStart) return null;
      if (c === 58) {
        if (colon >= 0) return null;
        colon = p;
      } else if (colon < 0) dots++;
      atSegmentStart = true;
    } else return null;
  }
  // Stop 66: an upper-case module segment only past a dot (kombu/transport/__init__.py:26 `'kombu.transport.SQS:Transport'`):
  // alone (`Note:x`, `HTTP:GET`) it is prose or a protocol, not a module.
  if (colon < 0 || atSegmentStart || (upperModule && dots === 0)) return null;
  const value = text.slice(start, end);
  if (dots === 0 && (colon - start < 3 || NOT_MODULES.has(value.slice(0, colon - start)))) return null;
  return value;
};

const NOT_MODULES = new Set(['xmlns', 'xml', 'xsi', 'xlink', 'aws', 'arn', 'urn', 'http', 'https', 'ftp', 'file', 'mailto', 'data', 'tag', 'sha', 'md5']);

/**
 * `[\w.-]`, the characters of an entry point's name, as a table of ASCII code units: one load per
 * character where a helper was a call per character (the scan compiles without inlining).
 */
const ENTRY_NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45) ENTRY_NAME_CHAR[c] = 1;
}

/**
 * Whether text[start, end) may be an entry point declaration (entryPointTarget's pattern), tested
 * in place because it runs on every one-line str literal: short, one name before its `=` (spaces
 * around it), then a `:`. Most literals fail at their first space or punctuation; testing only
 * for an `=` and a `:` read every literal without an `=` to its end. Never false where the
 * pattern matches (a property test holds it to that).
 */
export const mayBeEntryPoint = (text: string, start: number, end: number): boolean => {
  if (end - start > 200) return false;
  let i = start;
  let c = text.charCodeAt(i);
  // May be `\s`: every ASCII control character and space, and everything past ASCII (a superset).
  while (i < end && (c <= 32 || c >= 127)) c = text.charCodeAt(++i);
  const name = i;
  while (i < end && c < 128 && ENTRY_NAME_CHAR[c] === 1) c = text.charCodeAt(++i);
  if (i === name) return false;
  while (i < end && (c <= 32 || c >= 127)) c = text.charCodeAt(++i);
  if (i === end || text.charCodeAt(i) !== 61) return false;
  while (i < end && text.charCodeAt(i) !== 58) i++;
  return i < end;
};

/** An entry point declaration `name = pkg.mod:func [extra]`: the `pkg.mod:func` part, or null. */
export const entryPointTarget = (value: string): string | null => {
  const m = /^\s*[\w.-]+\s*=\s*([A-Za-z_][\w.]*:[A-Za-z_][\w.]*)\s*(?:\[[^\]]*\])?\s*$/.exec(value);
  return m ? m[1] : null;
};
