/**
 * Just enough of TSRX's syntax to find its component bodies. A .tsrx file is TypeScript (with JSX)
 * in which a function's body may be a template: `function Greeting(props) @{ … }` (an arrow's too,
 * `() => @{ … }`), whose statements mix code with markup statements (`<h1>{label}</h1>`, `if (x) {
 * <p/> }`) that a @tsrx compiler turns into JavaScript. Everything outside such bodies is plain
 * TypeScript/JSX, which is where a module's `import`/`export` statements are. The scanner walks
 * the code (strings, template literals, comments, regular expressions, brackets, JSX elements) to
 * find each outermost `@{` and its closing brace. Inside markup, an element's children may be
 * statements or JSX text: `<` before a name is always a tag there, a quote that does not close on
 * its line is text (`Don't`), and a `}` with no opener ends the children, so a misread element
 * cannot carry the body's end away.
 *
 * Comments end where languages/javascript/text-skips.ts says, as in the other tolerant scanners;
 * strings and regular expressions do not, on purpose: markup text is not code, so a quote or `/`
 * that does not close on its line is a character of text here (`Don't`), not a literal to its
 * line's end, and a template literal's `${…}` is read as code (a backtick or brace in it must not end
 * the literal early), where text-skips.ts takes the literal whole.
 */
import { commentEnd } from '../javascript/text-skips.js';

export interface TsrxBody {
  /** Offset of the `@`, and just past the body's closing `}`. */
  start: number;
  end: number;
}

export interface TsrxScan {
  bodies: TsrxBody[];
  problems: { offset: number; message: string }[];
}

/** Raw-text elements: their content is CSS or script text, read up to the closing tag. */
const RAW_TEXT = new Set(['style', 'script']);
/** Words after which an expression (a tag, a regular expression) may start. */
const EXPRESSION_KEYWORDS = new Set(['return', 'yield', 'await', 'else', 'do', 'case', 'typeof', 'void', 'delete', 'in', 'of', 'new', 'throw', 'instanceof']);

const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_$]/.test(c);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/** What ends a scan of code: a bracket's closer, the end of an element's children (`</`), or the end of the text. */
type Closer = ')' | ']' | '}' | 'children' | 'eof';

class Scanner {
  readonly bodies: TsrxBody[] = [];
  readonly problems: { offset: number; message: string }[] = [];
  private inBody = 0;

  constructor(private readonly text: string) {}

  /** Whether the code before `i` (past spaces and comments it has already passed) ends an expression, so `<` and `/` are operators. */
  private endsExpression(i: number): boolean {
    let j = i - 1;
    while (j >= 0 && isSpace(this.text[j])) j--;
    if (j < 0) return false;
    const c = this.text[j];
    if (c === ')' || c === ']' || c === '"' || c === "'" || c === '`') return true;
    if (!/[\w$]/.test(c)) return false;
    let k = j;
    while (k > 0 && /[\w$]/.test(this.text[k - 1])) k--;
    return !EXPRESSION_KEYWORDS.has(this.text.slice(k, j + 1));
  }

