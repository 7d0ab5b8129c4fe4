/**
 * `import(…)` read from tokens, with the facts the AST walk gives it (walk.ts): the specifier when
 * it is a literal, the guard (inside a `try` block, else inside a function that is not called
 * where it is written, else none) and the names a declaration binds from it (`const { a } = await
 * import('x')`). Only files whose every `import(` the module scan saw can be read this way, and
 * each one must be read exactly: anything this reader cannot be sure of throws `Unsure`, and the
 * file goes to oxc like any other.
 *
 * Three questions per `import(`, each answered from the tokens around it:
 * - Is it a dynamic import at all? In TypeScript `import('x').T` and `typeof import('x')` are
 *   types (no import), and in a class or object `import() {}` is a method. The token before it
 *   says which, with the enclosing brackets where one token is not enough (placeOf).
 * - What guards it? The enclosing brackets from the inside out (guardOf): a `try` block gives
 *   'try'; a function body, a function's parameters or an arrow function's expression body (which
 *   ends where an assignment expression ends: a `,`, a `;`, a closer or a new statement) gives
 *   'function', unless that function is called where it is written (`(async () => { … })()`,
 *   `(function () { … }).call(this)`); a class body reached outside any function (a field
 *   initialiser, which the walk counts as a function unless static) is left to oxc.
 * - Which names does it bind? Only a `const`/`let`/`var` declaration whose initialiser is the
 *   import itself, through `await` and parentheses, binds any (namesOf).
 */
import type { Guard, ImportedName } from '../../../model/facts.js';
import type { LineTable } from '../line-table.js';
import type { PlacedImport } from '../module-record.js';
import { Lexer, Token } from './lexer.js';
import { CONTINUING_WORDS } from './statements.js';
import { Unsure } from './unsure.js';

/** The grammar a file is read with, as oxc-parser names it (`dts`: a declaration file). */
export type ScanLanguage = 'js' | 'jsx' | 'ts' | 'tsx' | 'dts';

const unsure = (): never => {
  throw new Unsure();
};

/** Words after which an operand starts, whatever the grammar: the next token is an expression. */
const EXPRESSION_WORDS = new Set(['await', 'return', 'yield', 'throw', 'void', 'delete', 'case', 'else', 'do', 'of', 'instanceof']);
/** Operators after which an operand starts and never a type (`|`, `&`, `?`, `<`, `>`, `*` and `...` may also stand in types or method heads). */
const EXPRESSION_OPERATORS = new Set([
  '!', '~', '+', '-', '/', '%', '**', '==', '===', '!=', '!==', '<=', '>=', '&&', '||', '??', '^', '<<',
  '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=', '&&=', '||=', '??=',
]);
/** Keywords whose `(` holds a condition or a loop head, not a call's arguments or parameters. */
const CONDITION_WORDS = new Set(['if', 'while', 'for', 'with', 'switch', 'catch']);
/** Words before `(` that do not make it a call's arguments (type operators, declarations, modifiers). */
const NOT_CALLEES = new Set([
  'typeof', 'keyof', 'extends', 'implements', 'is', 'as', 'satisfies', 'infer', 'readonly', 'unique', 'asserts', 'new', 'function', 'async', 'class',
  'in', 'of', 'instanceof', 'return', 'await', 'yield', 'throw', 'void', 'delete', 'case', 'else', 'do', 'const', 'let', 'var', 'type', 'interface',
  'enum', 'namespace', 'module', 'declare', 'abstract', 'static', 'get', 'set', 'public', 'private', 'protected', 'override', 'accessor', 'export',
  'import', 'default', 'super',
]);
/** Words that continue an expression across a line break: statements.ts's list, the one owner. */
const CONTINUING = new Set(CONTINUING_WORDS);
/** Modifiers before a class member's name: `static x: import('y').T` annotates a property. */
const MEMBER_MODIFIERS = new Set(['readonly', 'public', 'private', 'protected', 'declare', 'static', 'abstract', 'override', 'accessor']);
const DECLARATION_WORDS = new Set(['const', 'let', 'var']);
/** Punctuators a type literal `{ … }` may follow (`(): { a: T } {`, `(): A | { b: T } {`): a body may come after it. */
const TYPE_LITERAL_AFTER = new Set([':', '|', '&', '=>', '<', ',', '?', '=']);

type Place = 'expression' | 'type';
type BraceKind = 'function' | 'try' | 'block' | 'class' | 'other';

/** `bigger` holding `array`'s values in front. */
const grown = <T extends Uint8Array | Int32Array>(array: T, bigger: T): T => {
  bigger.set(array);
  return bigger;
};

