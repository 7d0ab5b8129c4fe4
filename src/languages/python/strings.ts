/**
 * Every form of Python string literal, scanned to its end: single, double and triple quotes,
 * raw, bytes, and f-/t-strings with Python 3.12 nesting (the same quotes inside replacement
 * fields, nested fields in format specs, comments inside fields). Only the extent matters here;
 * values are read later (literals.ts) for the few strings that need one.
 */
import { BACKSLASH, DQUOTE, HASH, IDENT_UNIT, LBRACE, LF, RBRACE, SQUOTE, isIdentPart, prefixFlag } from './chars.js';
import { Problem, StringFlag } from './tokens.js';

/** Deeper f-string nesting than this is hostile input, not code. */
const MAX_FSTRING_NESTING = 64;

export abstract class StringScanner {
  protected text = '';
  /**
   * The text's UTF-16 code units: indexing a typed array is markedly faster than charCodeAt.
   * Reused across files; zeros past the end stop every loop that reads ahead.
   */
  protected codes = new Uint16Array(1 << 20);
  protected n = 0;
  protected lineNo = 1;
  /** Set when the string being scanned (or one nested in it) has no end. */
  protected unterminated = false;

  protected abstract problem(problem: Problem, line: number): void;

  /** Scans a string whose opening quote is at quotePos; returns the position after it. */
  protected stringBody(quotePos: number, flags: number, nesting: number): number {
    const codes = this.codes;
    const q = codes[quotePos];
    const triple = codes[quotePos + 1] === q && codes[quotePos + 2] === q;
    // An empty single-quoted string `''` looks like the start of a triple: the third char decides.
    const bodyStart = quotePos + (triple ? 3 : 1);
    if (flags & StringFlag.Formatted) return this.formattedBody(bodyStart, q, triple, (flags & StringFlag.Raw) !== 0, nesting);
    return triple ? this.tripleBody(bodyStart, q) : this.singleBody(bodyStart, q);
  }

