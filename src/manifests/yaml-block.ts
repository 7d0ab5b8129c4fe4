/**
 * A focused reader for the block-style YAML that CI workflows and compose files are written in:
 * one document of block maps and sequences, plain and quoted scalars, `|`/`>` block scalars,
 * flow sequences of scalars (on one line or several), comments. It exists for speed: the `yaml` library's lexer
 * and parser are generators that run cold in a scan, ~100 ms for saleor's two dozen small files.
 * It gives up (returns null) on anything outside that subset (anchors, aliases, tags, merge keys,
 * flow maps, multiple documents, directives, tabs, CR line ends, blanks other than the space
 * (U+00A0, U+2028, BOM), a quoted `<<` key, escapes, explicit indentation,
 * odd indentation, anything the library would call an error), and the caller hands the file to
 * the library. Values are resolved as the library's YAML 1.2 core schema resolves them, and each
 * node keeps the line the library's node would report (test/manifests/yaml-block.test.ts checks
 * both against the library over every .yml/.yaml file it can find).
 */

export interface BlockScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /** The line YamlDoc.lineOf reports: a block scalar's first content line, else the scalar's. */
  readonly line: number;
}
export interface BlockMap {
  readonly kind: 'map';
  readonly items: [BlockScalar, BlockNode][];
  readonly line: number;
}
export interface BlockSeq {
  readonly kind: 'seq';
  readonly items: BlockNode[];
  readonly line: number;
}
export type BlockNode = BlockScalar | BlockMap | BlockSeq;

/** Thrown inside the reader when the text leaves the subset; never escapes readBlockYaml. */
const OUTSIDE = Symbol('outside the block subset');

/** The YAML 1.2 core schema's tests, in the library's order (yaml/dist/schema/core). */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value as the core schema resolves it. */
export const resolvePlain = (text: string): string | number | boolean | null => {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
};

/** Characters that may not start a plain scalar here (c-indicators, and `?`/`:`/`-` before a space). */
const PLAIN_START_FORBIDDEN = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

const SPACE = 32;

/** A character JavaScript counts as white space or a line end that is neither a space nor `\n`. */
const NOT_YAML_BLANK = /[^\S \n]/;

/** `---` or `...` at a line's start, alone or before a space: a document starts or ends there. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?: |$)/;

/** Deeper nesting goes to the library: each level is a frame of this reader's recursion (`- - - - x`). */
const MAX_DEPTH = 64;

/** A line with nothing but spaces and perhaps a comment. */
const isBlank = (line: string): boolean => {
  const t = line.trimStart();
  return t === '' || t[0] === '#';
};

const indentOf = (line: string): number => {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
};

