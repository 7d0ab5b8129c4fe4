/**
 * A JavaScript/TypeScript tokenizer that knows just enough of the grammar to never mistake
 * what is code: strings, template literals with nested substitutions, comments, regular
 * expressions (told from division by the token before, with the `if (…) /re/` and block `}`
 * cases), numbers, punctuators and JSX elements (jsx.ts). It keeps the bracket stack so the
 * statement reader knows what is top level, counts decision points, and checks a few token
 * sequences no valid program has. Whatever it cannot be sure of (an unterminated literal, an
 * unbalanced bracket, a character outside ASCII in code, such a sequence) throws `Unsure`, and
 * the caller hands the file to the real parser: a wrong answer must never come out of here,
 * only a slower one.
 */
import type { Comment } from 'oxc-parser';
import { continueJsx, type JsxContext, type JsxStep, startJsx, typeParametersAt } from './jsx.js';
import { Unsure } from './unsure.js';

export { Unsure };

export const enum Token {
  End,
  Identifier,
  String,
  Number,
  Template,
  /** A JSX element, or the part of one up to an expression container's `{`. */
  Jsx,
  Regex,
  Punctuator,
}

/**
 * What the previous token allows next, for the few grammar checks the lexer makes: code that
 * fails one (`const = ;`, `a + )`, `{ a: 1 b: 2 }`) goes to the parser, which reports the error.
 */
const enum Shape {
  Other,
  /** A binary, assignment or prefix operator: an operand must follow. */
  Operator,
  /** An identifier that is not a keyword (see ADJACENT_WORDS). */
  PlainWord,
  /** A string or number literal. */
  Literal,
  /** const, let or var: a name or a pattern must follow. */
  Declaration,
}

/** Operators after which an operand must come (not `>`-closers, `?`, `:` or `,`, which TypeScript and trailing commas let stand). */
const OPERAND_OPERATORS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=', '&&=', '||=', '??=', '==', '===', '!=', '!==', '<=', '>=', '&&', '||', '??', '+', '-', '*', '/', '%', '**', '^', '<<', '&', '|', '~', '!', '=>', '...', '?.']);

/** OPERAND_OPERATORS of one character, by code: most punctuators are one character long. */
const OPERAND_CHARS = new Uint8Array(128);
for (const p of OPERAND_OPERATORS) if (p.length === 1) OPERAND_CHARS[p.charCodeAt(0)] = 1;

/** Tokens that cannot start an operand, as `;`, `)`, `]`, `}` and `,` (by character code). */
const isCloser = (c: number): boolean => c === 59 || c === 41 || c === 93 || c === 125 || c === 44;

/** What the bracket on the stack opened, which decides what a `/` after its closer means. */
const enum Open {
  Paren,
  /** `(` after if/while/for/with: a `/` after its `)` starts a regex. */
  ConditionParen,
  Bracket,
  /** A block body: a `/` after its `}` starts a regex. */
  Block,
  /** An object literal or type literal: a `/` after its `}` divides. */
  ObjectBrace,
  /** `${` inside a template literal: its `}` resumes the template. */
  Substitution,
  /** `{` of a JSX expression container: its `}` resumes the JSX. */
  JsxExpression,
}

/** Keywords after which an expression starts, so a `/` begins a regex and `{` an object. */
const EXPRESSION_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends', 'default']);
/** Keywords whose parenthesised head is followed by a statement, where `/` begins a regex. */
const CONDITION_KEYWORDS = new Set(['if', 'while', 'for', 'with']);
/** Keywords after which `{` opens a block, not an object. */
const BLOCK_KEYWORDS = new Set(['else', 'do', 'try', 'finally']);
/** Keywords that are decision points, for the complexity count (`do … while` counts once). */
const BRANCH_KEYWORDS = new Set(['if', 'for', 'while', 'catch', 'case']);
/**
 * Words in code that the AST walk acts on (CommonJS, workers, process.argv, command modules by
 * name): a file holding one is parsed and walked, so the scan stops. Checked after `.` as well
 * (`module.exports`, `process.argv`, `globalThis.require`).
 */
const WALK_WORDS = new Set(['require', 'exports', 'execa', 'zx', 'bun', 'Bun', 'Worker', 'argv']);

/**
 * `import.meta` properties the AST walk acts on (`import.meta.resolve()`, Vite's `glob`, webpack's `webpackContext`, Deno's and
 * Bun's `main`): a file using one is parsed and walked. Any other property (`url`, `dirname`,
 * `env`) is read here, unless the file also names `URL`, for `new URL('./x', import.meta.url)`.
 */
const WALKED_META_PROPERTIES = new Set(['resolve', 'glob', 'globEager', 'main', 'webpackContext']);