  protected singleBody(p: number, q: number): number {
    const codes = this.codes;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.unterminated = true;
        return n;
      }
      const c = codes[p];
      if (c === q) return p + 1;
      if (c === BACKSLASH) {
        if (codes[p + 1] === LF) this.lineNo++;
        p += 2;
        continue;
      }
      if (c === LF) {
        this.unterminated = true;
        return p;
      }
      p++;
    }
  }

  protected tripleBody(bodyStart: number, q: number): number {
    const text = this.text;
    const codes = this.codes;
    const quote = q === DQUOTE ? '"' : "'";
    let p = bodyStart;
    for (;;) {
      const k = text.indexOf(quote, p);
      if (k < 0) {
        this.countNewlines(bodyStart, this.n);
        this.unterminated = true;
        return this.n;
      }
      let b = k - 1;
      while (b >= bodyStart && codes[b] === BACKSLASH) b--;
      if (((k - 1 - b) & 1) === 0 && codes[k + 1] === q && codes[k + 2] === q) {
        this.countNewlines(bodyStart, k);
        return k + 3;
      }
      p = k + 1;
    }
  }

  protected countNewlines(from: number, to: number): void {
    const text = this.text;
    let p = text.indexOf('\n', from);
    while (p >= 0 && p < to) {
      this.lineNo++;
      p = text.indexOf('\n', p + 1);
    }
  }

  /** The literal part of an f-string: text, `{{`/`}}` escapes and replacement fields. */
  protected formattedBody(p: number, q: number, triple: boolean, raw: boolean, nesting: number): number {
    const text = this.text;
    const codes = this.codes;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.unterminated = true;
        return n;
      }
      const c = codes[p];
      if (c === q) {
        if (!triple) return p + 1;
        if (codes[p + 1] === q && codes[p + 2] === q) return p + 3;
        p++;
      } else if (c === BACKSLASH) {
        const next = codes[p + 1];
        if (next === LF) {
          this.lineNo++;
          p += 2;
        } else if (next === LBRACE || next === RBRACE) {
          p++; // the brace keeps its meaning after a backslash
        } else if (!raw && next === 78 && codes[p + 2] === LBRACE) {
          const close = text.indexOf('}', p + 3); // \N{NAME} is an escape, not a field
          const eol = text.indexOf('\n', p + 3);
          p = close < 0 || (eol >= 0 && eol < close) ? p + 3 : close + 1;
        } else p += 2;
      } else if (c === LF) {
        if (!triple) {
          this.unterminated = true;
          return p;
        }
        this.lineNo++;
        p++;
      } else if (c === LBRACE) {
        if (codes[p + 1] === LBRACE) p += 2;
        else p = this.fieldBody(p + 1, q, triple, raw, nesting + 1);
      } else p++;
    }
  }

  /** A replacement field's expression, up to and including its closing `}`. */
  protected fieldBody(p: number, q: number, triple: boolean, raw: boolean, nesting: number): number {
    const text = this.text;
    const codes = this.codes;
    const n = this.n;
    if (nesting > MAX_FSTRING_NESTING) {
      this.problem(Problem.FStringTooDeep, this.lineNo);
      this.countNewlines(p, n);
      this.unterminated = true;
      return n;
    }
    let depth = 0;
    for (;;) {
      if (p >= n) {
        this.unterminated = true;
        return n;
      }
      const c = codes[p];
      switch (c) {
        case LF:
          this.lineNo++;
          p++;
          break;
        case HASH: {
          const eol = text.indexOf('\n', p);
          p = eol < 0 ? n : eol;
          break;
        }
        case 40:
        case 91:
        case LBRACE:
          depth++;
          p++;
          break;
        case 41:
        case 93:
          if (depth > 0) depth--;
          p++;
          break;
        case RBRACE:
          if (depth === 0) return p + 1;
          depth--;
          p++;
          break;
        case 58: // : starts the format spec at the field's own level
          if (depth === 0) return this.formatSpec(p + 1, q, triple, raw, nesting);
          p++;
          break;
        case DQUOTE:
        case SQUOTE:
          p = this.stringBody(p, 0, nesting);
          break;
        case BACKSLASH:
          if (codes[p + 1] === LF) this.lineNo++;
          p += 2;
          break;
        default:
          if (IDENT_UNIT[c] === 3) p = this.nameInField(p, nesting);
          else p++;
      }
    }
  }

  /** A name inside a field; a string prefix followed by a quote starts a nested string. */
  protected nameInField(p: number, nesting: number): number {
    const codes = this.codes;
    const start = p;
    while (p < this.n && isIdentPart(codes[p])) p++;
    const len = p - start;
    const q = codes[p];
    if (len <= 2 && (q === DQUOTE || q === SQUOTE)) {
      const f1 = prefixFlag(codes[start]);
      const f2 = len === 2 ? prefixFlag(codes[start + 1]) : 128;
      if (f1 !== 0 && f2 !== 0) return this.stringBody(p, (f1 | f2) & 127, nesting);
    }
    return p;
  }

  /** A format spec: literal text with nested fields, ended by the field's `}`. */
  protected formatSpec(p: number, q: number, triple: boolean, raw: boolean, nesting: number): number {
    const codes = this.codes;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.unterminated = true;
        return n;
      }
      const c = codes[p];
      if (c === RBRACE) return p + 1;
      if (c === LBRACE) {
        p = this.fieldBody(p + 1, q, triple, raw, nesting + 1);
      } else if (c === q) {
        // The enclosing string's quote cannot be part of a spec: let the string end here.
        if (!triple || (codes[p + 1] === q && codes[p + 2] === q)) return p;
        p++;
      } else if (c === LF) {
        if (!triple) return p;
        this.lineNo++;
        p++;
      } else if (c === BACKSLASH) {
        if (codes[p + 1] === LF) this.lineNo++;
        p += 2;
      } else p++;
    }
  }
}