/** The file's tokens in arrays, with each bracket's partner and each token's enclosing opener. */
class Tokens {
  /*
   * Typed arrays, filled to a capacity that doubles, then cut to the token count (so a read past
   * the last token is undefined, as it is in a plain array): a push onto each of nine arrays per
   * token was most of this reader's time. The flags are 0 or 1, read only as conditions.
   */
  readonly type: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly newline: Uint8Array;
  readonly member: Uint8Array;
  /** Whether the token ends an operand (the lexer's own reading: after it, `/` divides). */
  readonly endsOperand: Uint8Array;
  /** Index of the innermost opener around the token, -1 at the top level. */
  readonly parent: Int32Array;
  /** For an opener, its closer; for a closer, its opener (a template's `}…${` is both); -1 otherwise. */
  readonly closer: Int32Array;
  readonly opener: Int32Array;

  constructor(readonly text: string, jsx: boolean, tsx: boolean) {
    const lex = new Lexer(text, jsx, { walkWords: false, tsx });
    let capacity = Math.max(256, text.length >> 3);
    let type = new Uint8Array(capacity);
    let start = new Int32Array(capacity);
    let end = new Int32Array(capacity);
    let newline = new Uint8Array(capacity);
    let member = new Uint8Array(capacity);
    let endsOperand = new Uint8Array(capacity);
    let parent = new Int32Array(capacity);
    let closer = new Int32Array(capacity);
    let opener = new Int32Array(capacity);
    const open: number[] = [];
    let before = 0;
    let k = 0;
    for (;; k++) {
      lex.next();
      const token = lex.token();
      if (token === Token.End) break;
      if (k === capacity) {
        capacity *= 2;
        type = grown(type, new Uint8Array(capacity));
        start = grown(start, new Int32Array(capacity));
        end = grown(end, new Int32Array(capacity));
        newline = grown(newline, new Uint8Array(capacity));
        member = grown(member, new Uint8Array(capacity));
        endsOperand = grown(endsOperand, new Uint8Array(capacity));
        parent = grown(parent, new Int32Array(capacity));
        closer = grown(closer, new Int32Array(capacity));
        opener = grown(opener, new Int32Array(capacity));
      }
      type[k] = token;
      start[k] = lex.start;
      end[k] = lex.end;
      newline[k] = lex.newlineBefore ? 1 : 0;
      member[k] = lex.memberName ? 1 : 0;
      endsOperand[k] = lex.endsOperand() ? 1 : 0;
      closer[k] = -1;
      opener[k] = -1;
      const after = lex.openBrackets();
      // `}` resuming a template or JSX closes one substitution and may open the next
      const resumes = (token === Token.Template || token === Token.Jsx) && text.charCodeAt(lex.start) === 125;
      if (after < before || (resumes && after === before)) {
        const o = open.pop() ?? unsure();
        opener[k] = o;
        closer[o] = k;
      }
      parent[k] = open.length > 0 ? open[open.length - 1] : -1;
      if (after > before || (resumes && after === before)) open.push(k);
      before = after;
    }
    this.type = type.subarray(0, k);
    this.start = start.subarray(0, k);
    this.end = end.subarray(0, k);
    this.newline = newline.subarray(0, k);
    this.member = member.subarray(0, k);
    this.endsOperand = endsOperand.subarray(0, k);
    this.parent = parent.subarray(0, k);
    this.closer = closer.subarray(0, k);
    this.opener = opener.subarray(0, k);
  }

  get count(): number {
    return this.type.length;
  }

  is(k: number, punctuator: string): boolean {
    return k >= 0 && k < this.type.length && this.type[k] === Token.Punctuator && this.end[k] - this.start[k] === punctuator.length && this.text.startsWith(punctuator, this.start[k]);
  }

  /** A word that is not a property name (`x.if` is a name, not the keyword). */
  isWord(k: number, word: string): boolean {
    return k >= 0 && k < this.type.length && this.type[k] === Token.Identifier && !this.member[k] && this.end[k] - this.start[k] === word.length && this.text.startsWith(word, this.start[k]);
  }

  isIdentifier(k: number): boolean {
    return k >= 0 && k < this.type.length && this.type[k] === Token.Identifier;
  }

  value(k: number): string {
    return this.text.slice(this.start[k], this.end[k]);
  }

  /** The word at k when it is one (not a property name), else ''. */
  word(k: number): string {
    return this.isIdentifier(k) && !this.member[k] ? this.value(k) : '';
  }

  punctuator(k: number): string {
    return k >= 0 && k < this.type.length && this.type[k] === Token.Punctuator ? this.value(k) : '';
  }

