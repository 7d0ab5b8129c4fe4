/**
 * A scanner over Python's token grammar, built for speed: it walks char codes once, jumps over
 * comments and triple-quoted strings with indexOf, and writes tokens into reusable typed arrays
 * (struct of arrays) instead of allocating an object per token.
 *
 * What it gets exactly right, because import statements depend on it:
 * - every string form (strings.ts): single, double, triple-quoted, raw, bytes, any-case
 *   prefixes, Python 2's `ur`, and f-/t-strings with Python 3.12 nesting;
 * - comments, explicit `\` continuations, implicit continuation inside brackets;
 * - logical lines with the indentation of their first physical line (tabs to multiples of 8,
 *   form feed resets), blank and comment-only lines skipped.
 *
 * It never throws: problems (unterminated strings, unbalanced brackets, Python 2 tokens) are
 * recorded with their line and scanning goes on.
 */
import { Buffer } from 'node:buffer';
import { BACKSLASH, DQUOTE, FF, HASH, IDENT_UNIT, LBRACE, LF, RBRACE, SPACE, SQUOTE, TAB, isDigit, isIdentPart, prefixFlag } from './chars.js';
import { StringScanner } from './strings.js';
import { Kind, MAX_WORD_LENGTH, Op, Problem, StringFlag, WORD_ROLE, Word, WordRole, wordAt } from './tokens.js';
import { WARM_UP_SOURCE } from './warm-up.js';

export interface CommentRange {
  start: number;
  end: number;
  line: number;
}

/** Zero code units after the text, so reading a few chars ahead never needs a bounds check. */
const SENTINELS = 8;
const MAX_LEADING_COMMENTS = 64;
/**
 * Room for the tokens and logical lines of a large file from the start (1.4 MB and 0.2 MB per
 * thread). Growing replaces an array the optimised scanner depends on, and V8 throws that
 * compiled code away and compiles the scanner again: growth is for the rare huge file.
 */
const TOKENS_AT_START = 1 << 16;
const LINES_AT_START = 1 << 14;

/** The tokens of one file. Arrays are reused across files: read them before the next scan. */
export class PythonTokens {
  text = '';
  count = 0;
  kind = new Uint8Array(TOKENS_AT_START);
  start = new Int32Array(TOKENS_AT_START);
  end = new Int32Array(TOKENS_AT_START);
  line = new Int32Array(TOKENS_AT_START);
  /** Name: Word id; Op: Op code; String: StringFlag bits with the prefix length. */
  value = new Int32Array(TOKENS_AT_START);
  /** Bracket depth the token sits at (an opening bracket sits at the outer depth). */
  depth = new Int32Array(TOKENS_AT_START);

  lines = 0;
  lineFirst = new Int32Array(LINES_AT_START);
  lineEnd = new Int32Array(LINES_AT_START);
  lineIndent = new Int32Array(LINES_AT_START);
  /** 1 when the logical line has a `;` outside brackets (so it holds several statements). */
  lineSemicolon = new Uint8Array(LINES_AT_START);

  /** Comments before the first token (for the summary). */
  leadingComments: CommentRange[] = [];
  problems: Array<{ problem: Problem; line: number }> = [];
  /** Total number of physical lines. */
  physicalLines = 0;
  /**
   * Lines, and lines that hold code, by extract/metrics.ts's `countLines` rules (a line is code
   * when its first character past spaces, tabs and form feeds is neither its end nor `#`),
   * counted on the scan's own walk; -1 when the text has a CR (the scan reads CRLF as LF, which
   * `countLines` does not).
   */
  lineCount = -1;
  codeLineCount = -1;
  /**
   * Some line starts with `sys.path.` or `sys.path[` past its spaces, tabs and form feeds (in code or inside a
   * string): sys-path.ts reads only such lines, so without one it has nothing to read.
   */
  sysPathLine = false;
  /**
   * The tokens the token pass (sites.ts) looks at, in order: names whose role is
   * WordRole.Noted and str literals that are constants (no f-string, bytes or missing end).
   * Noted while scanning, so that pass visits these (a tenth of the tokens) instead of all.
   */
  notes = new Int32Array(TOKENS_AT_START);
  noteCount = 0;
  /** Names whose role is WordRole.Branch (the complexity count, less the `case` clauses). */
  branchWords = 0;
}

