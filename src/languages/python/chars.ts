/** Character classes for the Python scanner, on UTF-16 code units. */
import { StringFlag } from './tokens.js';

export const LF = 10;
export const TAB = 9;
export const FF = 12;
export const SPACE = 32;
export const DQUOTE = 34;
export const HASH = 35;
export const DOT = 46;
export const SQUOTE = 39;
export const BACKSLASH = 92;
export const LBRACE = 123;
export const RBRACE = 125;

/** 1: may continue an identifier, 2: may start one (bit 1 also set). Non-ASCII counts as both. */
export const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) IDENT[c] = 3;
  else if (/[0-9]/.test(ch)) IDENT[c] = 1;
}
/**
 * IDENT extended to every UTF-16 code unit, so the scanner's identifier loop is one table load
 * per char with no branch on the range: non-ASCII continues and starts a name, but for the two
 * spaces Python does not count as letters (U+FEFF, U+00A0).
 */
export const IDENT_UNIT = new Uint8Array(65536);
IDENT_UNIT.set(IDENT);
IDENT_UNIT.fill(3, 128);
IDENT_UNIT[0xfeff] = 0;
IDENT_UNIT[0xa0] = 0;
// `c >= 128` keeps NaN (charCodeAt past the end) out as well.
export const isIdentPart = (c: number): boolean => (c < 128 ? IDENT[c] !== 0 : c >= 128 && c !== 0xfeff && c !== 0xa0);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** String prefix letter → flag bits; 0 for letters that are no prefix. */
export const prefixFlag = (c: number): number => {
  switch (c | 32) {
    case 114: // r
      return StringFlag.Raw;
    case 98: // b
      return StringFlag.Bytes;
    case 102: // f
    case 116: // t
      return StringFlag.Formatted;
    case 117: // u
      return 128; // a valid prefix with no meaning of its own in Python 3
    default:
      return 0;
  }
};
