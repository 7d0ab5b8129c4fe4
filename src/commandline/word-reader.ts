/**
 * The tokenizer and word reader under the shell parser: blanks, comments, continuations,
 * operators (with fd numbers), here-document bodies (skipped), and words with their quoting and
 * expansions. `$( … )` and backticks hand back to the grammar (parse.ts) through the abstract hooks,
 * since the commands inside them run.
 */
import type { ParseProblem, Part, Script, Word } from './ast.js';
import { decodeAnsiC, isBlank, isDigit, isMeta, isNameChar, isNameStart, lineAt, newlineOffsets, operatorAt, skipBalanced } from './lexer.js';

export type Token =
  | { t: 'word'; word: Word; start: number; end: number }
  | { t: 'op'; op: string; start: number; end: number }
  | { t: 'nl'; start: number; end: number }
  | { t: 'eof'; start: number; end: number };

/** Nesting beyond this is read flat: hostile input must not exhaust the stack. */
export const MAX_DEPTH = 60;
const PARAM_OPS = [':-', ':=', ':+', ':?', '%%', '##', '//', '^^', ',,', '-', '=', '+', '?', '%', '#', '/', '^', ',', ':', '@'];

export abstract class WordReader {
  protected pos = 0;
  protected buffered: Token | null = null;
  protected readonly newlines: number[];
  protected readonly heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  logicalOps = 0;

  constructor(
    protected readonly text: string,
    protected readonly firstLine: number,
    readonly problems: ParseProblem[],
    protected depth: number,
  ) {
    this.newlines = newlineOffsets(text);
  }

  protected line(pos: number): number {
    return lineAt(this.newlines, pos, this.firstLine);
  }

  protected problem(pos: number, message: string): void {
    this.problems.push({ line: this.line(pos), message });
  }

  // ---- tokens -------------------------------------------------------------------------------

  protected peek(): Token {
    if (this.buffered === null) this.buffered = this.lex();
    return this.buffered;
  }

  protected take(): Token {
    const t = this.peek();
    this.buffered = null;
    return t;
  }

  private lex(): Token {
    const text = this.text;
    for (;;) {
      while (this.pos < text.length && isBlank(text[this.pos])) this.pos++;
      if (text[this.pos] === '\\' && text[this.pos + 1] === '\n') this.pos += 2;
      else if (text[this.pos] === '\\' && text[this.pos + 1] === '\r' && text[this.pos + 2] === '\n') this.pos += 3;
      else break;
    }
    const start = this.pos;
    if (start >= text.length) return { t: 'eof', start, end: start };
    const c = text[start];
    if (c === '#') {
      const end = text.indexOf('\n', start);
      this.pos = end < 0 ? text.length : end;
      return this.lex();
    }
    if (c === '\n') {
      this.pos++;
      if (this.heredocs.length > 0) this.skipHeredocBodies();
      return { t: 'nl', start, end: start + 1 };
    }
    if ((c === '<' || c === '>') && text[start + 1] === '(') return this.wordToken(start);
    let opAt = start;
    if (isDigit(c)) {
      let fd = start + 1;
      while (fd < text.length && isDigit(text[fd])) fd++;
      if (text[fd] === '<' || text[fd] === '>') opAt = fd;
    }
    if (opAt !== start || isMeta(c)) {
      const op = operatorAt(text, opAt);
      this.pos = opAt + op.length;
      return { t: 'op', op, start, end: this.pos };
    }
    return this.wordToken(start);
  }

  private wordToken(start: number): Token {
    const word = this.readWord(false);
    return { t: 'word', word, start, end: this.pos };
  }

  private skipHeredocBodies(): void {
    const text = this.text;
    for (const doc of this.heredocs.splice(0)) {
      for (;;) {
        if (this.pos >= text.length) return;
        let end = text.indexOf('\n', this.pos);
        if (end < 0) end = text.length;
        let lineText = text.slice(this.pos, end).replace(/\r$/, '');
        if (doc.stripTabs) lineText = lineText.replace(/^\t+/, '');
        this.pos = Math.min(end + 1, text.length);
        if (lineText === doc.delimiter) break;
      }
    }
  }

  // ---- words --------------------------------------------------------------------------------