/**
 * Words that may stand next to another word on one line (`export const x`, `x as T`, `get y()`,
 * `readonly z`). Two words side by side where neither is one of these cannot be JavaScript or
 * TypeScript (`crypto character encoding`): such text goes to the parser, which says what is wrong.
 */
const ADJACENT_WORDS = new Set([
  'abstract', 'accessor', 'as', 'assert', 'asserts', 'async', 'await', 'break', 'case', 'class', 'const', 'continue', 'declare', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'from', 'function', 'get', 'global', 'implements', 'import', 'in', 'infer', 'instanceof', 'interface', 'is', 'keyof', 'let', 'module', 'namespace',
  'new', 'of', 'out', 'override', 'private', 'protected', 'public', 'readonly', 'return', 'satisfies', 'set', 'static', 'throw', 'type', 'typeof', 'unique', 'using', 'var',
  'void', 'with', 'yield',
]);

/**
 * The objects whose computed members the walk reads by a walk word: `module['exports']`,
 * `worker_threads['Worker']` (dotted names `module.exports`, `worker_threads.Worker`).
 */
const KEYED_OBJECTS = new Set(['module', 'worker_threads']);

/**
 * Words that continue an expression across a line break, so no statement ends before them (the
 * statement reader and dynamic-imports.ts read the same list). Each is an ADJACENT_WORDS word.
 */
export const CONTINUING_WORDS: readonly string[] = ['in', 'instanceof', 'as', 'satisfies', 'of', 'extends', 'keyof'];

/** What the lexer needs to know of a known word, as bits (one table lookup instead of a Set lookup per question). */
const enum Word {
  Expression = 1,
  Condition = 2,
  Block = 4,
  Branch = 8,
  Walk = 16,
  Adjacent = 32,
  Keyed = 64,
  Import = 128,
  Url = 256,
  Declaration = 512,
  Continuing = 1024,
}

/** Every word the lexer tells apart, and its Word bits at the same index. */
const WORDS: readonly string[] = [...new Set([...EXPRESSION_KEYWORDS, ...CONDITION_KEYWORDS, ...BLOCK_KEYWORDS, ...BRANCH_KEYWORDS, ...WALK_WORDS, ...ADJACENT_WORDS, ...KEYED_OBJECTS, ...CONTINUING_WORDS, 'import', 'URL'])];
/** The walk word the scan reads past, recording where it stands (Lexer.argvSites). */
const ARGV = WORDS.indexOf('argv');
const WORD_BITS: Uint16Array = Uint16Array.from(WORDS, (word) =>
  (EXPRESSION_KEYWORDS.has(word) ? Word.Expression : 0) |
  (CONDITION_KEYWORDS.has(word) ? Word.Condition : 0) |
  (BLOCK_KEYWORDS.has(word) ? Word.Block : 0) |
  (BRANCH_KEYWORDS.has(word) ? Word.Branch : 0) |
  (WALK_WORDS.has(word) ? Word.Walk : 0) |
  (ADJACENT_WORDS.has(word) ? Word.Adjacent : 0) |
  (KEYED_OBJECTS.has(word) ? Word.Keyed : 0) |
  (word === 'import' ? Word.Import : 0) |
  (word === 'URL' ? Word.Url : 0) |
  (word === 'const' || word === 'let' || word === 'var' ? Word.Declaration : 0) |
  (CONTINUING_WORDS.includes(word) ? Word.Continuing : 0),
);

/**
 * The WORDS indices by length and first character (length × 128 + code), to look up without
 * slicing. An array rather than a Map: this runs on every identifier, and indexing is several
 * times cheaper than hashing the key.
 */
const KNOWN_WORDS: ReadonlyArray<readonly number[] | undefined> = (() => {
  const byShape: number[][] = [];
  WORDS.forEach((word, index) => (byShape[word.length * 128 + word.charCodeAt(0)] ??= []).push(index));
  return byShape;
})();
const KNOWN_SHAPES = KNOWN_WORDS.length;

/** The WORDS index of the known word at text[start, end), or -1 (most identifiers are not one, and cost no string). */
const knownWordAt = (text: string, start: number, end: number): number => {
  const shape = (end - start) * 128 + text.charCodeAt(start);
  const candidates = shape < KNOWN_SHAPES ? KNOWN_WORDS[shape] : undefined;
  if (candidates === undefined) return -1;
  for (const index of candidates) if (text.startsWith(WORDS[index], start)) return index;
  return -1;
};

/** The Word bits of the known word at text[start, end); 0 for any other word. */
const wordBitsAt = (text: string, start: number, end: number): number => {
  const index = knownWordAt(text, start, end);
  return index < 0 ? 0 : WORD_BITS[index];
};

const CONFLICT_MARKERS = ['<<<<<<<', '=======', '>>>>>>>'];