class Reader {
  private readonly lines: string[];
  /** The line index each parse step looks at next. */
  private i = 0;
  private depth = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  read(): BlockNode {
    const { lines } = this;
    this.skipBlank();
    if (this.i < lines.length && lines[this.i].trimEnd() === '---') {
      this.i++;
      this.skipBlank();
    }
    if (this.i >= lines.length) throw OUTSIDE;
    // A document marker anywhere past that (`--- a: 1`, `... : 1`, a second document) is the library's to read.
    for (let j = this.i; j < lines.length; j++) if (DOCUMENT_MARKER.test(lines[j])) throw OUTSIDE;
    const first = lines[this.i];
    const root = this.node(indentOf(first), -1);
    if (root.kind === 'scalar') throw OUTSIDE;
    this.i++;
    this.skipBlank();
    if (this.i < lines.length) throw OUTSIDE;
    return root;
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && isBlank(this.lines[this.i])) this.i++;
  }

  /** The index of the next non-blank line after this.i (this.i unchanged), or lines.length. */
  private nextContent(): number {
    let j = this.i + 1;
    while (j < this.lines.length && isBlank(this.lines[j])) j++;
    return j;
  }

  /** A node starting at column `col` of line this.i, inside a block indented `parent`. */
  private node(col: number, parent: number): BlockNode {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
    const rest = this.lines[this.i].slice(col);
    const node = rest === '-' || rest.startsWith('- ') ? this.seq(col) : this.keyEnd(rest) !== -1 ? this.map(col) : this.scalar(col, parent);
    this.depth--;
    return node;
  }

  /** A block sequence whose first `-` is at column `col` of line this.i; later items at that indent. */
  private seq(col: number): BlockSeq {
    const items: BlockNode[] = [];
    const line = this.i + 1;
    let at = col;
    for (;;) {
      const text = this.lines[this.i];
      if (text.length === at + 1) throw OUTSIDE; // `-` alone: an empty item or one on the next line
      let c = at + 1;
      while (text.charCodeAt(c) === SPACE) c++;
      if (c >= text.length || text[c] === '#') throw OUTSIDE;
      items.push(this.node(c, col));
      const j = this.nextContent();
      if (j >= this.lines.length) break;
      const next = this.lines[j];
      const indent = indentOf(next);
      if (indent > col) throw OUTSIDE;
      if (indent < col) break;
      if (!(next.length === col + 1 || next.startsWith('- ', col))) break; // the parent map's next key
      this.i = j;
      at = col;
    }
    return { kind: 'seq', items, line };
  }

  /**
   * Where an implicit key ends in `rest` (the index of its `:`), or -1 when `rest` is no key.
   * A key is one plain or single-line quoted scalar followed by `:` and a space or the line's end.
   */
  private keyEnd(rest: string): number {
    const c = rest[0];
    if (c === '"' || c === "'") {
      const close = this.quoteEnd(rest, 0);
      if (close === -1) return -1;
      let k = close + 1;
      while (rest.charCodeAt(k) === SPACE) k++;
      return rest[k] === ':' && (k + 1 === rest.length || rest.charCodeAt(k + 1) === SPACE) ? k : -1;
    }
    for (let k = rest.indexOf(':'); k !== -1; k = rest.indexOf(':', k + 1)) {
      if (k + 1 === rest.length || rest.charCodeAt(k + 1) === SPACE) {
        const hash = rest.indexOf(' #');
        return hash !== -1 && hash < k ? -1 : k;
      }
    }
    return -1;
  }

  /** The index of the quote closing the one at `open` on this line, or -1 (escapes leave the subset). */
  private quoteEnd(text: string, open: number): number {
    const q = text[open];
    if (q === '"') {
      const close = text.indexOf('"', open + 1);
      if (close === -1) return -1;
      if (text.slice(open + 1, close).includes('\\')) throw OUTSIDE;
      return close;
    }
    let k = open + 1;
    for (;;) {
      const close = text.indexOf("'", k);
      if (close === -1) return -1;
      if (text[close + 1] !== "'") return close;
      k = close + 2;
    }
  }

  private quotedValue(text: string, open: number, close: number): string {
    const inner = text.slice(open + 1, close);
    return text[open] === "'" ? inner.replaceAll("''", "'") : inner;
  }

  /** The key scalar of `rest` (a key line's text from the key on), ending at `end`. */
  private keyScalar(rest: string, end: number): BlockScalar {
    const line = this.i + 1;
    // The library's error: an implicit key's `:` more than 1,024 characters after the key starts (quotes and blanks count).
    if (end > 1024) throw OUTSIDE;
    const c = rest[0];
    // `<<`, plain or quoted, is a merge key to the library's reading (yaml.ts leaves it out of entries()).
    const text = c === '"' || c === "'" ? this.quotedValue(rest, 0, this.quoteEnd(rest, 0)) : rest.slice(0, end).trimEnd();
    if (text === '<<') throw OUTSIDE;
    if (c === '"' || c === "'") return { kind: 'scalar', value: text, line };
    if (!this.plainStart(text)) throw OUTSIDE;
    return { kind: 'scalar', value: resolvePlain(text), line };
  }

  private plainStart(text: string): boolean {
    const c = text[0];
    if (c === undefined || PLAIN_START_FORBIDDEN.has(c)) return false;
    return !((c === '-' || c === '?' || c === ':') && (text.length === 1 || text.charCodeAt(1) === SPACE));
  }

  /** A block map whose first key is at column `col` of line this.i; later keys at that indent. */
  private map(col: number): BlockMap {
    const items: [BlockScalar, BlockNode][] = [];
    const line = this.i + 1;
    for (;;) {
      const text = this.lines[this.i];
      const rest = text.slice(col);
      const end = this.keyEnd(rest);
      if (end === -1) throw OUTSIDE;
      const key = this.keyScalar(rest, end);
      let v = col + end + 1;
      while (text.charCodeAt(v) === SPACE) v++;
      if (v < text.length && text[v] !== '#') {
        items.push([key, this.inlineValue(v, col)]);
      } else {
        items.push([key, this.valueBelow(col, key.line)]);
      }
      const j = this.nextContent();
      if (j >= this.lines.length) break;
      const indent = indentOf(this.lines[j]);
      if (indent > col) throw OUTSIDE;
      if (indent < col) break;
      this.i = j;
    }
    return { kind: 'map', items, line };
  }

  /** A map value that starts after `key:` on the same line, at column `v`. */
  private inlineValue(v: number, col: number): BlockNode {
    const rest = this.lines[this.i].slice(v);
    if (rest === '-' || rest.startsWith('- ') || rest.startsWith('? ')) throw OUTSIDE;
    return this.scalar(v, col);
  }

  /** The value of a `key:` with nothing after it: a block node on the lines below, or null. */
  private valueBelow(col: number, keyLine: number): BlockNode {
    const j = this.nextContent();
    if (j < this.lines.length) {
      const next = this.lines[j];
      const indent = indentOf(next);
      // A lone `-` or `- item` at the key's own indent is the key's sequence; any other node there (a flow
      // `[` opener) is not the key's value but a new implicit key, which the library reads as an error.
      const compactSeq = indent === col && next[col] === '-' && (next.length === col + 1 || next.charCodeAt(col + 1) === SPACE);
      if (indent > col || compactSeq) {
        this.i = j;
        const node = this.node(indent, col);
        if (node.kind === 'scalar') throw OUTSIDE;
        return node;
      }
    }
    return { kind: 'scalar', value: null, line: keyLine };
  }

  /** A scalar (or one-line flow sequence) at column `col` of line this.i, in a block indented `parent`. */
  private scalar(col: number, parent: number): BlockNode {
    const text = this.lines[this.i];
    const c = text[col];
    const line = this.i + 1;
    if (c === '"' || c === "'") {
      const close = this.quoteEnd(text, col);
      if (close === -1) throw OUTSIDE;
      this.endOfLine(text, close + 1);
      return { kind: 'scalar', value: this.quotedValue(text, col, close), line };
    }
    if (c === '|' || c === '>') return this.blockScalar(col, parent);
    if (c === '[') return this.flowSeq(col, parent);
    if (c === '{') {
      if (text.slice(col).trimEnd() !== '{}') throw OUTSIDE;
      return { kind: 'map', items: [], line };
    }
    return this.plain(col, parent);
  }

  /** Only spaces and perhaps a comment from `k` to the end of the line. */
  private endOfLine(text: string, k: number): void {
    while (text.charCodeAt(k) === SPACE) k++;
    if (k < text.length && !(text[k] === '#' && text.charCodeAt(k - 1) === SPACE)) throw OUTSIDE;
  }

  /** A plain scalar, folded over more-indented continuation lines. */
  private plain(col: number, parent: number): BlockScalar {
    const line = this.i + 1;
    const first = this.lines[this.i].slice(col);
    let value = this.plainLine(first);
    if (!this.plainStart(value)) throw OUTSIDE;
    let breaks = 0;
    // A comment ends the scalar: a more-indented line after it is the library's error, not a continuation.
    for (let j = first.includes(' #') ? this.lines.length : this.i + 1; j < this.lines.length; j++) {
      const next = this.lines[j];
      const t = next.trimStart();
      if (t === '') {
        breaks++;
        continue;
      }
      if (t[0] === '#' || indentOf(next) <= parent) break;
      const part = this.plainLine(t);
      if (t.includes(' #') || part.startsWith('- ') || part === '-' || part.startsWith('? ')) throw OUTSIDE;
      value += breaks === 0 ? ` ${part}` : '\n'.repeat(breaks) + part;
      breaks = 0;
      this.i = j;
    }
    return { kind: 'scalar', value: resolvePlain(value), line };
  }

  /** One line of a plain scalar: up to a comment, trailing spaces off; a `: ` in it leaves the subset. */
  private plainLine(text: string): string {
    const hash = text.indexOf(' #');
    const body = (hash === -1 ? text : text.slice(0, hash)).trimEnd();
    if (body.includes(': ') || body.endsWith(':') || body.startsWith('#')) throw OUTSIDE;
    return body;
  }

  /**
   * `[a, 'b', "c"]`: scalars only, one to a line or many (`needs:` lists one job a line, each line
   * indented more than the block holding the sequence, comments after a space).
   */
  private flowSeq(col: number, parent: number): BlockSeq {
    let text = this.lines[this.i];
    const line = this.i + 1;
    const items: BlockNode[] = [];
    let k = col + 1;
    /** Past spaces, line ends and comments to the next token; this.i and `text` follow it. */
    const skip = (): void => {
      for (;;) {
        while (text.charCodeAt(k) === SPACE) k++;
        if (k < text.length && !(text[k] === '#' && text.charCodeAt(k - 1) === SPACE)) return;
        if (++this.i >= this.lines.length) throw OUTSIDE;
        text = this.lines[this.i];
        if (text.trim() !== '' && indentOf(text) <= parent) throw OUTSIDE;
        k = 0;
      }
    };
    for (;;) {
      skip();
      const c = text[k];
      if (c === ']') break;
      if (c === '"' || c === "'") {
        const close = this.quoteEnd(text, k);
        if (close === -1) throw OUTSIDE;
        items.push({ kind: 'scalar', value: this.quotedValue(text, k, close), line: this.i + 1 });
        k = close + 1;
      } else {
        let e = k;
        while (e < text.length && !',[]{}#:'.includes(text[e])) e++;
        const item = text.slice(k, e).trimEnd();
        if (item === '' || !this.plainStart(item)) throw OUTSIDE;
        items.push({ kind: 'scalar', value: resolvePlain(item), line: this.i + 1 });
        k = e;
        if (text[k] === '#' && text.charCodeAt(k - 1) !== SPACE) throw OUTSIDE;
      }
      skip();
      if (text[k] === ',') k++;
      else if (text[k] !== ']') throw OUTSIDE;
    }
    this.endOfLine(text, k + 1);
    return { kind: 'seq', items, line };
  }

  /** `|` or `>` (with `-`/`+` chomping) and its content lines, indented more than `parent`. */
  private blockScalar(col: number, parent: number): BlockScalar {
    const header = this.lines[this.i];
    const folded = header[col] === '>';
    let k = col + 1;
    const chomp = header[k] === '-' || header[k] === '+' ? header[k++] : '';
    this.endOfLine(header, k);
    const line = this.i + 2;
    const lines = this.lines;
    let j = this.i + 1;
    let contentIndent = -1;
    let leading = 0;
    for (let m = j; m < lines.length; m++) {
      if (lines[m].trim() === '') {
        leading = Math.max(leading, lines[m].length);
        continue;
      }
      contentIndent = indentOf(lines[m]);
      break;
    }
    if (contentIndent <= parent || leading > contentIndent) throw OUTSIDE;
    const body: string[] = [];
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.trim() === '') {
        if (l.length > contentIndent) throw OUTSIDE;
        body.push('');
        continue;
      }
      const indent = indentOf(l);
      if (indent < contentIndent) {
        if (indent > parent) throw OUTSIDE;
        break;
      }
      body.push(l.slice(contentIndent));
    }
    // The lines after the last content line are not the scalar's unless kept (`+`).
    let last = body.length;
    while (last > 0 && body[last - 1] === '') last--;
    if (j >= lines.length && last === body.length) throw OUTSIDE; // the file ends inside it without a line break
    if (chomp === '+') throw OUTSIDE;
    this.i = this.i + last;
    const kept = body.slice(0, last);
    let value: string;
    if (folded) {
      // A line break between two lines that start with text folds to a space (k empty lines between
      // them give k breaks); a break next to a more-indented line is kept, with the empty lines.
      value = '';
      let breaks = 0;
      let previous: string | null = null;
      for (const part of kept) {
        if (part === '') {
          breaks++;
          continue;
        }
        if (previous === null) value += '\n'.repeat(breaks);
        else if (previous.charCodeAt(0) === SPACE || part.charCodeAt(0) === SPACE) value += '\n'.repeat(breaks + 1);
        else value += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        value += part;
        previous = part;
        breaks = 0;
      }
    } else {
      value = kept.join('\n');
    }
    if (chomp === '' && kept.length > 0) value += '\n';
    return { kind: 'scalar', value, line };
  }
}

/** The one block-style document of `text`, or null when the text leaves the subset (ask the library). */
export const readBlockYaml = (text: string): BlockNode | null => {
  // Anchors, aliases, tags, directives and document markers past the first are refused where the reader meets them.
  // Tabs, CRs, a BOM and every other character JavaScript's trim() and \s count as blank (U+00A0, U+2028,
  // U+FEFF, ...) leave the subset: this reader trims with them, YAML's only blanks are space and tab
  // (`s\u2028:` is the key 's\u2028', `s:\n\u00a0` a document error).
  if (NOT_YAML_BLANK.test(text)) return null;
  try {
    return new Reader(text).read();
  } catch {
    // OUTSIDE, or anything unforeseen: the library reads the file, and reports what is wrong with it.
    return null;
  }
};