  /** The first token of the bracket pair (or template) that ends at k; k itself otherwise. */
  firstOf(k: number): number {
    let o = k;
    while (this.opener[o] !== -1) o = this.opener[o];
    return o;
  }

  /** The last token of the bracket pair (or template) that starts at k; k itself otherwise. */
  lastOf(k: number): number {
    let c = k;
    while (this.closer[c] !== -1) c = this.closer[c];
    return c;
  }

  /** The token before k at k's own level (a bracket pair counts as its opener), or -1 at the level's start. */
  previous(k: number): number {
    const j = k - 1;
    if (j < 0 || j === this.parent[k]) return -1;
    return this.firstOf(j);
  }

  /** The token after k at k's level (a bracket pair counts as its opener), or -1 at the level's end. */
  following(k: number): number {
    const j = this.lastOf(k) + 1;
    if (j >= this.count) return -1;
    const p = this.parent[k];
    return p !== -1 && j === this.closer[p] ? -1 : j;
  }
}

/**
 * The dynamic imports of a file from the offsets of its `import(` tokens (Lexer.importCalls):
 * each with a literal specifier becomes a fact as the oxc road makes it. Throws Unsure.
 */
export const readDynamicImports = (text: string, lines: LineTable, language: ScanLanguage, sites: readonly number[]): PlacedImport[] => {
  const reader = new DynamicImportReader(new Tokens(text, language !== 'ts' && language !== 'dts', language === 'tsx'), language);
  const placed: PlacedImport[] = [];
  for (const offset of sites) {
    const fact = reader.read(offset);
    if (fact !== null) placed.push({ offset, fact: { specifier: fact.specifier, syntax: 'dynamic', line: lines.lineOf(offset), names: fact.names, guard: fact.guard } });
  }
  return placed;
};

class DynamicImportReader {
  private readonly typeScript: boolean;

  constructor(
    private readonly t: Tokens,
    private readonly language: ScanLanguage,
  ) {
    this.typeScript = language === 'ts' || language === 'tsx' || language === 'dts';
  }