/** 1 for the ASCII characters that may continue an identifier: letters, digits, `_` and `$`. */
const IDENTIFIER_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENTIFIER_PART[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 ? 1 : 0;

// NaN (charCodeAt past the end) and non-ASCII index nothing, which reads as undefined: false.
const isIdentifierPart = (c: number): boolean => IDENTIFIER_PART[c] === 1;

const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0;

/** The punctuators longer than one character by their first character, longest first. */
const MULTI_PUNCTUATORS: ReadonlyArray<readonly string[] | undefined> = (() => {
  const all = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];
  const byFirst: string[][] = [];
  for (const p of all.sort((a, b) => b.length - a.length)) (byFirst[p.charCodeAt(0)] ??= []).push(p);
  return byFirst;
})();

/** 1 for the characters that stand second in some MULTI_PUNCTUATORS entry: after any other, a punctuator is one character long. */
const PUNCTUATOR_SECOND = new Uint8Array(128);
for (const list of MULTI_PUNCTUATORS) for (const p of list ?? []) PUNCTUATOR_SECOND[p.charCodeAt(1)] = 1;

/** Every ASCII character as a one-char string, by its code. */
const SINGLE_PUNCTUATORS: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

export class Lexer {
  /**
   * The comments before the first statement (after a shebang and directives such as 'use
   * strict'): all that the summary reads. Comments further on are skipped, not kept.
   */
  readonly comments: Comment[] = [];
  /** Still before the first token that is not a string or `;` (comments are being kept). */
  private leading = true;
  /** The current token. */
  type: Token = Token.End;
  start = 0;
  end = 0;
  /** Where the previous token ended (comments and blanks of any kind may follow it before this one). */
  previousEnd = 0;
  /** A line break came between the previous token and this one. */
  newlineBefore = false;
  /** Bracket depth of this token: 0 is the top level; a bracket pair has its opener's depth. */
  depth = 0;
  /** This identifier follows `.` or `?.`: it names a property, whatever word it is. */
  memberName = false;
  /**
   * This identifier is one of CONTINUING_WORDS (after a dot too), from the lookup readIdentifier
   * makes anyway: the statement reader asks it after most identifiers, where comparing the seven
   * words was seven calls (no TurboFan inlining, bin/engine.js). Read only while the token is an identifier.
   */
  continuingWord = false;
  /** An expression may start at this token (a `/` here would begin a regex). */
  atExpressionStart = true;
  /** This token is the `import` of `import.meta.<property>` or of `import(…)`: an expression, not an import statement. */
  importExpression = false;
  /**
   * Where each `import` followed by `(` starts (not after a dot): a dynamic import, TypeScript's
   * `import('x').T` type or a method named `import`, which dynamic-imports.ts tells apart.
   */
  readonly importCalls: number[] = [];
  /**
   * Where each `argv` the walk would read starts (`process.argv`: a command-line program's mark):
   * the scan reads on, and the caller walks the top-level statements that hold them (command-sites.ts).
   */
  argvSites: number[] | null = null;
  /**
   * Some `import.meta` may be a call's second argument (see mayFollowComma): with `URL`, it may be
   * `new URL('./x', import.meta.url)`. The usual `fileURLToPath(import.meta.url)` is not.
   */
  sawImportMetaArgument = false;
  /** The code names `URL` (not as a property): with `import.meta`, it may be `new URL('./x', import.meta.url)`. */
  sawUrl = false;
  /** The code names `module` or `worker_threads` (KEYED_OBJECTS): a string walk word may be a key the walk reads. */
  private sawKeyedObject = false;
  /** The current token is a word that may not stand beside another word (see ADJACENT_WORDS). */
  private plainWord = false;
  /** The JSX elements being read, innermost last (an expression container can hold another). */
  private readonly jsxContexts: JsxContext[] = [];
  private shape: Shape = Shape.Other;
  /**
   * Decision points so far: if, for, while, catch, case, `&&`, `||` and the `?` of a conditional
   * (not `?.`, `??`, nor TypeScript's optional `x?: T`, `x?)`, `x?,`, `x? =`).
   */
  branches = 0;

  private pos = 0;
  private readonly stack: Open[] = [];
  /**
   * Whether a `/` here would start a regex (an expression may start here); false after a token
   * that ends an operand (endsOperand, which the statement reader reads as this property: a call per token otherwise).
   */
  regexAllowed = true;
  /** What a `{` here would open. */
  private braceOpens: Open = Open.Block;
  /** The previous token was `.` or `?.`: a keyword here is a property name. */
  private afterDot = false;
  /** The previous identifier was if/while/for/with, so the next `(` is a condition. */
  private conditionNext = false;