  /** Reads one word from `pos`. With `whole`, metacharacters are literal (operands of `${x:-…}`). */
  protected readWord(whole: boolean): Word {
    const text = this.text;
    const start = this.pos;
    const parts: Part[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit !== '') parts.push({ type: 'lit', text: lit, quoted: false });
      lit = '';
    };
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (!whole && isMeta(c)) {
        if ((c === '<' || c === '>') && text[this.pos + 1] === '(' && this.pos === start) {
          this.pos += 2;
          parts.push(this.readSubstitution(start, 'opaque', false));
          continue;
        }
        if (c === '(' && parts.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(lit)) {
          const end = skipBalanced(text, this.pos + 1, '(', ')');
          if (end < 0) this.problem(this.pos, 'unterminated array "(" in assignment');
          this.pos = end < 0 ? text.length : end;
          flush();
          parts.push({ type: 'opaque', raw: text.slice(start, this.pos), quoted: false });
          continue;
        }
        break;
      }
      if (c === '\\') {
        const n = text[this.pos + 1];
        if (n === '\n') this.pos += 2;
        else if (n === '\r' && text[this.pos + 2] === '\n') this.pos += 3;
        else if (n === undefined) {
          lit += '\\';
          this.pos++;
        } else {
          flush();
          parts.push({ type: 'lit', text: n, quoted: true });
          this.pos += 2;
        }
      } else if (c === "'") {
        flush();
        const end = text.indexOf("'", this.pos + 1);
        if (end < 0) this.problem(this.pos, 'unterminated single quote');
        const stop = end < 0 ? text.length : end;
        parts.push({ type: 'lit', text: text.slice(this.pos + 1, stop), quoted: true });
        this.pos = end < 0 ? text.length : end + 1;
      } else if (c === '"') {
        flush();
        this.readDoubleQuoted(parts);
      } else if (c === '`') {
        flush();
        parts.push(this.readBackticks(false));
      } else if (c === '$') {
        flush();
        parts.push(this.readDollar(false));
      } else {
        let j = this.pos + 1;
        while (j < text.length) {
          const d = text[j];
          if (d === '\\' || d === "'" || d === '"' || d === '`' || d === '$' || (!whole && isMeta(d))) break;
          j++;
        }
        lit += text.slice(this.pos, j);
        this.pos = j;
      }
    }
    flush();
    return { parts, raw: text.slice(start, this.pos), line: this.line(start) };
  }

  private readDoubleQuoted(parts: Part[]): void {
    const text = this.text;
    const open = this.pos;
    this.pos++;
    let lit = '';
    const flush = (): void => {
      if (lit !== '') parts.push({ type: 'lit', text: lit, quoted: true });
      lit = '';
    };
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '"') {
        this.pos++;
        flush();
        // An empty "" is still a word.
        if (parts.length === 0) parts.push({ type: 'lit', text: '', quoted: true });
        return;
      }
      if (c === '\\') {
        const n = text[this.pos + 1];
        if (n === '\n') this.pos += 2;
        else if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
        } else {
          lit += '\\';
          this.pos++;
        }
      } else if (c === '$') {
        flush();
        parts.push(this.readDollar(true));
      } else if (c === '`') {
        flush();
        parts.push(this.readBackticks(true));
      } else {
        let j = this.pos + 1;
        while (j < text.length && text[j] !== '"' && text[j] !== '\\' && text[j] !== '$' && text[j] !== '`') j++;
        lit += text.slice(this.pos, j);
        this.pos = j;
      }
    }
    this.problem(open, 'unterminated double quote');
    flush();
  }

  private readDollar(quoted: boolean): Part {
    const text = this.text;
    const start = this.pos;
    const n = text[start + 1];
    if (n === '(' && text[start + 2] === '(') {
      const end = skipBalanced(text, start + 3, '(', ')', 2);
      if (end < 0) this.problem(start, 'unterminated $((');
      this.pos = end < 0 ? text.length : end;
      return { type: 'opaque', raw: text.slice(start, this.pos), quoted };
    }
    if (n === '(') {
      this.pos += 2;
      return this.readSubstitution(start, 'cmdsub', quoted);
    }
    if (n === '{') return this.readBraceParam(quoted);
    if (!quoted && n === "'") {
      let j = start + 2;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) this.problem(start, "unterminated $' quote");
      this.pos = Math.min(j + 1, text.length);
      return { type: 'lit', text: decodeAnsiC(text.slice(start + 2, Math.min(j, text.length))), quoted: true };
    }
    if (!quoted && n === '"') {
      this.pos++;
      const parts: Part[] = [];
      this.readDoubleQuoted(parts);
      // $"…" is a translatable string: a single part when literal, otherwise kept opaque.
      return parts.length === 1 ? parts[0] : { type: 'opaque', raw: text.slice(start, this.pos), quoted: true };
    }
    if (n !== undefined && isNameStart(n)) {
      let j = start + 2;
      while (j < text.length && isNameChar(text[j])) j++;
      this.pos = j;
      return { type: 'param', name: text.slice(start + 1, j), op: '', arg: null, quoted, raw: text.slice(start, j) };
    }
    if (n !== undefined && (isDigit(n) || '@*#?$!-'.includes(n))) {
      this.pos = start + 2;
      return { type: 'param', name: n, op: '', arg: null, quoted, raw: text.slice(start, start + 2) };
    }
    this.pos++;
    return { type: 'lit', text: '$', quoted };
  }

  /** `$(` or `<(` already consumed: parse the commands up to the matching `)`. */
  private readSubstitution(start: number, type: 'cmdsub' | 'opaque', quoted: boolean): Part {
    if (this.depth >= MAX_DEPTH) {
      const end = skipBalanced(this.text, this.pos, '(', ')');
      if (end < 0) this.problem(start, 'unterminated $(');
      this.pos = end < 0 ? this.text.length : end;
      return { type: 'opaque', raw: this.text.slice(start, this.pos), quoted };
    }
    const saved = this.buffered;
    this.buffered = null;
    const body = this.parseUntilCloseParen();
    const close = this.take();
    if (close.t !== 'op' || close.op !== ')') {
      this.problem(start, `unterminated ${this.text.slice(start, start + 2)}`);
      this.pos = this.text.length;
    }
    this.buffered = saved;
    const raw = this.text.slice(start, this.pos);
    if (type === 'cmdsub') return { type: 'cmdsub', body, quoted, raw };
    return { type: 'opaque', body, quoted, raw };
  }

  private readBackticks(quoted: boolean): Part {
    const text = this.text;
    const start = this.pos;
    let inner = '';
    let j = start + 1;
    while (j < text.length && text[j] !== '`') {
      if (text[j] === '\\' && (text[j + 1] === '`' || text[j + 1] === '\\' || text[j + 1] === '$')) {
        inner += text[j + 1];
        j += 2;
      } else inner += text[j++];
    }
    if (j >= text.length) this.problem(start, 'unterminated backtick');
    this.pos = Math.min(j + 1, text.length);
    const raw = text.slice(start, this.pos);
    if (this.depth >= MAX_DEPTH) return { type: 'opaque', raw, quoted };
    const body = this.parseNested(inner, this.line(start));
    return { type: 'cmdsub', body, quoted, raw };
  }

  private readBraceParam(quoted: boolean): Part {
    const text = this.text;
    const start = this.pos;
    const end = skipBalanced(text, start + 2, '{', '}');
    if (end < 0) this.problem(start, 'unterminated ${');
    this.pos = end < 0 ? text.length : end;
    const raw = text.slice(start, this.pos);
    const inner = text.slice(start + 2, end < 0 ? text.length : end - 1);
    let i = 0;
    if (inner[0] === '!' || (inner[0] === '#' && inner.length > 1)) return { type: 'opaque', raw, quoted };
    if (isNameStart(inner[0] ?? '')) while (i < inner.length && isNameChar(inner[i])) i++;
    else if (isDigit(inner[0] ?? '')) while (i < inner.length && isDigit(inner[i])) i++;
    else if ('@*#?$!-'.includes(inner[0] ?? ' ')) i = 1;
    if (i === 0) return { type: 'opaque', raw, quoted };
    const name = inner.slice(0, i);
    if (inner[i] === '[') {
      const close = inner.indexOf(']', i);
      const index = close < 0 ? '' : inner.slice(i + 1, close);
      // ${BASH_SOURCE[0]} is the script; other subscripts are array elements census does not track.
      if (close < 0 || (index !== '0' && !(name === 'BASH_SOURCE' && index === '@'))) return { type: 'opaque', raw, quoted };
      i = close + 1;
    }
    const rest = inner.slice(i);
    if (rest === '') return { type: 'param', name, op: '', arg: null, quoted, raw };
    const op = PARAM_OPS.find((o) => rest.startsWith(o));
    if (!op) return { type: 'opaque', raw, quoted };
    const argText = rest.slice(op.length);
    const arg = this.readNestedWord(argText, this.line(start));
    return { type: 'param', name, op, arg, quoted, raw };
  }

  /** The commands of a `$( … )` or `<( … )`, up to (not including) the closing `)`. */
  protected abstract parseUntilCloseParen(): Script;

  /** Backtick contents, unescaped: a script of their own, starting on `firstLine`. */
  protected abstract parseNested(text: string, firstLine: number): Script;

  /** The operand of `${X:-…}`: one word, blanks included. */
  protected abstract readNestedWord(text: string, firstLine: number): Word;
}