  /**
   * The identifier token starting at offset. Tokens start in increasing order (each takes at
   * least one character), so a binary search finds it: a map of every identifier's offset, made
   * for the file's few `import(`s, was a third of this reader's time.
   */
  private identifierAt(offset: number): number {
    const t = this.t;
    let lo = 0;
    let hi = t.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t.start[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < t.count && t.start[lo] === offset && t.type[lo] === Token.Identifier ? lo : unsure();
  }

  read(offset: number): { specifier: string; names: ImportedName[]; guard: Guard | null } | null {
    const t = this.t;
    const k = this.identifierAt(offset);
    const open = k + 1;
    if (!t.is(open, '(')) unsure();
    const specifier = this.literalArgument(open);
    // a computed specifier that no pattern reads gives no fact, whatever the `import(` is
    if (specifier === null) return null;
    if (this.language === 'dts' || this.placeOf(k) === 'type') return null;
    return { specifier, names: this.namesOf(k), guard: this.guardOf(k) };
  }

  /**
   * The specifier of `import('x')` / `` import(`x`) `` (then `)` or `,`); null for a computed one
   * from which the walk reads no pattern (computed-specifier.ts reads `+` chains and templates
   * with substitutions, seen through parentheses and TypeScript's wrappers); Unsure otherwise.
   */
  private literalArgument(open: number): string | null {
    const t = this.t;
    const first = open + 1;
    const close = t.closer[open];
    if (first === close) unsure();
    const type = t.type[first];
    if (type === Token.String || type === Token.Template) {
      const after = t.lastOf(first) + 1;
      if (type === Token.Template && after !== first + 1) unsure(); // substitutions
      if (!(after === close || t.is(after, ','))) unsure(); // `'x' as T`, `'a' + b`
      const inner = t.text.slice(t.start[first] + 1, t.end[first] - 1);
      if (inner.includes('\\') || (type === Token.Template && inner.includes('$'))) unsure();
      return inner;
    }
    if (t.is(first, '(') || t.is(first, '<')) unsure();
    for (let j = first; j !== -1 && !t.is(j, ','); j = t.following(j)) {
      if (t.type[j] === Token.Template || t.is(j, '+') || t.is(j, '+=')) unsure();
    }
    return null;
  }

  /** Whether an operand starting at k is an expression or a type (throws when it cannot tell). */
  private placeOf(k: number): Place {
    const t = this.t;
    const ts = this.typeScript;
    const p = k - 1;
    if (p < 0) return 'expression';
    if (this.startsStatement(k)) return this.statementPlace(t.parent[k]);
    const word = t.word(p);
    if (word !== '') {
      if (EXPRESSION_WORDS.has(word)) return 'expression';
      if (word === 'in') return ts ? unsure() : 'expression';
      if (word === 'typeof') return ts ? this.typeQueryPlace(p, k) : 'expression';
      if (word === 'default' && t.isWord(p - 1, 'export')) return 'expression';
      return unsure();
    }
    // a template's `${` or a JSX expression container's `{`
    if ((t.type[p] === Token.Template || t.type[p] === Token.Jsx) && p === t.parent[k]) return 'expression';
    if (t.type[p] !== Token.Punctuator) return unsure();
    const punctuator = t.value(p);
    if (EXPRESSION_OPERATORS.has(punctuator)) return 'expression';
    if (!ts && (punctuator === '<' || punctuator === '>' || punctuator === '>>' || punctuator === '>>>' || punctuator === '|' || punctuator === '&' || punctuator === '?' || punctuator === ':' || punctuator === '...')) return 'expression';
    switch (punctuator) {
      case ';':
      case '}':
        return this.statementPlace(t.parent[k]);
      case '{':
        return this.statementPlace(p);
      case '(':
        return this.parenContentPlace(p);
      case '[':
        return this.bracketContentPlace(p);
      case ',':
        return this.listItemPlace(k);
      case '=':
        return this.assignedPlace(p);
      case ':':
        if (this.annotated(p)) return 'type';
        return this.isObjectValue(p) ? 'expression' : unsure();
      case '=>':
        return ts ? this.placeOf(this.arrowStart(p)) : 'expression';
      default:
        return unsure();
    }
  }

  /** A statement begins at k after a line break (the line before ends an operand and k cannot continue it). */
  private startsStatement(k: number): boolean {
    const t = this.t;
    if (!t.newline[k] || k === 0) return false;
    const p = k - 1;
    const endsOperand = t.endsOperand[p] || t.is(p, '}');
    if (!endsOperand) return false;
    if (t.type[k] === Token.Identifier) return !CONTINUING.has(t.value(k));
    // `f()\n{ … }`: no object literal follows an operand, so the `{` opens a block (or a body)
    return t.type[k] === Token.String || t.type[k] === Token.Number || t.is(k, '@') || t.is(k, '{');
  }

  /** A statement (not a class or object member) may start directly inside `opener`. */
  private statementPlace(opener: number): Place {
    if (opener === -1) return 'expression';
    const kind = this.t.is(opener, '{') ? this.braceKind(opener) : 'other';
    return kind === 'function' || kind === 'try' || kind === 'block' ? 'expression' : unsure();
  }

  /** What the `{` at o opens, as far as the guard and statement positions need it. */
  private braceKind(o: number): BraceKind {
    const t = this.t;
    const p = o - 1;
    if (p < 0) return 'block';
    if (t.is(p, '=>')) return 'function';
    const word = t.word(p);
    if (word === 'try') return 'try';
    if (word === 'finally' || word === 'else' || word === 'do' || word === 'static' || word === 'catch') return 'block';
    if (EXPRESSION_WORDS.has(word)) return 'other'; // `return {`: an object
    if (t.is(p, ';') || t.is(p, '{')) return 'block';
    if (t.is(p, '}')) {
      // a block after a block; after an object type (`(): { a: T } {`, `(): A | { b: T } {`) maybe a function body
      const before = t.punctuator(t.opener[p] - 1);
      return TYPE_LITERAL_AFTER.has(before) ? this.headKind(o) : 'block';
    }
    if (t.is(p, ')')) {
      const open = t.opener[p];
      if (CONDITION_WORDS.has(t.word(open - 1)) || (t.isWord(open - 1, 'await') && t.isWord(open - 2, 'for'))) return 'block';
      if (t.newline[o]) return 'other';
      return this.inClassHead(open) ? 'class' : 'function';
    }
    if (word !== '' || t.type[p] === Token.Identifier || t.is(p, '>') || t.is(p, ']') || t.type[p] === Token.String || t.type[p] === Token.Number) return this.headKind(o);
    return 'other';
  }

  /** A `{` after a word, `>` or `]`: a class/enum/namespace body or a function body after a return type, read back to its head. */
  private headKind(o: number): BraceKind {
    const t = this.t;
    for (let j = t.previous(o), steps = 0; j !== -1 && steps < 64; j = t.previous(j), steps++) {
      const word = t.word(j);
      if (word === 'class') return 'class';
      if (word === 'namespace' || word === 'module' || word === 'global' || word === 'enum' || word === 'interface') return 'other';
      // `(…): T {`: a return type after parameters
      if (t.is(j, ':') && t.is(j - 1, ')')) return this.isParameterList(t.opener[j - 1]) ? 'function' : 'other';
      if (t.is(j, ';') || t.is(j, '=') || t.is(j, '=>') || word === 'function' || t.newline[j]) return 'other';
    }
    return 'other';
  }

  /**
   * The `(` at open starts a function's or method's parameters, by its head: `function (`,
   * `function name(`, `*name(`, or a name after a member's start (`{`, `;`, `}`, a line break or a
   * modifier). A `(…): T` that is none of these may be a conditional's `c ? f(x) : y`.
   */
  private isParameterList(open: number): boolean {
    const t = this.t;
    const name = open - 1;
    if (t.isWord(name, 'function')) return true;
    if (!t.isIdentifier(name) || t.member[name]) return false;
    const before = name - 1;
    if (before < 0) return false;
    if (t.isWord(before, 'function') || t.is(before, '*')) return true;
    if (t.is(before, '{') || t.is(before, ';') || t.is(before, '}')) return true;
    return MEMBER_MODIFIERS.has(t.word(before)) || t.isWord(before, 'async') || t.isWord(before, 'get') || t.isWord(before, 'set');
  }

  /** The `(` at open is a call in a class's `extends` clause (`class A extends mixin(B) {`). */
  private inClassHead(open: number): boolean {
    const t = this.t;
    let steps = 0;
    for (let j = t.previous(open); j !== -1; j = t.previous(j)) {
      const word = t.word(j);
      if (word === 'extends' || word === 'class' || word === 'implements') return true;
      if (word === 'function' || t.is(j, ';') || t.is(j, '=') || t.is(j, '=>') || t.is(j, ',') || t.is(j, ':') || t.is(j, '{') || t.is(j, '}')) return false;
      if (++steps > 64) unsure();
    }
    return false;
  }

  /** The `(` at open holds call arguments (after a callee, `)` or `]`) or a condition. */
  private isCallOrCondition(open: number): boolean {
    const t = this.t;
    const p = open - 1;
    if (p < 0) return false;
    if (t.type[p] === Token.Identifier) {
      if (t.member[p]) return true;
      const word = t.value(p);
      return CONDITION_WORDS.has(word) || !NOT_CALLEES.has(word);
    }
    return t.is(p, ')') || t.is(p, ']');
  }

  /** What the first operand inside the `(` at open is. */
  private parenContentPlace(open: number): Place {
    const t = this.t;
    if (this.isCallOrCondition(open)) return 'expression';
    const p = open - 1;
    const word = t.word(p);
    if (word !== '' && EXPRESSION_WORDS.has(word)) return 'expression';
    if (word !== '' || t.is(p, '>')) return unsure();
    // a group, an arrow's or function type's parameters, or a parenthesised type: as the `(` is placed
    return this.placeOf(open);
  }

  /** What the first operand inside the `[` at open is (not an index: `a[import('x')]`, or `T[…]` in a type). */
  private bracketContentPlace(open: number): Place {
    const t = this.t;
    const p = open - 1;
    const index = p >= 0 && ((t.type[p] === Token.Identifier && !EXPRESSION_WORDS.has(t.word(p))) || t.is(p, ')') || t.is(p, ']'));
    // an index (`a[import('x')]`, or `T[K]` in a type) is left to oxc in TypeScript
    if (index) return this.typeScript ? unsure() : 'expression';
    return this.placeOf(open);
  }

  /** An operand after `,`: an argument, an array element (not a member or a declarator). */
  private listItemPlace(k: number): Place {
    const t = this.t;
    const o = t.parent[k];
    if (o === -1 || t.is(o, '{')) return unsure();
    if (this.typeScript) {
      // `f<A, import('x').B>()`: a comma in type arguments
      for (let j = t.previous(k); j !== -1; j = t.previous(j)) if (t.is(j, '<') || t.is(j, '>') || t.is(j, '>>')) unsure();
    }
    if (t.is(o, '(')) return this.parenContentPlace(o);
    if (t.is(o, '[')) return this.bracketContentPlace(o);
    return 'expression'; // a template substitution or a JSX expression container
  }

  /** An operand after `=` at e: a declaration's initialiser or an assignment, not a type alias or a type parameter's default. */
  private assignedPlace(e: number): Place {
    const t = this.t;
    if (!this.typeScript) return 'expression';
    const target = e - 1;
    if (target < 0) return unsure();
    if (t.type[target] === Token.Identifier) {
      if (t.member[target]) return 'expression';
      const before = target - 1;
      const word = t.word(before);
      if (DECLARATION_WORDS.has(word)) return 'expression';
      if (word === 'type') return 'type';
      if (before < 0 || t.is(before, ';') || t.is(before, '(') || (t.is(before, '{') && this.braceKind(before) !== 'class') || (t.is(before, '}') && t.opener[before] !== -1)) return 'expression';
      return unsure();
    }
    if (t.is(target, ']') || t.is(target, ')')) {
      const open = t.opener[target];
      // `a[i] = `, `obj.f() = ` never stand in a type; a pattern only after a declaration keyword
      if (t.is(target, ']') && (t.isIdentifier(open - 1) && t.member[open - 1] || t.is(open - 1, ']') || t.is(open - 1, ')'))) return 'expression';
      return DECLARATION_WORDS.has(t.word(open - 1)) ? 'expression' : unsure();
    }
    if (t.is(target, '}')) return DECLARATION_WORDS.has(t.word(t.opener[target] - 1)) ? 'expression' : unsure();
    return unsure();
  }

  /** The `:` at c follows a key of an object literal (`{ a: …, 'b': … }`, the `{` in an expression's place). */
  private isObjectValue(c: number): boolean {
    const t = this.t;
    const o = t.parent[c];
    const key = c - 1;
    if (o === -1 || !t.is(o, '{') || !(t.type[key] === Token.Identifier || t.type[key] === Token.String)) return false;
    if (!(key - 1 === o || t.is(key - 1, ','))) return false;
    return this.placeOf(o) === 'expression';
  }

  /** The `:` at c annotates a type: `x?: T`, `const x: T`, `readonly x: T`. */
  private annotated(c: number): boolean {
    const t = this.t;
    if (t.is(c - 1, '?')) return true;
    if (!t.isIdentifier(c - 1) || t.member[c - 1]) return false;
    const word = t.word(c - 2);
    return DECLARATION_WORDS.has(word) || MEMBER_MODIFIERS.has(word);
  }

  /** `typeof import(…)` in TypeScript: a type query in `f<typeof import('x')>(…)` or an annotation; else left to oxc. */
  private typeQueryPlace(typeofAt: number, k: number): Place {
    const t = this.t;
    const before = typeofAt - 1;
    if (t.is(before, ':')) return this.annotated(before) ? 'type' : unsure();
    if (t.is(before, '<') && t.isIdentifier(before - 1)) {
      const close = t.closer[k + 1];
      if (t.is(close + 1, '>') && t.is(close + 2, '(')) return 'type';
    }
    return unsure();
  }

  /** The first token of the arrow function whose `=>` is at a: its parameters, or `async` before them. */
  private arrowStart(a: number): number {
    const t = this.t;
    const p = a - 1;
    let start: number;
    if (t.is(p, ')')) start = t.opener[p];
    else if (t.isIdentifier(p) && !t.member[p] && !t.is(p - 1, ':') && !t.is(p - 1, '.') && !t.is(p - 1, '?.')) start = p;
    else return unsure(); // a return type, `<T>(…)`
    if (t.is(start - 1, '>')) unsure(); // type parameters
    if (t.isWord(start - 1, 'async') && !t.newline[start]) start--;
    return start;
  }

  /**
   * The walk's guard: 'try' inside a `try` block, else 'function' inside a function (body,
   * parameters or an arrow's expression body) not called where it is written, else null.
   */
  private guardOf(k: number): Guard | null {
    const t = this.t;
    let inFunction = false;
    // something this reader cannot read may make the import's code a function's: that matters
    // only when nothing else does (a `try` around it, or a function it is sure of)
    let doubt = false;
    const read = (step: () => void): void => {
      try {
        step();
      } catch (e) {
        if (!(e instanceof Unsure)) throw e;
        doubt = true;
      }
    };
    let at = k;
    for (;;) {
      const o = t.parent[at];
      const from = at;
      if (!inFunction) read(() => {
        for (const arrow of this.arrowsAround(from)) if (!this.calledArrow(arrow, o)) inFunction = true;
      });
      if (o === -1) break;
      if (t.is(o, '{')) {
        if (t.isWord(o - 1, 'try')) return 'try';
        if (!inFunction) read(() => {
          const kind = this.braceKind(o);
          if (kind === 'function') {
            if (!this.calledFunctionBody(o)) inFunction = true;
          } else if (kind === 'class' || (kind === 'other' && !this.isObjectOrBlock(o))) {
            unsure(); // a field initialiser or a computed key; a body this reader cannot name
          }
        });
      } else if (t.is(o, '(') && !inFunction) {
        const after = t.closer[o] + 1;
        // parameters (a default value): the walk counts them as the function's
        if (t.is(after, '=>') || t.is(after, ':') || (t.is(after, '{') && !CONDITION_WORDS.has(t.word(o - 1)))) doubt = true;
      }
      at = o;
    }
    if (inFunction) return 'function';
    return doubt ? unsure() : null;
  }

  /** A `{` that cannot be a function, class or try body: an object literal after an operator, a block after `:`... */
  private isObjectOrBlock(o: number): boolean {
    const t = this.t;
    const p = o - 1;
    const punctuator = t.punctuator(p);
    if (punctuator !== '' && punctuator !== ')' && punctuator !== ']' && punctuator !== '>' && punctuator !== '}' && punctuator !== '=>') return true;
    const word = t.word(p);
    return word !== '' && EXPRESSION_WORDS.has(word);
  }

  /**
   * The `=>` tokens at `at`'s level whose expression bodies hold `at`: read back to where an
   * assignment expression must start (a `,`, a `;`, the level's opener, a new statement).
   * Anything there that may end an arrow's body without being one of those (`?`/`:` of a
   * conditional, `=`, a comma inside type arguments) makes it unsure.
   */
  private arrowsAround(at: number): number[] {
    const t = this.t;
    const arrows: number[] = [];
    let doubtful = false;
    let angles = false;
    for (let j = t.previous(at), after = at; j !== -1; after = j, j = t.previous(j)) {
      if (this.startsStatement(after)) break;
      if (t.is(j, '=>')) {
        // a block body is a bracket of its own: the arrow holds nothing at this level
        if (t.is(after, '{')) {
          doubtful = true;
          continue;
        }
        if (doubtful) unsure();
        arrows.push(j);
        continue;
      }
      if (t.is(j, ';')) break;
      if (t.is(j, ',')) {
        if (!angles) break;
        doubtful = true;
        continue;
      }
      if (t.type[j] !== Token.Punctuator) continue;
      const p = t.value(j);
      if (p === '<' || p === '>' || p === '>>' || p === '>>>') {
        if (this.typeScript) angles = true;
      } else if (p === '=' && this.declares(j)) {
        break; // a declarator's initialiser starts here: what is before it is a name and its type
      } else if (p === '?' || p === ':' || p === '=' || p.endsWith('=') && p !== '==' && p !== '===' && p !== '!=' && p !== '!==' && p !== '<=' && p !== '>=') {
        doubtful = true;
      }
    }
    return arrows;
  }

  /** The `=` at e starts a declarator's initialiser: `const`, `let` or `var` before it at its level, past the name and its type only. */
  private declares(e: number): boolean {
    const t = this.t;
    for (let j = t.previous(e); j !== -1; j = t.previous(j)) {
      if (DECLARATION_WORDS.has(t.word(j))) return true;
      if (t.is(j, ';') || t.is(j, '=') || this.startsStatement(j)) return false;
    }
    return false;
  }

  /** Whether a call follows the closer at c: `(…)(`, `(…)?.(`, `(…).call(`, `(…).apply(`; Unsure for `!` and `<`. */
  private callFollows(c: number): boolean {
    const t = this.t;
    const n = c + 1;
    if (t.is(n, '(')) return true;
    if (t.is(n, '!') || t.is(n, '<')) unsure();
    if (t.is(n, '?.') && t.is(n + 1, '(')) return true;
    if ((t.is(n, '.') || t.is(n, '?.')) && t.isIdentifier(n + 1) && (t.value(n + 1) === 'call' || t.value(n + 1) === 'apply') && t.is(n + 2, '(')) return true;
    return false;
  }

  /** The `(` at o groups an expression (not a call's arguments, a condition or `new`'s callee). */
  private isGroup(o: number): boolean {
    const t = this.t;
    const p = o - 1;
    if (p < 0) return true;
    if (t.type[p] === Token.Identifier) {
      if (t.member[p]) return false;
      const word = t.value(p);
      if (word === 'new') return false;
      if (EXPRESSION_WORDS.has(word) || word === 'typeof' || word === 'in') return true;
      return false;
    }
    if (t.is(p, '>') || t.is(p, '}')) unsure();
    return t.type[p] === Token.Punctuator && !t.is(p, ')') && !t.is(p, ']');
  }

  /** The arrow at `arrow` (expression body holding the site) is called where it is written: `(() => …)()`. */
  private calledArrow(arrow: number, o: number): boolean {
    const t = this.t;
    if (o === -1 || !t.is(o, '(')) return false;
    const close = t.closer[o];
    if (!this.callFollows(close) || !this.isGroup(o)) return false;
    // the group holds the arrow alone: it starts there and no `,` at its level ends it first
    for (let j = t.following(arrow); j !== -1; j = t.following(j)) {
      if (t.is(j, ',')) return false;
      if (this.typeScript && (t.is(j, '<') || t.is(j, '>'))) unsure();
    }
    return this.arrowStart(arrow) === o + 1;
  }

  /** The function body `{` at o belongs to a function called where it is written. */
  private calledFunctionBody(o: number): boolean {
    const t = this.t;
    const end = t.closer[o];
    if (t.is(o - 1, '=>')) {
      const arrow = o - 1;
      const group = t.parent[arrow];
      if (group === -1 || !t.is(group, '(')) return false;
      const close = t.closer[group];
      if (!this.callFollows(close) || !this.isGroup(group)) return false;
      return end + 1 === close && this.arrowStart(arrow) === group + 1;
    }
    // a function expression or a method
    if (t.is(end + 1, '(') || t.is(end + 1, '?.')) unsure(); // `function () {}()`, or a declaration and a group
    const group = t.parent[o];
    if (group === -1 || !t.is(group, '(') || end + 1 !== t.closer[group]) return false;
    if (!this.callFollows(end + 1) || !this.isGroup(group)) return false;
    const first = t.isWord(group + 1, 'async') ? group + 2 : group + 1;
    return t.isWord(first, 'function') ? true : unsure();
  }

  /**
   * The names the walk binds: `const x = await import('m')` → `* as x`, `const { a, b: c } = …`
   * → a, b as c; none when the import is not the whole initialiser of a declaration.
   */
  private namesOf(k: number): ImportedName[] {
    const t = this.t;
    let first = k;
    let last = t.closer[k + 1];
    let awaited = false;
    for (;;) {
      if (t.is(first - 1, '(') && t.closer[first - 1] === last + 1) {
        first--;
        last++;
      } else if (!awaited && t.isWord(first - 1, 'await')) {
        first--;
        awaited = true;
      } else {
        break;
      }
    }
    const next = last + 1;
    // TypeScript's wrappers, which the walk sees through
    if (t.isWord(next, 'as') || t.isWord(next, 'satisfies') || t.is(next, '!')) unsure();
    const e = first - 1;
    if (!t.is(e, '=')) return [];
    if (next < t.count) {
      const ends = t.is(next, ';') || t.is(next, ',') || t.is(next, ')') || t.is(next, ']') || t.is(next, '}') || this.startsStatement(next);
      if (!ends) {
        if (t.is(next, ':')) unsure();
        return []; // a member, a call or an operator: the initialiser is more than the import
      }
    }
    const target = e - 1;
    if (t.type[target] === Token.Identifier) {
      if (t.member[target]) return [];
      const before = target - 1;
      if (DECLARATION_WORDS.has(t.word(before))) return [{ name: '*', alias: t.value(target) }];
      if (before < 0 || t.is(before, ';') || t.is(before, '(') || t.is(before, '{') || t.is(before, '}') || this.startsStatement(target)) return [];
      return unsure();
    }
    if (t.is(target, '}')) {
      const open = t.opener[target];
      if (DECLARATION_WORDS.has(t.word(open - 1))) return this.objectPatternNames(open);
      if (t.is(open - 1, '(')) return [];
      return unsure();
    }
    if (t.is(target, ']')) {
      if (DECLARATION_WORDS.has(t.word(t.opener[target] - 1))) return [];
      return unsure();
    }
    return unsure();
  }

  /** `{ a, b: c, 'd': e, f: { g }, ...rest }` → a, b as c, d as e, f (walk.ts boundNames). */
  private objectPatternNames(open: number): ImportedName[] {
    const t = this.t;
    const names: ImportedName[] = [];
    let j = open + 1;
    const close = t.closer[open];
    while (j < close) {
      if (t.is(j, '...')) {
        if (!t.isIdentifier(j + 1)) unsure();
        j += 2; // a rest element binds no imported name
      } else {
        let key: string;
        if (t.type[j] === Token.Identifier) key = t.value(j);
        else if (t.type[j] === Token.String) key = t.text.slice(t.start[j] + 1, t.end[j] - 1);
        else return unsure();
        if (key.includes('\\')) unsure();
        j++;
        if (t.is(j, ':')) {
          j++;
          if (t.type[j] === Token.Identifier) {
            const local = t.value(j);
            names.push(local !== key ? { name: key, alias: local } : { name: key });
            j++;
          } else if (t.is(j, '{') || t.is(j, '[')) {
            names.push({ name: key });
            j = t.closer[j] + 1;
          } else {
            return unsure();
          }
        } else {
          if (t.type[j - 1] !== Token.Identifier) unsure();
          names.push({ name: key });
        }
      }
      if (t.is(j, ',')) j++;
      else if (j !== close) unsure(); // a default value, or what this reader does not know
    }
    return names;
  }
}