  constructor(
    readonly text: string,
    /** JSX may appear (.js, .jsx, .tsx): a `<` where an expression starts opens an element (jsx.ts). */
    private readonly jsx: boolean,
    /**
     * walkWords: stop at what the AST walk acts on (WALK_WORDS, import(), import.meta); off to only
     * count. tsx: the file is .tsx, where `<T,>(x: T) => x` is a generic arrow function, not an element.
     */
    private readonly options: { walkWords: boolean; tsx?: boolean } = { walkWords: true },
  ) {
    if (text.startsWith('#!')) {
      let e = 2;
      while (e < text.length && !isLineBreak(text.charCodeAt(e))) e++;
      this.comments.push({ type: 'Line', value: text.slice(2, e), start: 0, end: e });
      this.pos = e;
    }
  }

  /** How many brackets (and template substitutions, JSX expression containers) are open after the current token. */
  openBrackets(): number {
    return this.stack.length;
  }

  /** The current token ends an operand: what follows it cannot start an expression. */
  endsOperand(): boolean {
    return !this.regexAllowed;
  }

  /** The current token's type (a method, so the reader's checks are not narrowed across `next()`). */
  token(): Token {
    return this.type;
  }

  value(): string {
    return this.text.slice(this.start, this.end);
  }

  // Both compare the first character before the rest: the reader asks them of most tokens it
  // reads, and most answers are no.
  is(punctuator: string): boolean {
    return (
      this.type === Token.Punctuator &&
      this.end - this.start === punctuator.length &&
      this.text.charCodeAt(this.start) === punctuator.charCodeAt(0) &&
      (punctuator.length === 1 || this.text.startsWith(punctuator, this.start))
    );
  }

  isWord(word: string): boolean {
    return this.type === Token.Identifier && this.end - this.start === word.length && this.text.charCodeAt(this.start) === word.charCodeAt(0) && this.text.startsWith(word, this.start);
  }

  /** The cooked value of the current string token; escapes are left to the real parser. */
  stringValue(): string {
    const inner = this.text.slice(this.start + 1, this.end - 1);
    if (inner.includes('\\')) throw new Unsure();
    return inner;
  }