const grow = <T extends Int32Array | Uint8Array>(a: T, size: number): T => {
  const b = new (a.constructor as { new (n: number): T })(size);
  b.set(a);
  return b;
};

const SYS_PATH_DOT = 'sys.path.';

/** `sys.path.` or `sys.path[` (solaar's launcher: `sys.path[0] = location`) at p (its `s` already seen); the zeros after the text end the test there. */
const startsSysPath = (codes: Uint16Array, p: number): boolean => {
  const last = SYS_PATH_DOT.length - 1;
  for (let i = 1; i < last; i++) if (codes[p + i] !== SYS_PATH_DOT.charCodeAt(i)) return false;
  return codes[p + last] === 46 || codes[p + last] === 91;
};

class Scanner extends StringScanner {
  /** A `;` outside brackets was seen on the current logical line. */
  private semicolon = false;
  /** Physical lines counted so far, and those of them that are blank or hold only a comment. */
  private lineCount = 0;
  private nonCodeLines = 0;
  private sysPathLine = false;
  private out: PythonTokens;
  private bracketChar = new Int32Array(64);
  private bracketLine = new Int32Array(64);
  constructor(out: PythonTokens) {
    super();
    this.out = out;
  }

  private loadCodes(text: string): void {
    const needed = text.length + SENTINELS;
    if (this.codes.length < needed) this.codes = new Uint16Array(needed + (needed >> 1));
    const codes = this.codes;
    Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, 0, 'utf16le');
    codes.fill(0, text.length, needed);
  }

  scan(source: string): PythonTokens {
    // One newline convention keeps every inner loop simple; CRLF files pay one native replace.
    const hasCR = source.indexOf('\r') >= 0;
    const text = hasCR ? source.replace(/\r\n?/g, '\n') : source;
    const out = this.out;
    out.text = text;
    out.count = 0;
    out.lines = 0;
    out.leadingComments = [];
    out.problems = [];
    out.noteCount = 0;
    out.branchWords = 0;
    this.text = text;
    this.n = text.length;
    this.lineNo = 1;
    this.semicolon = false;
    this.lineCount = 0;
    this.nonCodeLines = 0;
    this.sysPathLine = false;
    this.loadCodes(text);
    const codes = this.codes;
    const n = this.n;

    let pos = codes[0] === 0xfeff ? 1 : 0;
    // A BOM is the first line's first character, so that line counts as code whatever follows.
    let bomLine = pos === 1;
    if (bomLine) this.lineCount = 1;
    let depth = 0;
    let lineOpen = false;
    let atLineStart = true;
    let indent = 0;
    let lineFirst = 0;
    let opDepth = 0;

    while (pos < n) {
      if (atLineStart) {
        atLineStart = false;
        let col = 0;
        let p = pos;
        for (;;) {
          const c = codes[p];
          if (c === SPACE) col++;
          else if (c === TAB) col = (col & ~7) + 8;
          else if (c === FF) col = 0;
          else break;
          p++;
        }
        pos = p;
        // Every line that starts outside a string starts here (the text's first, or after a line
        // break the loop took): counted for the line counts.
        if (bomLine) bomLine = false;
        else {
          this.lineCount++;
          const first = codes[p];
          if (p >= n || first === LF || first === HASH) this.nonCodeLines++;
          else if (first === 115 && startsSysPath(codes, p)) this.sysPathLine = true;
        }
        if (!lineOpen) {
          const c = codes[p];
          if (p >= n || c === LF) continue;
          if (c === HASH) {
            pos = this.comment(p);
            continue;
          }
          lineOpen = true;
          indent = col;
          lineFirst = out.count;
        } else if (depth > 0 && col === 0 && this.startsStatement(p)) {
          // An unclosed bracket would swallow the rest of the file; a statement keyword at
          // column 0 cannot be inside brackets in valid code, so close the line there.
          this.problem(Problem.UnclosedBracket, this.bracketLine[0]);
          depth = 0;
          this.closeLine(lineFirst, indent);
          indent = 0;
          lineFirst = out.count;
        }
        continue;
      }

      const c = codes[pos];
      if (c === SPACE || c === TAB || c === FF) {
        pos++;
        continue;
      }
      if (c === LF) {
        pos++;
        this.lineNo++;
        if (lineOpen && depth === 0) {
          this.closeLine(lineFirst, indent);
          lineOpen = false;
        }
        atLineStart = true;
        continue;
      }
      if (IDENT_UNIT[c] === 3) {
        pos = this.nameOrString(pos, depth);
        continue;
      }
      if ((c >= 48 && c <= 57) || (c === 46 && isDigit(codes[pos + 1]))) {
        pos = this.number(pos, depth);
        continue;
      }
      switch (c) {
        case DQUOTE:
        case SQUOTE:
          pos = this.string(pos, pos, 0, 0, depth);
          continue;
        case HASH:
          pos = this.comment(pos);
          continue;
        case BACKSLASH: {
          const next = codes[pos + 1];
          if (next === LF) {
            pos += 2;
            this.lineNo++;
            if (pos < n) this.countLineAt(pos);
          } else {
            if (pos + 1 < n) this.problem(Problem.StrayBackslash, this.lineNo);
            pos++;
          }
          continue;
        }
        case 40: // (
        case 91: // [
        case LBRACE:
          if (depth < this.bracketChar.length) {
            this.bracketChar[depth] = c;
            this.bracketLine[depth] = this.lineNo;
          }
          // an opening bracket sits at the outer depth
          opDepth = depth;
          depth++;
          break;
        case 41: // )
        case 93: // ]
        case RBRACE:
          if (depth === 0) {
            this.problem(Problem.UnbalancedClose, this.lineNo);
          } else {
            depth--;
            if (depth < this.bracketChar.length) {
              const open = this.bracketChar[depth];
              if (c - open !== 1 && c - open !== 2) this.problem(Problem.MismatchedBracket, this.lineNo);
            }
          }
          opDepth = depth;
          break;
        case 44: // ,
        case 46: // . (a number's `.5` was taken above; `...` is operator()'s)
          if (c === 46 && codes[pos + 1] === 46) {
            pos = this.operator(pos, c, depth);
            continue;
          }
          opDepth = depth;
          break;
        default:
          pos = this.operator(pos, c, depth);
          continue;
      }
      // A one-character operator whose code is its character's (brackets, `,` and `.`: on saleor
      // three operators in four, two tokens in five): emit() written out, as the scan compiles
      // without inlining (for `,` and `.` it saves operator()'s call too).
      const i = out.count;
      if (i === out.kind.length) this.growTokens();
      out.kind[i] = Kind.Op;
      out.start[i] = pos;
      out.end[i] = pos + 1;
      out.line[i] = this.lineNo;
      out.value[i] = c;
      out.depth[i] = opDepth;
      out.count = i + 1;
      pos++;
    }
    if (lineOpen) this.closeLine(lineFirst, indent);
    if (depth > 0) this.problem(Problem.UnclosedBracket, this.bracketLine[0]);
    out.physicalLines = this.lineNo;
    out.lineCount = hasCR ? -1 : this.lineCount;
    out.codeLineCount = hasCR ? -1 : this.lineCount - this.nonCodeLines;
    out.sysPathLine = this.sysPathLine;
    return out;
  }

  /** Counts the line that starts at s (s < n): code unless blank or a comment alone. */
  private countLineAt(s: number): void {
    const codes = this.codes;
    let p = s;
    for (;;) {
      const c = codes[p];
      if (c === SPACE || c === TAB || c === FF) p++;
      else break;
    }
    this.lineCount++;
    const first = codes[p];
    if (p >= this.n || first === LF || first === HASH) this.nonCodeLines++;
    else if (first === 115 && startsSysPath(codes, p)) this.sysPathLine = true;
  }

  /** Counts the lines that start inside a string token [from, to): one after each line break it holds. */
  private countLinesIn(from: number, to: number): void {
    const text = this.text;
    const n = this.n;
    let p = text.indexOf('\n', from);
    while (p >= 0 && p < to) {
      if (p + 1 < n) this.countLineAt(p + 1);
      p = text.indexOf('\n', p + 1);
    }
  }

  protected problem(problem: Problem, line: number): void {
    if (this.out.problems.length < 1000) this.out.problems.push({ problem, line });
  }

  private emit(kind: number, start: number, end: number, value: number, depth: number, line = this.lineNo): void {
    const out = this.out;
    const i = out.count;
    if (i === out.kind.length) this.growTokens();
    out.kind[i] = kind;
    out.start[i] = start;
    out.end[i] = end;
    out.line[i] = line;
    out.value[i] = value;
    out.depth[i] = depth;
    out.count = i + 1;
  }

  /** Doubles the token arrays (a file of more tokens than TOKENS_AT_START). */
  private growTokens(): void {
    const out = this.out;
    const size = out.kind.length * 2;
    out.kind = grow(out.kind, size);
    out.start = grow(out.start, size);
    out.end = grow(out.end, size);
    out.line = grow(out.line, size);
    out.value = grow(out.value, size);
    out.depth = grow(out.depth, size);
  }

  /** Notes the token about to be emitted (see PythonTokens.notes). */
  private note(): void {
    const out = this.out;
    const i = out.noteCount;
    if (i === out.notes.length) out.notes = grow(out.notes, i * 2);
    out.notes[i] = out.count;
    out.noteCount = i + 1;
  }

  private closeLine(first: number, indent: number): void {
    const out = this.out;
    if (out.count === first) return;
    const i = out.lines;
    if (i === out.lineFirst.length) {
      const size = i * 2;
      out.lineFirst = grow(out.lineFirst, size);
      out.lineEnd = grow(out.lineEnd, size);
      out.lineIndent = grow(out.lineIndent, size);
      out.lineSemicolon = grow(out.lineSemicolon, size);
    }
    out.lineFirst[i] = first;
    out.lineEnd[i] = out.count;
    out.lineIndent[i] = indent;
    out.lineSemicolon[i] = this.semicolon ? 1 : 0;
    this.semicolon = false;
    out.lines = i + 1;
  }

  /** True when text at p starts a statement that cannot occur inside brackets. */
  private startsStatement(p: number): boolean {
    const t = this.text;
    const codes = this.codes;
    const wordThenSpace = (w: string): boolean => {
      if (!t.startsWith(w, p)) return false;
      const c = codes[p + w.length];
      return c === SPACE || c === TAB;
    };
    if (wordThenSpace('def') || wordThenSpace('class') || wordThenSpace('import')) return true;
    if (!wordThenSpace('from')) return false;
    const eol = t.indexOf('\n', p);
    return t.slice(p, eol < 0 ? this.n : eol).includes(' import ');
  }

  private comment(pos: number): number {
    const end = this.text.indexOf('\n', pos);
    const stop = end < 0 ? this.n : end;
    const out = this.out;
    if (out.count === 0 && out.leadingComments.length < MAX_LEADING_COMMENTS) {
      out.leadingComments.push({ start: pos, end: stop, line: this.lineNo });
    }
    return stop;
  }

  private nameOrString(pos: number, depth: number): number {
    const text = this.text;
    const codes = this.codes;
    const ident = IDENT_UNIT;
    let p = pos + 1; // the caller saw that pos starts a name
    while (ident[codes[p]] !== 0) p++;
    const len = p - pos;
    if (len <= 2) {
      const q = codes[p];
      if (q === DQUOTE || q === SQUOTE) {
        const f1 = prefixFlag(codes[pos]);
        const f2 = len === 2 ? prefixFlag(codes[pos + 1]) : 128;
        if (f1 !== 0 && f2 !== 0) {
          let flags = (f1 | f2) & 127;
          if (len === 2 && (codes[pos] | 32) === 117 && (codes[pos + 1] | 32) === 114) {
            flags |= StringFlag.UnicodeRaw;
            this.problem(Problem.Py2UrPrefix, this.lineNo);
          }
          return this.string(pos, p, flags, len, depth);
        }
      }
    }
    // wordKey(len, first, last) written out: a call per name, as the scan compiles without inlining (a test holds the two to one key).
    const word = len > MAX_WORD_LENGTH ? Word.None : wordAt(text, pos, p, (codes[pos] * 31 + codes[p - 1]) * 31 + len);
    if (word !== Word.None) {
      const role = WORD_ROLE[word];
      if (role === WordRole.Branch) this.out.branchWords++;
      else if (role === WordRole.Noted) this.note();
    }
    // emit() written out: names are half of all tokens, and the scan compiles without inlining.
    const out = this.out;
    const i = out.count;
    if (i === out.kind.length) this.growTokens();
    out.kind[i] = Kind.Name;
    out.start[i] = pos;
    out.end[i] = p;
    out.line[i] = this.lineNo;
    out.value[i] = word;
    out.depth[i] = depth;
    out.count = i + 1;
    return p;
  }

  private number(pos: number, depth: number): number {
    const codes = this.codes;
    let p = pos;
    const first = codes[p];
    const second = codes[p + 1] | 32;
    // Digits are tested in place (`c >= 48 && c <= 57`), not by isDigit: a call per digit, as the scan compiles without inlining.
    if (first === 48 && (second === 120 || second === 111 || second === 98)) {
      p += 2;
      for (;;) {
        const c = codes[p];
        if ((c >= 48 && c <= 57) || c === 95 || ((c | 32) >= 97 && (c | 32) <= 102)) p++;
        else break;
      }
    } else {
      for (let c = codes[p]; (c >= 48 && c <= 57) || c === 95; c = codes[p]) p++;
      const intEnd = p;
      if (codes[p] === 46) {
        p++;
        for (let c = codes[p]; (c >= 48 && c <= 57) || c === 95; c = codes[p]) p++;
      }
      if ((codes[p] | 32) === 101) {
        const sign = codes[p + 1];
        let digits = -1;
        if (isDigit(sign)) digits = p + 1;
        else if ((sign === 43 || sign === 45) && isDigit(codes[p + 2])) digits = p + 2;
        if (digits > 0) {
          p = digits;
          for (let c = codes[p]; (c >= 48 && c <= 57) || c === 95; c = codes[p]) p++;
        }
      }
      if (first === 48 && intEnd === p && intEnd - pos > 1) {
        // Python 2 octal (0777): a leading zero followed by non-zero digits.
        for (let i = pos + 1; i < intEnd; i++) {
          if (codes[i] !== 48 && codes[i] !== 95) {
            this.problem(Problem.Py2Octal, this.lineNo);
            break;
          }
        }
      }
    }
    const suffix = codes[p] | 32;
    if (suffix === 106) p++; // imaginary j
    else if (suffix === 108 && !isIdentPart(codes[p + 1])) {
      this.problem(Problem.Py2LongSuffix, this.lineNo);
      p++;
    }
    this.emit(Kind.Number, pos, p, 0, depth);
    return p;
  }

  private operator(pos: number, c: number, depth: number): number {
    const codes = this.codes;
    const next = codes[pos + 1];
    let len = 1;
    let code: number = Op.Other;
    switch (c) {
      case 59: // ;
        if (depth === 0) this.semicolon = true;
        code = c;
        break;
      case 44: // ,
        code = c;
        break;
      case 46: // .
        if (next === 46 && codes[pos + 2] === 46) {
          len = 3;
          code = Op.Ellipsis;
        } else code = Op.Dot;
        break;
      case 58: // :
        if (next === 61) {
          len = 2;
          code = Op.Walrus;
        } else code = Op.Colon;
        break;
      case 61: // =
        if (next === 61) {
          len = 2;
          code = Op.Equal;
        } else code = Op.Assign;
        break;
      case 60: // <
      case 62: // >
        if (next === c) {
          if (codes[pos + 2] === 61) {
            len = 3;
            code = Op.AugAssign;
          } else {
            len = 2;
            code = c === 62 ? Op.ShiftRight : Op.Compare;
          }
        } else if (next === 61) {
          len = 2;
          code = Op.Compare;
        } else if (c === 60 && next === 62) {
          len = 2;
          code = Op.NotEqualPy2;
          this.problem(Problem.Py2NotEqual, this.lineNo);
        } else code = Op.Compare;
        break;
      case 33: // !
        if (next === 61) {
          len = 2;
          code = Op.Compare;
        }
        break;
      case 45: // -
        if (next === 62) {
          len = 2;
          code = Op.Arrow;
        } else if (next === 61) {
          len = 2;
          code = Op.AugAssign;
        }
        break;
      case 42: // *
      case 47: // /
        if (next === c) {
          if (codes[pos + 2] === 61) {
            len = 3;
            code = Op.AugAssign;
          } else {
            len = 2;
            code = Op.Compare;
          }
        } else if (next === 61) {
          len = 2;
          code = Op.AugAssign;
        } else code = c === 42 ? Op.Star : Op.Other;
        break;
      case 43: // +
      case 37: // %
      case 38: // &
      case 124: // |
      case 94: // ^
      case 64: // @
        if (next === 61) {
          len = 2;
          code = Op.AugAssign;
        } else code = c === 64 ? Op.At : Op.Other;
        break;
      case 126: // ~
        break;
      case 96: // `
        code = Op.Backtick;
        this.problem(Problem.Py2Backtick, this.lineNo);
        break;
      default:
        this.problem(Problem.BadCharacter, this.lineNo);
    }
    this.emit(Kind.Op, pos, pos + len, code, depth);
    return pos + len;
  }

  /** A string token starting at tokStart (prefix) whose opening quote is at quotePos. */
  private string(tokStart: number, quotePos: number, prefixFlags: number, prefixLen: number, depth: number): number {
    const line = this.lineNo;
    this.unterminated = false;
    let flags = prefixFlags;
    const end = this.stringBody(quotePos, flags, 0);
    if (this.lineNo !== line) this.countLinesIn(tokStart, end);
    const codes = this.codes;
    const q = codes[quotePos];
    if (codes[quotePos + 1] === q && codes[quotePos + 2] === q) flags |= StringFlag.Triple;
    if (this.unterminated) {
      flags |= StringFlag.Unterminated;
      this.problem(flags & StringFlag.Triple ? Problem.UnterminatedTripleString : Problem.UnterminatedString, line);
    }
    if ((flags & (StringFlag.Formatted | StringFlag.Bytes | StringFlag.Unterminated)) === 0) this.note();
    this.emit(Kind.String, tokStart, end, flags | (prefixLen << StringFlag.PrefixShift), depth, line);
    return end;
  }
}