  /** The end of a `'…'` or `"…"` string opening at `i` (past its quote), or -1 when it does not close on its line. */
  private quotedEnd(i: number, acrossLines = false): number {
    const q = this.text[i];
    for (let j = i + 1; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === '\\') j++;
      else if (c === q) return j + 1;
      else if (c === '\n' && !acrossLines) return -1;
    }
    return -1;
  }

  /** A template literal opening at `i`: its end, with each `${…}` read as code. */
  private templateEnd(i: number): number {
    for (let j = i + 1; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === '\\') j++;
      else if (c === '`') return j + 1;
      else if (c === '$' && this.text[j + 1] === '{') {
        j = this.code(j + 2, '}', false) - 1;
        if (!this.closed) return j + 1;
      }
    }
    return this.text.length;
  }

  /** A regular expression literal opening at `i`: its end, or -1 when it does not close on its line (then `/` was not one). */
  private regexEnd(i: number): number {
    let inClass = false;
    for (let j = i + 1; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === '\n') return -1;
      if (c === '\\') j++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        let k = j + 1;
        while (k < this.text.length && /[a-z]/i.test(this.text[k])) k++;
        return k;
      }
    }
    return -1;
  }

  /** Whether only spaces stand between the line's start and `i`. */
  private startsLine(i: number): boolean {
    let j = i - 1;
    while (j >= 0 && (this.text[j] === ' ' || this.text[j] === '\t')) j--;
    return j < 0 || this.text[j] === '\n';
  }

  /**
   * Whether the `<` at `i` opens a tag: a name (or `>`, a fragment) follows, and the code before
   * does not end an expression (`a < b` and `useState<string>()` are an operator and type
   * arguments); where markup may stand, a `<` starting its line is a tag whatever precedes it (a
   * statement without its `;`), and among an element's children every one is. `<T,>` and `<T
   * extends U>` are a generic arrow's parameters.
   */
  private opensTag(i: number, markup: boolean, children: boolean): boolean {
    const next = this.text[i + 1];
    if (next !== '>' && !isNameStart(next)) return false;
    if (!children && this.endsExpression(i) && !(markup && this.startsLine(i))) return false;
    return !/^<[\w$]+\s*(?:,|extends\s)/.test(this.text.slice(i, i + 80));
  }

  /** Whether the last `code` call ended at its own closer (rather than at the end of the text or a stray closer). */
  private closed = false;

  /**
   * Reads code from `i` to its closer; returns the offset just past it (a `}`, `)` or `]` closer
   * is consumed, the `</` of `children` is not). `markup`: a tag may start any statement (a
   * template body and its blocks, an element's children). A `}` that closes nothing of this scan
   * is left for the enclosing one (a body's end is never taken by an unclosed parenthesis inside
   * it); a stray `)` or `]` is skipped.
   */
  code(i: number, closer: Closer, markup: boolean): number {
    const text = this.text;
    const children = closer === 'children';
    const done = (at: number, closed: boolean): number => {
      this.closed = closed;
      return at;
    };
    while (i < text.length) {
      const c = text[i];
      if (isSpace(c)) {
        i++;
        continue;
      }
      // Among children, `//` is text (`<a>http://x</a>`) unless it starts its line.
      const comment = children && text[i + 1] === '/' && !this.startsLine(i) ? -1 : commentEnd(text, i);
      if (comment >= 0) {
        i = comment;
        continue;
      }
      if (children && c === '<' && text[i + 1] === '/') return done(i, true);
      if (c === closer) return done(i + 1, true);
      if (c === '}' && closer !== 'eof') return done(i, false);
      if (c === ')' || c === ']' || c === '}') {
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        const end = this.quotedEnd(i);
        i = end < 0 ? i + 1 : end;
        continue;
      }
      if (c === '`') {
        i = this.templateEnd(i);
        continue;
      }
      if (c === '@' && /^@[ \t]*\{/.test(text.slice(i, i + 16))) {
        const start = i;
        this.inBody++;
        const end = this.code(text.indexOf('{', i) + 1, '}', true);
        this.inBody--;
        if (!this.closed) {
          this.problems.push({ offset: start, message: 'a component body `@{` is never closed; the rest of the file is not read' });
          if (this.inBody === 0) this.bodies.push({ start, end: text.length });
          return done(text.length, false);
        }
        // Only the outermost body is blanked; one inside it goes with it.
        if (this.inBody === 0) this.bodies.push({ start, end });
        i = end;
        continue;
      }
      if (c === '{' || c === '(' || c === '[') {
        // A block of a template (`if (x) { <p/> }`) holds markup statements too; parentheses and brackets hold expressions.
        i = this.code(i + 1, c === '{' ? '}' : c === '(' ? ')' : ']', c === '{' && markup);
        continue;
      }
      if (c === '<' && this.opensTag(i, markup, children)) {
        i = this.element(i);
        continue;
      }
      if (c === '/' && !children && !this.endsExpression(i)) {
        const end = this.regexEnd(i);
        i = end < 0 ? i + 1 : end;
        continue;
      }
      i++;
    }
    return done(i, false);
  }

  /** Reads the element whose `<` is at `i`: its attributes, then its children up to its closing tag. Returns the offset past it. */
  private element(i: number): number {
    const text = this.text;
    let j = i + 1;
    while (j < text.length && /[\w$.:-]/.test(text[j])) j++;
    const name = text.slice(i + 1, j);
    while (j < text.length) {
      const c = text[j];
      if (c === '>') break;
      if (c === '/' && text[j + 1] === '>') return j + 2;
      if (c === '"' || c === "'") {
        const end = this.quotedEnd(j, true);
        j = end < 0 ? j + 1 : end;
      } else if (c === '{') j = this.code(j + 1, '}', false);
      else if (c === '}') return j;
      else j++;
    }
    if (j >= text.length) return text.length;
    j++;
    if (RAW_TEXT.has(name.toLowerCase())) {
      const closing = new RegExp(`</${name}\\s*>`, 'i');
      const found = closing.exec(text.slice(j));
      return found === null ? text.length : j + found.index + found[0].length;
    }
    j = this.code(j, 'children', true);
    if (text[j] !== '<') return j;
    const close = text.indexOf('>', j);
    return close < 0 ? text.length : close + 1;
  }
}

export const scanTsrx = (text: string): TsrxScan => {
  const scanner = new Scanner(text);
  scanner.code(0, 'eof', false);
  return { bodies: scanner.bodies, problems: scanner.problems };
};
