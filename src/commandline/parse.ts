/**
 * Shell text → syntax tree (ast.ts). One recursive-descent parser for every command line census
 * reads: quoting, escapes, continuations, `&& || ; | &`, comments, subshells, `$( … )` and
 * backticks (parsed, since the commands inside run), here-documents (body skipped), compound
 * commands and function definitions. It never throws: a syntax problem becomes a ParseProblem with
 * its line, and parsing goes on with the best reading of the rest.
 */
import type { AndOr, Assignment, Command, Compound, ListItem, ParsedScript, ParseProblem, Part, Pipeline, Script, SimpleCommand, Word } from './ast.js';
import { REDIRECTIONS, skipBalanced } from './lexer.js';
import { MAX_DEPTH, type Token, WordReader } from './word-reader.js';

const NO_WORDS: ReadonlySet<string> = new Set();
const CLOSE_PAREN: ReadonlySet<string> = new Set([')']);
const CASE_ENDS: ReadonlySet<string> = new Set([';;', ';&', ';;&']);
const RESERVED: ReadonlySet<string> = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'for', 'select', 'do', 'done', 'case', 'esac', '{', '}', '[[', 'function']);
const IF_STOPS: ReadonlySet<string> = new Set(['then', 'elif', 'else', 'fi']);
const DO: ReadonlySet<string> = new Set(['do']);
const DONE: ReadonlySet<string> = new Set(['done']);
const ESAC: ReadonlySet<string> = new Set(['esac']);
const BRACE_CLOSE: ReadonlySet<string> = new Set(['}']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;

/** The literal text of a word that is one unquoted literal (a reserved word candidate), else null. */
export const plainWord = (word: Word): string | null =>
  word.parts.length === 1 && word.parts[0].type === 'lit' && !word.parts[0].quoted ? word.parts[0].text : null;

/**
 * Words outside any command (a `for` list, a `case` subject) whose `$( … )` still run: kept as a
 * `:` command of their own so the walker sees them. Nothing when there is no substitution.
 */
const substitutionsOf = (words: Word[], line: number): ListItem[] => {
  if (!words.some((w) => w.parts.some((p) => p.type === 'cmdsub'))) return [];
  const colon: Word = { parts: [{ type: 'lit', text: ':', quoted: false }], raw: ':', line };
  const simple: SimpleCommand = { type: 'simple', assignments: [], words: [colon, ...words], line, text: words.map((w) => w.raw).join(' ') };
  return [{ andOr: { pipelines: [{ commands: [simple] }], ops: [] }, background: false }];
};

class Parser extends WordReader {
  protected parseUntilCloseParen(): Script {
    return this.parseScript(NO_WORDS, CLOSE_PAREN);
  }

  protected parseNested(text: string, firstLine: number): Script {
    const sub = new Parser(text, firstLine, this.problems, this.depth + 1);
    const script = sub.parseAll();
    this.logicalOps += sub.logicalOps;
    return script;
  }

  protected readNestedWord(text: string, firstLine: number): Word {
    return new Parser(text, firstLine, this.problems, this.depth + 1).readWord(true);
  }

  // ---- grammar ------------------------------------------------------------------------------

  parseAll(): Script {
    // With no stop words the top level reads to the end; misplaced tokens are reported on the way.
    return this.parseScript(NO_WORDS, NO_WORDS);
  }

  private unexpected(t: Token): void {
    const what = t.t === 'op' ? t.op : t.t === 'word' ? t.word.raw : 'end of line';
    this.problem(t.start, `unexpected "${what}"`);
  }

  private reserved(t: Token): string | null {
    if (t.t !== 'word') return null;
    const w = plainWord(t.word);
    return w !== null && RESERVED.has(w) ? w : null;
  }

  private parseScript(stopWords: ReadonlySet<string>, stopOps: ReadonlySet<string>): Script {
    this.depth++;
    const items: ListItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof') break;
      if (t.t === 'nl' || (t.t === 'op' && t.op === ';' && !stopOps.has(';'))) {
        this.take();
        continue;
      }
      if (t.t === 'op' && stopOps.has(t.op)) break;
      const word = this.reserved(t);
      if (word !== null && stopWords.has(word)) break;
      const andOr = this.parseAndOr();
      if (andOr === null) continue;
      const sep = this.peek();
      let background = false;
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        background = sep.op === '&';
        this.take();
      }
      items.push({ andOr, background });
    }
    this.depth--;
    return { items };
  }

  private parseAndOr(): AndOr | null {
    const first = this.parsePipeline();
    if (first === null) return null;
    const andOr: AndOr = { pipelines: [first], ops: [] };
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || (t.op !== '&&' && t.op !== '||')) return andOr;
      this.take();
      this.logicalOps++;
      this.skipNewlines();
      const next = this.parsePipeline();
      if (next === null) {
        this.problem(t.start, `missing command after "${t.op}"`);
        return andOr;
      }
      andOr.ops.push(t.op);
      andOr.pipelines.push(next);
    }
  }

  private parsePipeline(): Pipeline | null {
    // `!` and the `time` keyword (with `-p`) qualify the pipeline; `time { …; }` is valid shell.
    for (let t = this.peek(); t.t === 'word' && (plainWord(t.word) === '!' || plainWord(t.word) === 'time'); t = this.peek()) {
      this.take();
      const p = this.peek();
      if (plainWord(t.word) === 'time' && p.t === 'word' && plainWord(p.word) === '-p') this.take();
    }
    const first = this.parseCommand();
    if (first === null) return null;
    const commands = [first];
    for (;;) {
      const p = this.peek();
      if (p.t !== 'op' || (p.op !== '|' && p.op !== '|&')) return { commands };
      this.take();
      this.skipNewlines();
      const next = this.parseCommand();
      if (next === null) {
        this.problem(p.start, 'missing command after "|"');
        return { commands };
      }
      commands.push(next);
    }
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.take();
  }

  private parseCommand(): Command | null {
    const t = this.peek();
    const flat = this.depth >= MAX_DEPTH;
    if (t.t === 'op') {
      if (REDIRECTIONS.has(t.op)) return this.parseSimple();
      if (t.op === '(' && !flat) {
        this.take();
        const line = this.line(t.start);
        if (this.text[this.pos] === '(' && this.pos === t.end) return this.skipArithmetic(t.start, line);
        const body = this.parseScript(NO_WORDS, CLOSE_PAREN);
        this.expectOp(')', t.start, '"(" is never closed with ")"');
        this.skipRedirections();
        return { type: 'subshell', body, line };
      }
      this.take();
      this.unexpected(t);
      return null;
    }
    if (t.t !== 'word') return null;
    const word = this.reserved(t);
    if (word === null || flat) return this.parseSimple();
    switch (word) {
      case 'if':
        return this.parseIf();
      case 'while':
      case 'until':
        return this.parseWhile(word);
      case 'for':
      case 'select':
        return this.parseFor(word);
      case 'case':
        return this.parseCase();
      case '{':
        return this.parseGroup();
      case '[[':
        return this.parseTest();
      case 'function':
        return this.parseFunctionKeyword();
      default:
        this.take();
        this.unexpected(t);
        return null;
    }
  }

  private skipArithmetic(start: number, line: number): Compound {
    const end = skipBalanced(this.text, this.pos + 1, '(', ')', 2);
    if (end < 0) this.problem(start, 'unterminated "(("');
    this.pos = end < 0 ? this.text.length : end;
    this.skipRedirections();
    return { type: 'compound', keyword: 'arith', body: { items: [] }, line };
  }

  private expectOp(op: string, start: number, message: string): boolean {
    const t = this.peek();
    if (t.t === 'op' && t.op === op) {
      this.take();
      return true;
    }
    this.problem(start, message);
    return false;
  }

  private expectWord(word: string, start: number, message: string): boolean {
    const t = this.peek();
    if (this.reserved(t) === word) {
      this.take();
      return true;
    }
    this.problem(start, message);
    return false;
  }

  /** A redirection operator and its target; here-documents register their delimiter. */
  private takeRedirection(): void {
    const op = this.take();
    const target = this.peek();
    if (target.t !== 'word') {
      this.problem(op.start, 'missing target after redirection');
      return;
    }
    this.take();
    if (op.t === 'op' && (op.op === '<<' || op.op === '<<-')) {
      const delimiter = target.word.parts.map((p) => (p.type === 'lit' ? p.text : p.raw)).join('');
      this.heredocs.push({ delimiter, stripTabs: op.op.endsWith('-') });
    }
  }

  private isRedirection(t: Token): boolean {
    return t.t === 'op' && REDIRECTIONS.has(t.op);
  }

  private skipRedirections(): void {
    while (this.isRedirection(this.peek())) this.takeRedirection();
  }

  private parseSimple(): Command | null {
    const first = this.peek();
    const start = first.start;
    let end = start;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    for (;;) {
      const t = this.peek();
      if (this.isRedirection(t)) {
        this.takeRedirection();
        end = this.pos;
        continue;
      }
      if (t.t !== 'word') break;
      this.take();
      end = t.end;
      const head = t.word.parts[0];
      const m = words.length === 0 && head?.type === 'lit' && !head.quoted ? ASSIGNMENT.exec(head.text) : null;
      if (m) {
        const restText = head.type === 'lit' ? head.text.slice(m[0].length) : '';
        const parts: Part[] = restText === '' ? t.word.parts.slice(1) : [{ type: 'lit', text: restText, quoted: false }, ...t.word.parts.slice(1)];
        assignments.push({ name: m[1], value: { parts, raw: t.word.raw.slice(m[0].length), line: t.word.line }, line: t.word.line });
        continue;
      }
      words.push(t.word);
      if (words.length === 1 && assignments.length === 0) {
        const p = this.peek();
        if (p.t === 'op' && p.op === '(' && plainWord(t.word) !== null) return this.parseFunctionRest(plainWord(t.word) ?? '', t.start);
      }
    }
    if (words.length === 0 && assignments.length === 0 && end === start) {
      const t = this.take();
      this.unexpected(t);
      return null;
    }
    const command: SimpleCommand = { type: 'simple', assignments, words, line: this.line(start), text: this.text.slice(start, end) };
    return command;
  }

  private parseFunctionRest(name: string, start: number): Command | null {
    this.take();
    this.expectOp(')', start, `function ${name}: expected ")" after "("`);
    this.skipNewlines();
    const body = this.parseCommand();
    if (body === null) {
      this.problem(start, `function ${name} has no body`);
      return null;
    }
    return { type: 'function', name, body, line: this.line(start) };
  }

  private parseFunctionKeyword(): Command | null {
    const kw = this.take();
    const nameTok = this.peek();
    if (nameTok.t !== 'word') {
      this.problem(kw.start, 'function without a name');
      return null;
    }
    this.take();
    const name = plainWord(nameTok.word) ?? nameTok.word.raw;
    const p = this.peek();
    if (p.t === 'op' && p.op === '(') return this.parseFunctionRest(name, kw.start);
    this.skipNewlines();
    const body = this.parseCommand();
    if (body === null) {
      this.problem(kw.start, `function ${name} has no body`);
      return null;
    }
    return { type: 'function', name, body, line: this.line(kw.start) };
  }

  private parseIf(): Compound {
    const kw = this.take();
    const items: ListItem[] = [];
    let elifs = 0;
    for (;;) {
      items.push(...this.parseScript(IF_STOPS, NO_WORDS).items);
      const word = this.reserved(this.peek());
      if (word === 'fi') {
        this.take();
        break;
      }
      if (word === null) {
        this.problem(kw.start, '"if" is never closed with "fi"');
        break;
      }
      if (word === 'elif') elifs++;
      this.take();
    }
    this.skipRedirections();
    return { type: 'compound', keyword: 'if', body: { items }, elifs, line: this.line(kw.start) };
  }

  private parseWhile(keyword: 'while' | 'until'): Compound {
    const kw = this.take();
    const items = [...this.parseScript(DO, NO_WORDS).items];
    if (this.expectWord('do', kw.start, `"${keyword}" without "do"`)) {
      items.push(...this.parseScript(DONE, NO_WORDS).items);
      this.expectWord('done', kw.start, `"${keyword}" is never closed with "done"`);
    }
    this.skipRedirections();
    return { type: 'compound', keyword, body: { items }, line: this.line(kw.start) };
  }

  private parseFor(keyword: 'for' | 'select'): Compound {
    const kw = this.take();
    let loopVar: string | undefined;
    const items: ListItem[] = [];
    const next = this.peek();
    if (next.t === 'op' && next.op === '(' && this.text[this.pos] === '(') {
      this.take();
      const end = skipBalanced(this.text, this.pos + 1, '(', ')', 2);
      this.pos = end < 0 ? this.text.length : end;
    } else if (next.t === 'word') {
      this.take();
      loopVar = plainWord(next.word) ?? undefined;
      this.skipNewlines();
      const inTok = this.peek();
      if (inTok.t === 'word' && plainWord(inTok.word) === 'in') {
        this.take();
        // The list words can hold $( … ) whose commands run: keep them as a command of their own.
        const listWords: Word[] = [];
        for (let t = this.peek(); t.t === 'word'; t = this.peek()) {
          this.take();
          listWords.push(t.word);
        }
        items.push(...substitutionsOf(listWords, this.line(kw.start)));
      }
    } else {
      this.problem(kw.start, `"${keyword}" without a variable`);
    }
    for (let t = this.peek(); t.t === 'nl' || (t.t === 'op' && t.op === ';'); t = this.peek()) this.take();
    const open = this.reserved(this.peek());
    if (open === '{') {
      const group = this.parseGroup();
      items.push(...group.body.items);
    } else if (this.expectWord('do', kw.start, `"${keyword}" without "do"`)) {
      items.push(...this.parseScript(DONE, NO_WORDS).items);
      this.expectWord('done', kw.start, `"${keyword}" is never closed with "done"`);
    }
    this.skipRedirections();
    return { type: 'compound', keyword, body: { items }, loopVar, line: this.line(kw.start) };
  }

  private parseCase(): Compound {
    const kw = this.take();
    const items: ListItem[] = [];
    const subject = this.peek();
    if (subject.t === 'word') {
      this.take();
      items.push(...substitutionsOf([subject.word], this.line(kw.start)));
    }
    this.skipNewlines();
    const inTok = this.peek();
    if (inTok.t === 'word' && plainWord(inTok.word) === 'in') this.take();
    else this.problem(kw.start, '"case" without "in"');
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (this.reserved(t) === 'esac') {
        this.take();
        break;
      }
      if (t.t === 'eof') {
        this.problem(kw.start, '"case" is never closed with "esac"');
        break;
      }
      // The pattern: words and "|" up to ")".
      let p = this.take();
      if (p.t === 'op' && p.op === '(') p = this.take();
      while (!(p.t === 'op' && p.op === ')') && p.t !== 'eof') p = this.take();
      if (p.t === 'eof') {
        this.problem(kw.start, '"case" is never closed with "esac"');
        break;
      }
      items.push(...this.parseScript(ESAC, CASE_ENDS).items);
      const end = this.peek();
      if (end.t === 'op' && CASE_ENDS.has(end.op)) this.take();
    }
    this.skipRedirections();
    return { type: 'compound', keyword: 'case', body: { items }, line: this.line(kw.start) };
  }

  private parseGroup(): Compound {
    const kw = this.take();
    const body = this.parseScript(BRACE_CLOSE, NO_WORDS);
    this.expectWord('}', kw.start, '"{" is never closed with "}"');
    this.skipRedirections();
    return { type: 'compound', keyword: 'group', body, line: this.line(kw.start) };
  }

  /** `[[ … ]]`: operators inside are part of the test; words may hold `$( … )`. */
  private parseTest(): Command {
    const kw = this.take();
    const words: Word[] = kw.t === 'word' ? [kw.word] : [];
    let end = kw.end;
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof' || t.t === 'nl') {
        this.problem(kw.start, '"[[" is never closed with "]]"');
        break;
      }
      this.take();
      end = t.end;
      if (t.t === 'op') {
        if (t.op === '&&' || t.op === '||') this.logicalOps++;
        continue;
      }
      words.push(t.word);
      if (plainWord(t.word) === ']]') break;
    }
    return { type: 'simple', assignments: [], words, line: this.line(kw.start), text: this.text.slice(kw.start, end) };
  }
}

/** Parse shell text. `firstLine` numbers the lines (for text cut out of a bigger file). */
export const parseShell = (text: string, firstLine = 1): ParsedScript => {
  const problems: ParseProblem[] = [];
  const parser = new Parser(text, firstLine, problems, 0);
  const script = parser.parseAll();
  return { script, problems, logicalOps: parser.logicalOps };
};