const shared = new PythonTokens();
const scanner = new Scanner(shared);

/**
 * Type feedback for every branch before V8 first compiles the scanner (see warm-up.ts). V8
 * collects feedback only once a function has run for a while, hence more than one pass. Called
 * by the extractor's warm-up, not as this module loads: a process that extracts no Python file
 * (payload's scan, a cached re-run) loads it all the same, and paid 3-6 ms CPU for nothing.
 */
export const warmUpScanner = (): void => {
  for (let i = 0; i < 4; i++) scanner.scan(WARM_UP_SOURCE);
};

/**
 * Tokenizes Python source. The result is shared and overwritten by the next call: extract what
 * you need before tokenizing another file (extraction is synchronous, so this is safe per worker).
 */
export const tokenize = (text: string): PythonTokens => scanner.scan(text);

/** Where a string token's content starts and ends (inside the quotes). */
export const stringContent = (tokens: PythonTokens, i: number): { start: number; end: number } => {
  const flags = tokens.value[i];
  const quote = flags & StringFlag.Triple ? 3 : 1;
  const start = tokens.start[i] + (flags >> StringFlag.PrefixShift) + quote;
  const end = flags & StringFlag.Unterminated ? tokens.end[i] : tokens.end[i] - quote;
  return { start, end: Math.max(start, end) };
};