  /** Advances to the next token, skipping whitespace and collecting comments. */
  next(): void {
    const text = this.text;
    const n = text.length;
    let pos = this.pos;
    this.previousEnd = this.end;
    this.newlineBefore = false;
    this.importExpression = false;
    for (;;) {
      if (pos >= n) {
        this.pos = pos;
        if (this.stack.length > 0 || this.shape === Shape.Operator) throw new Unsure();
        this.type = Token.End;
        this.start = this.end = n;
        this.depth = 0;
        return;
      }
      const c = text.charCodeAt(pos);
      // a blank and `\n` first: most of the characters between tokens
      if (c === 32) {
        pos++;
      } else if (c === 10) {
        this.newlineBefore = true;
        pos++;
      } else if (c > 32 && c < 127 && c !== 47 && c !== 45) {
        // a token's first character (printable ASCII but `/`, a comment's, and `-`, of `-->`): no
        // blank or break to test it against, and no call for that (no TurboFan inlining, bin/engine.js)
        break;
      } else if (isSpace(c)) {
        pos++;
      } else if (isLineBreak(c)) {
        this.newlineBefore = true;
        pos++;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
        let e = pos + 2;
        // the line breaks spelled out, not isLineBreak: without TurboFan inlining (bin/engine.js) that is a call per character of every comment
        for (; e < n; e++) {
          const ch = text.charCodeAt(e);
          if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) break;
        }
        if (this.leading) this.comments.push({ type: 'Line', value: text.slice(pos + 2, e), start: pos, end: e });
        pos = e;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) throw new Unsure();
        if (!this.newlineBefore) {
          for (let k = pos + 2; k < close; k++) {
            const ch = text.charCodeAt(k);
            if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) {
              this.newlineBefore = true;
              break;
            }
          }
        }
        if (this.leading) this.comments.push({ type: 'Block', value: text.slice(pos + 2, close), start: pos, end: close + 2 });
        pos = close + 2;
      } else if (c === 45 && text.startsWith('-->', pos) && (this.newlineBefore || this.end === 0)) {
        throw new Unsure(); // an HTML-like closing comment in a script
      } else {
        break;
      }
    }
    const afterPlainWord = this.plainWord && !this.newlineBefore;
    this.plainWord = false;
    const previous = this.shape;
    this.shape = Shape.Other;
    this.start = pos;
    this.depth = this.stack.length;
    this.atExpressionStart = this.regexAllowed;
    const c = text.charCodeAt(pos);
    if (this.leading && c !== 39 && c !== 34 && c !== 59) this.leading = false;
    if (IDENTIFIER_PART[c] === 1 && !(c >= 48 && c <= 57)) {
      this.readIdentifier(pos + 1, afterPlainWord);
    } else if (c === 35) {
      // #private names; a shebang anywhere but the start is not JavaScript
      if (!isIdentifierPart(text.charCodeAt(pos + 1))) throw new Unsure();
      this.readIdentifier(pos + 1, afterPlainWord);
    } else if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(pos + 1) >= 48 && text.charCodeAt(pos + 1) <= 57)) {
      this.readNumber(pos);
    } else if (c === 39 || c === 34) {
      this.readString(pos, c);
    } else if (c === 96) {
      this.readTemplate(pos + 1);
    } else if (c === 47 && this.regexAllowed) {
      this.readRegex(pos + 1);
    } else if (c > 127 || c === 92) {
      throw new Unsure(); // non-ASCII or escaped identifiers
    } else {
      this.readPunctuator(pos, c);
    }
    this.pos = this.end;
    if (previous === Shape.PlainWord) {
      // checkGrammar's commonest case (every plain identifier sets it) here, not by a call per identifier (no TurboFan inlining, bin/engine.js)
      const type = this.type;
      if (!this.newlineBefore && (type === Token.String || type === Token.Number)) throw new Unsure();
    } else if (previous !== Shape.Other) {
      this.checkGrammar(previous, c);
    }
  }

  /** The token just read against what the one before allows; see Shape. */
  private checkGrammar(previous: Shape, c: number): void {
    const type = this.type;
    switch (previous) {
      case Shape.Operator:
        if (type === Token.Punctuator && isCloser(c)) throw new Unsure();
        return;
      case Shape.Declaration:
        if (type !== Token.Identifier && !(type === Token.Punctuator && (c === 123 || c === 91))) throw new Unsure();
        return;
      case Shape.Literal:
        if (this.newlineBefore) return;
        if ((type === Token.Identifier && this.plainWord) || type === Token.String || type === Token.Number) throw new Unsure();
        return;
      case Shape.PlainWord:
        if (!this.newlineBefore && (type === Token.String || type === Token.Number)) throw new Unsure();
        return;
    }
  }

  private readIdentifier(from: number, afterPlainWord: boolean): void {
    const text = this.text;
    let e = from;
    // the table itself, not isIdentifierPart: census runs without TurboFan inlining (bin/engine.js), so a helper here is a call per character
    while (e < text.length && IDENTIFIER_PART[text.charCodeAt(e)] === 1) e++;
    // 0 past the end, not charCodeAt's NaN: a read out of bounds throws V8's compiled code away
    const next = e < text.length ? text.charCodeAt(e) : 0;
    if (next > 127 || next === 92) throw new Unsure();
    this.type = Token.Identifier;
    this.end = e;
    this.memberName = this.afterDot;
    const known = knownWordAt(text, this.start, e);
    const bits = known < 0 ? 0 : WORD_BITS[known];
    this.continuingWord = (bits & Word.Continuing) !== 0;
    if ((bits & Word.Walk) !== 0 && this.options.walkWords && !this.inertWalkWord(WORDS[known], e)) {
      if (known !== ARGV) throw new Unsure();
      (this.argvSites ??= []).push(this.start);
    }
    if ((bits & Word.Keyed) !== 0) this.sawKeyedObject = true;
    // after a dot a keyword is a property name: none of its bits below apply
    const word = this.afterDot ? 0 : bits;
    if ((word & Word.Branch) !== 0) this.branches++;
    if ((word & Word.Import) !== 0 && this.options.walkWords) {
      // the import.meta forms the walk reads are for the AST walk (a comment between counts as one); import() is read after the scan
      let k = e;
      while (isSpace(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k))) k++;
      const after = text.charCodeAt(k);
      if (after === 46 && this.readsMetaProperty(k)) {
        this.importExpression = true;
        if (this.mayFollowComma(this.start)) this.sawImportMetaArgument = true;
      } else if (after === 40) {
        this.importExpression = true;
        this.importCalls.push(this.start);
      } else if (after === 46 || after === 47) throw new Unsure();
    }
    if ((word & Word.Url) !== 0) this.sawUrl = true;
    // a decorator's name stands before the parameter or member it decorates: `@Inject() x`, `@Inject x`
    const decorator = this.start > 0 && text.charCodeAt(this.start - 1) === 64;
    this.plainWord = !decorator && (word & Word.Adjacent) === 0;
    if (this.plainWord && afterPlainWord) throw new Unsure();
    // `const` starting a statement, not `as const` nor a key (`{ let: vars, const: 'x' }`, MongoDB's $lookup, JSON Schema)
    const declaration = (word & Word.Declaration) !== 0 && (this.atExpressionStart || this.newlineBefore) && !this.isObjectKey(e);
    this.shape = this.plainWord ? Shape.PlainWord : declaration ? Shape.Declaration : Shape.Other;
    const expressionKeyword = (word & Word.Expression) !== 0;
    this.conditionNext = (word & Word.Condition) !== 0;
    this.regexAllowed = expressionKeyword;
    this.braceOpens = expressionKeyword && (word & Word.Block) === 0 ? Open.ObjectBrace : Open.Block;
    this.afterDot = false;
  }

  /**
   * A walk word the walk cannot act on here: a key, a typed name or a label (`exports: Exports`,
   * `argv?: string[]`, `{ require: false }`) or a method named `exports` (`static exports(module)`),
   * never after a dot. The walk reads these words only as a call's callee (`require(…)`), the
   * callee of `new` (`new Worker(…)`), a member's object or property (`Bun.spawn`, `process.argv`,
   * `module.exports`, `exports.x = …`) or `Object.defineProperty(exports, …)`; a bare word before
   * `:` is none of them (in `c ? exports : x` the conditional is what a call or member would hold),
   * and a call of `exports` runs nothing the walk knows. What the walk does note of a bare
   * `exports` (that the file uses CommonJS) only decides whether a file exporting nothing is a
   * script, and such files go to the walk anyway (extract.ts).
   */
  private inertWalkWord(word: string, end: number): boolean {
    if (this.afterDot) return false;
    const text = this.text;
    let k = end;
    while (isSpace(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k))) k++;
    let c = text.charCodeAt(k);
    if (c === 40) return word === 'exports';
    if (c === 63) {
      k++;
      while (isSpace(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k))) k++;
      c = text.charCodeAt(k);
    }
    return c === 58;
  }

  /**
   * Whether the word ending at `end` is a key of an object literal, pattern or type literal: the
   * innermost bracket is a `{` the lexer reads as an object, the word follows that `{` or a `,`
   * (only blanks between) and a `:` follows it. Used for `let` and `const`, which elsewhere must be
   * followed by a name or a pattern. A block the lexer takes for an object (after `case x:` or a
   * label) holding `const: …` is not valid code and is not caught here; `let:` there is a label.
   */
  private isObjectKey(end: number): boolean {
    if (this.stack.length === 0 || this.stack[this.stack.length - 1] !== Open.ObjectBrace) return false;
    const text = this.text;
    let k = end;
    while (isSpace(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 58 || text.charCodeAt(k + 1) === 58) return false;
    let b = this.start - 1;
    while (b >= 0 && (isSpace(text.charCodeAt(b)) || isLineBreak(text.charCodeAt(b)))) b--;
    const before = text.charCodeAt(b);
    return before === 123 || before === 44;
  }

  /**
   * Whether `.meta.<name>` follows at `dot` (only blanks between the parts) with a name the walk
   * does not act on. Anything else after `import.` (a comment, `import.meta` alone, `?.`, `[…]`)
   * is left to the parser.
   */
  private readsMetaProperty(dot: number): boolean {
    const text = this.text;
    const blanks = (k: number): number => {
      while (isSpace(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k))) k++;
      return k;
    };
    let k = blanks(dot + 1);
    if (!text.startsWith('meta', k) || isIdentifierPart(text.charCodeAt(k + 4))) return false;
    k = blanks(k + 4);
    if (text.charCodeAt(k) !== 46) return false;
    k = blanks(k + 1);
    const start = k;
    if (!isIdentifierPart(text.charCodeAt(k)) || (text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57)) return false;
    while (isIdentifierPart(text.charCodeAt(k))) k++;
    const c = text.charCodeAt(k);
    if (c > 127 || c === 92) return false;
    return !WALKED_META_PROPERTIES.has(text.slice(start, k));
  }

  /**
   * Whether what comes before `start`, past blanks and opening parentheses, is `,` or `>` (a
   * `<T>` assertion): where a call's second argument starts, `new URL('./x', (import.meta.url))`.
   * Read backwards, so a comment there counts as yes: a block comment ends in `/`, and a line
   * comment cannot be told from code, so a `//` anywhere on the line before counts too.
   */
  private mayFollowComma(start: number): boolean {
    const text = this.text;
    let k = start - 1;
    let crossedLine = false;
    for (; k >= 0; k--) {
      const c = text.charCodeAt(k);
      if (isLineBreak(c)) crossedLine = true;
      else if (!isSpace(c) && c !== 40) break;
    }
    if (k < 0) return false;
    const c = text.charCodeAt(k);
    if (c === 44 || c === 62 || c === 47) return true;
    if (!crossedLine) return false;
    let lineStart = k;
    while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
    return text.slice(lineStart, k + 1).includes('//');
  }

  private readNumber(from: number): void {
    const text = this.text;
    let e = from;
    for (;;) {
      const c = text.charCodeAt(e);
      if (isIdentifierPart(c) || c === 46) e++;
      else if ((c === 43 || c === 45) && (text.charCodeAt(e - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(from, e))) e++;
      else break;
    }
    this.type = Token.Number;
    this.end = e;
    this.afterValue();
    this.shape = Shape.Literal;
  }

  private readString(from: number, quote: number): void {
    const text = this.text;
    let e = from + 1;
    for (;;) {
      if (e >= text.length) throw new Unsure();
      const c = text.charCodeAt(e);
      if (c === quote) break;
      if (c === 92) {
        e += text.charCodeAt(e + 1) === 13 && text.charCodeAt(e + 2) === 10 ? 3 : 2;
        continue;
      }
      if (c === 10 || c === 13) throw new Unsure();
      e++;
    }
    this.type = Token.String;
    this.end = e + 1;
    this.checkWalkString(from + 1, e);
    this.afterValue();
    this.shape = Shape.Literal;
  }

  /** Reads template characters from `from` up to the closing backtick or a `${`. */
  private readTemplate(from: number): void {
    const text = this.text;
    let e = from;
    for (;;) {
      if (e >= text.length) throw new Unsure();
      const c = text.charCodeAt(e);
      if (c === 96) {
        this.type = Token.Template;
        this.end = e + 1;
        if (text.charCodeAt(from - 1) === 96) this.checkWalkString(from, e);
        this.afterValue();
        return;
      }
      if (c === 92) {
        e += 2;
        continue;
      }
      if (c === 36 && text.charCodeAt(e + 1) === 123) {
        this.stack.push(Open.Substitution);
        this.type = Token.Template;
        this.end = e + 2;
        this.startExpression(Open.ObjectBrace);
        return;
      }
      e++;
    }
  }

  /**
   * A string holding a walk word matters to the walk only as the key of a computed member of
   * `module` or `worker_threads` (`module['exports'] = …`, `new worker_threads['Worker']`, the key
   * through parentheses), the two dotted names the walk reads with a walk word last: elsewhere (a
   * test title `'exports'`, `collections['exports']`, a package manager `'bun'`) it names nothing
   * the walk acts on, since every call the walk reads needs a walk word, `import(` or a command
   * module's import, which stop the scan themselves. Such a key with an escape is unsure too: the
   * walk reads the cooked value (`'ex\u0070orts'`).
   */
  private checkWalkString(start: number, end: number): void {
    if (!this.options.walkWords || !this.sawKeyedObject || !this.inBracket()) return;
    const length = end - start;
    if (length <= 7 && (wordBitsAt(this.text, start, end) & Word.Walk) !== 0) throw new Unsure();
    for (let k = start; k < end; k++) if (this.text.charCodeAt(k) === 92) throw new Unsure();
  }

  /** The innermost open bracket, past any parentheses, is a `[`. */
  private inBracket(): boolean {
    const stack = this.stack;
    let i = stack.length - 1;
    while (i >= 0 && stack[i] === Open.Paren) i--;
    return i >= 0 && stack[i] === Open.Bracket;
  }

  private readRegex(from: number): void {
    const text = this.text;
    let e = from;
    let inClass = false;
    for (;;) {
      if (e >= text.length) throw new Unsure();
      const c = text.charCodeAt(e);
      if (isLineBreak(c)) throw new Unsure();
      if (c === 92) {
        e += 2;
        continue;
      }
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) break;
      e++;
    }
    e++;
    while (e < text.length && isIdentifierPart(text.charCodeAt(e))) e++;
    this.type = Token.Regex;
    this.end = e;
    this.afterValue();
  }

  private readPunctuator(pos: number, c: number): void {
    const text = this.text;
    this.type = Token.Punctuator;
    let length = 1;
    // The punctuator's text, for the operator check: one of the list's own strings, or the
    // one-char string (V8 keeps those in a table), so no token costs an allocation.
    let punctuator = SINGLE_PUNCTUATORS[c];
    const longer = MULTI_PUNCTUATORS[c];
    // most punctuators stand alone (`(`, `,`, `=` before a blank): the list is tried only when the next character may continue one
    if (longer !== undefined && PUNCTUATOR_SECOND[text.charCodeAt(pos + 1)] === 1) {
      for (const p of longer) {
        if (text.startsWith(p, pos)) {
          // `?.5` is a conditional followed by a number, not optional chaining
          if (p === '?.' && text.charCodeAt(pos + 2) >= 48 && text.charCodeAt(pos + 2) <= 57) continue;
          length = p.length;
          punctuator = p;
          break;
        }
      }
    }
    this.end = pos + length;
    // `<!--` opens an HTML-like comment to the line's end in a script (oxc reads it so): the scan
    // would read `<`, `!`, `--` and then what the comment holds (an import, an export) as code
    if (c === 60 && length === 1 && text.charCodeAt(pos + 1) === 33 && text.startsWith('<!--', pos)) throw new Unsure();
    if ((c === 60 || c === 61 || c === 62) && length >= 2 && (pos === 0 || text.charCodeAt(pos - 1) === 10) && CONFLICT_MARKERS.includes(text.slice(pos, pos + 7))) {
      throw new Unsure(); // a merge-conflict marker, which lexes as operators; the parser reports it
    }
    if (length === 2 && ((c === 38 && text.charCodeAt(pos + 1) === 38) || (c === 124 && text.charCodeAt(pos + 1) === 124))) this.branches++;
    else if (c === 63 && length === 1) {
      const d = text.charCodeAt(this.end);
      if (d !== 58 && d !== 41 && d !== 44 && d !== 61) this.branches++;
    }
    const afterOperand = !this.regexAllowed;
    // The punctuators below start an expression by setting regexAllowed and braceOpens in place,
    // as startExpression does: a call per punctuator otherwise (no TurboFan inlining, bin/engine.js).
    const condition = this.conditionNext;
    this.conditionNext = false;
    this.afterDot = false;
    switch (c) {
      case 40: // (
        this.stack.push(condition ? Open.ConditionParen : Open.Paren);
        this.regexAllowed = true;
        this.braceOpens = Open.ObjectBrace;
        return;
      case 91: // [
        this.stack.push(Open.Bracket);
        this.regexAllowed = true;
        this.braceOpens = Open.ObjectBrace;
        return;
      case 123: // {
        this.stack.push(this.braceOpens);
        this.regexAllowed = true;
        this.braceOpens = Open.Block;
        return;
      case 41: // )
        this.close(Open.Paren, Open.ConditionParen);
        return;
      case 93: // ]
        this.close(Open.Bracket, Open.Bracket);
        return;
      case 125: // }
        this.close(Open.Block, Open.ObjectBrace);
        return;
      case 60: // <
        // in a .tsx file a type parameter list lexes as in a .ts file: `<` is a punctuator like any other
        if (this.jsx && this.regexAllowed && length === 1 && !(this.options.tsx === true && typeParametersAt(text, pos))) {
          const { context, step } = startJsx(text, pos);
          this.jsxContexts.push(context);
          this.jsxStep(step);
          return;
        }
        break;
    }
    if (c === 59) {
      this.regexAllowed = true; // `;`: a statement starts
      this.braceOpens = Open.Block;
      return;
    }
    if (c === 33 && length === 1 && afterOperand) {
      this.regexAllowed = false; // TypeScript's non-null assertion `x!`
      this.braceOpens = Open.Block;
      return;
    }
    if (length === 1 ? OPERAND_CHARS[c] === 1 : OPERAND_OPERATORS.has(punctuator)) this.shape = Shape.Operator;
    if (length === 1 && c === 46) {
      this.afterDot = true;
    } else if (length === 2 && c === 63 && text.charCodeAt(pos + 1) === 46) {
      this.afterDot = true;
    }
    if ((c === 43 || c === 45) && length === 2 && text.charCodeAt(pos + 1) === c) {
      // a postfix ++/-- ends an operand (a prefix one before `/` is not valid code)
      this.regexAllowed = false;
      this.braceOpens = Open.Block;
      return;
    }
    // `=>` is followed by a function body; any other operator by an expression
    this.regexAllowed = true;
    this.braceOpens = length === 2 && c === 61 && text.charCodeAt(pos + 1) === 62 ? Open.Block : Open.ObjectBrace;
  }

  private close(open: Open, alternative: Open): void {
    const top = this.stack.pop();
    if (top === undefined) throw new Unsure();
    if (top === Open.Substitution) {
      if (open !== Open.Block) throw new Unsure();
      this.readTemplate(this.end);
      return;
    }
    if (top === Open.JsxExpression) {
      if (open !== Open.Block) throw new Unsure();
      const context = this.jsxContexts[this.jsxContexts.length - 1];
      this.type = Token.Jsx;
      this.jsxStep(continueJsx(this.text, this.end, context));
      return;
    }
    if (top !== open && top !== alternative) throw new Unsure();
    this.depth = this.stack.length;
    // after `if (…)` or a block's `}` a statement starts; after any other closer, an operator
    this.regexAllowed = top === Open.ConditionParen || top === Open.Block;
    this.braceOpens = top === Open.Paren || top === Open.ConditionParen || top === Open.Block ? Open.Block : Open.ObjectBrace;
  }

  /** After a JSX step: the element is a value, or its expression container's code comes next. */
  private jsxStep(step: JsxStep): void {
    this.type = Token.Jsx;
    this.end = step.end;
    if (step.done) {
      this.jsxContexts.pop();
      this.afterValue();
      return;
    }
    this.stack.push(Open.JsxExpression);
    this.startExpression(Open.ObjectBrace);
  }

  private startExpression(braceOpens: Open): void {
    this.regexAllowed = true;
    this.braceOpens = braceOpens;
  }

  private afterValue(): void {
    this.regexAllowed = false;
    this.braceOpens = Open.Block;
    this.afterDot = false;
    this.conditionNext = false;
  }
}
