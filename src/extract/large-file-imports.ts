/**
 * The imports of a code file over --max-file-size, read without analysing the rest (stop 44).
 *
 * Such a file is mostly a bundle (vite's 2 MB `dist/node/chunks/dep-*.js` main chunk, which alone
 * loads four other chunks): not reading it at all made every file only it loads dead. The file is
 * read once, whole, when it is no larger than the hard cap (`scanCapOf`); what comes out is its
 * import specifiers alone, each with its line: no definitions, commands, references or summary.
 *
 * JavaScript/TypeScript: a linear pass over the text that skips comments, strings, template
 * literals (with their `${}` substitutions read as code) and regular expressions, and at each
 * `import`, `export` and `require` word (not a property: not after `.`) reads what follows as
 * far as the grammar's next token: `import … from '…'`, `import '…'`, `export * from '…'`,
 * `export { … } from '…'`, `import('…')` and `require('…')` with a literal specifier (a template
 * literal without substitutions too: bundlers write ``import(`./chunks/x.js`)``). The module scan
 * (languages/javascript/module-scan) is not used: it is exact or gives up, and it gives up on any
 * large bundle (a property named `const`, a word beside a literal); this pass never gives up and
 * never throws. What it can be fooled by is a regular expression it reads as a division (its
 * quotes then open a string): it may miss an import then, or read one a string spells out.
 * A `require()`/`import()` inside a `try` block is guarded (`try`), as the AST walk says; the scan
 * does not tell function bodies from other blocks, so no import is guarded `function`.
 * Every character is looked at a bounded number of times: a clause read after `import`/`export`
 * stops at the next such word or at anything a clause cannot hold, so clauses never overlap.
 *
 * Beside the imports, the string literals that are a declaration file's bare name, when the text
 * spells its own location (languages/javascript/declaration-names.ts: typescript.js' table of its
 * `lib.*.d.ts`, which named-declarations.ts reads): one more pass over every large JS/TS text, an
 * indexOf walk from each `.d.` out to its quotes; whether the text spells `__dirname`/`__filename`/
 * `import.meta.url` is asked by one regular expression only after a name is found.
 *
 * Also beside them (stop 60), the relative `new URL('./x', import.meta.url)` literals
 * (languages/javascript/url-literals.ts), as `new URL` references: @redocly/cli's 2.8 MB chunk reads
 * `./redoc.standalone.js` so. Read at each `import.meta` the token scan meets as code, so one in a
 * comment or a string names nothing.
 *
 * Python: the Python extractor itself (a tokenizer, linear in the text), of whose facts only the
 * imports, the `sys.path` folders and the names the module binds (for name checks) are kept.
 */
import type { FileFacts, ImportFact, ImportSyntax } from '../model/facts.js';
import type { Language } from '../model/file.js';
import { emptyFacts } from '../model/facts.js';
import { languageRecord } from '../languages/registry.js';
import { lineCounter } from '../util/lines.js';
import { declarationNamesIn } from '../languages/javascript/declaration-names.js';
import { newUrlLiteralAt, type UrlLiteral } from '../languages/javascript/url-literals.js';

/**
 * The largest JS/TS file whose imports are read, whatever --max-file-size is: 32 MB, or the limit
 * itself when that is larger (then no file is in between). 32 MB covers the largest single-file
 * bundles published on npm (typescript's lib/typescript.js is 9 MB, vite's main chunk 2 MB) at a
 * bounded cost: one such file held at once per extraction thread as bytes and as text (up to about
 * 100 MB for 32 MB of non-Latin-1 text), read in about 0.25 s per 9 MB.
 */
export const SCAN_CAP = 32 * 1024 * 1024;
/**
 * Python's: 4 MB. Its extractor keeps every token in typed arrays that stay grown for the thread's
 * later files, so its cost follows the token count, not the bytes: a 4 MB scan of `1+1+…` peaked at 200 MB
 * resident in 3.9 s on a busy 2-core machine (a 30 MB module: 4.7 s and 355 MB more). A Python module over 1 MB is generated data
 * (picard's 1.2 MB Qt resources.py, 0.23 s) whose imports are a line or two at the top.
 */
export const PYTHON_SCAN_CAP = 4 * 1024 * 1024;
export const scanCapOf = (maxFileSize: number, language: Language): number => Math.max(maxFileSize, language === 'python' ? PYTHON_SCAN_CAP : SCAN_CAP);

/**
 * The most distinct imports kept of one file: a bundle's are a few hundred (vite's 2 MB chunk: 68);
 * a file of nothing but `require('./x' + n)` lines would otherwise make facts as large as itself.
 * The same specifier by the same syntax is kept once, at its first line.
 */
export const MAX_IMPORTS = 10_000;

/** Languages whose imports the scan reads: the ones whose files are bundled or generated large. */
export const scansLargeFile = (language: Language): boolean => language === 'javascript' || language === 'typescript' || language === 'python';

/**
 * Whether the scan reads a file over --max-file-size for its imports (scan-file.ts tooLarge): its
 * language is one scansLargeFile names and it is within that language's scan cap. The facts cache
 * (cached-scan.ts) asks the same, so a file the scan would not read is never read whole for a hash.
 */
export const readsLargeFile = (language: Language | null, bytes: number, maxFileSize: number): boolean =>
  language !== null && scansLargeFile(language) && bytes <= scanCapOf(maxFileSize, language);

// Character codes.
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const QUOTE = 39;
const DQUOTE = 34;
const BACKTICK = 96;
const DOLLAR = 36;
const LBRACE = 123;
const RBRACE = 125;
const LPAREN = 40;
const RPAREN = 41;
const LBRACKET = 91;
const RBRACKET = 93;
const DOT = 46;
const COMMA = 44;
const NEWLINE = 10;
const CR = 13;

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === DOLLAR || c > 127;
const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === NEWLINE || c === CR || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;

/** Words after which a `/` begins a regular expression, not a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** The most tokens a clause after `import`/`export` is read for (`import { a, b, … } from`): the largest bundles' have a few hundred names. */
const MAX_CLAUSE_TOKENS = 20_000;

interface Found {
  offset: number;
  specifier: string;
  syntax: ImportSyntax;
  typeOnly: boolean;
  /** Inside a `try` block. */
  inTry: boolean;
}

/** Reads JS/TS source text: the stream of tokens that matter here, with strings and comments skipped. */
class Reader {
  readonly n: number;
  constructor(readonly text: string) {
    this.n = text.length;
  }

  /** Skips blanks and comments from `pos`; returns the position of the next token (n at the end). */
  skipBlank(pos: number): number {
    const { text, n } = this;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (isSpace(c)) pos++;
      else if (c === SLASH && text.charCodeAt(pos + 1) === SLASH) {
        pos += 2;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === NEWLINE || d === CR || d === 0x2028 || d === 0x2029) break;
          pos++;
        }
      } else if (c === SLASH && text.charCodeAt(pos + 1) === STAR) {
        const close = text.indexOf('*/', pos + 2);
        pos = close < 0 ? n : close + 2;
      } else break;
    }
    return pos;
  }

  /** The end of the quoted string opening at `pos` (after its closing quote; at a line break or the end when unterminated). */
  stringEnd(pos: number, quote: number): number {
    const { text, n } = this;
    let p = pos + 1;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === quote) return p + 1;
      if (c === BACKSLASH) p += 2;
      else if (c === NEWLINE || c === CR) return p;
      else p++;
    }
    return n;
  }

  /** The end of the identifier starting at `pos`. */
  wordEnd(pos: number): number {
    const { text, n } = this;
    let p = pos + 1;
    while (p < n && isIdentPart(text.charCodeAt(p))) p++;
    return p;
  }

  /**
   * The literal at `pos` as a specifier: a quoted string or a template literal without
   * substitutions, with its end; null for anything else or an escape in it (left unread).
   */
  literalAt(pos: number): { value: string; end: number } | null {
    const { text, n } = this;
    const c = text.charCodeAt(pos);
    if (c === QUOTE || c === DQUOTE) {
      const end = this.stringEnd(pos, c);
      if (text.charCodeAt(end - 1) !== c || end - pos < 2) return null;
      const value = text.slice(pos + 1, end - 1);
      return value.includes('\\') ? null : { value, end };
    }
    if (c === BACKTICK) {
      for (let p = pos + 1; p < n; p++) {
        const d = text.charCodeAt(p);
        if (d === BACKTICK) {
          const value = text.slice(pos + 1, p);
          return value.includes('\\') || value.includes('${') ? null : { value, end: p + 1 };
        }
        if (d === BACKSLASH || d === NEWLINE || (d === DOLLAR && text.charCodeAt(p + 1) === LBRACE)) return null;
      }
    }
    return null;
  }
}

/** `require(` / `import(` at `open` (the `(`): the literal specifier and what must close it. */
const callArgument = (r: Reader, open: number, dynamic: boolean): string | null => {
  const at = r.skipBlank(open + 1);
  const literal = r.literalAt(at);
  if (literal === null) return null;
  const after = r.skipBlank(literal.end);
  const c = r.text.charCodeAt(after);
  // import('x', { with: … }) has a second argument; require has one
  return c === RPAREN || (dynamic && c === COMMA) ? literal.value : null;
};

/**
 * The clause after `import`/`export` at `pos`, up to `from '…'`: the specifier, or null when what
 * follows is not such a clause. Stops at any token a clause cannot hold and at the words
 * `import`, `export` and `require`, so no two clauses read overlap.
 */
const clauseSource = (r: Reader, pos: number, exporting: boolean): { specifier: string; typeOnly: boolean } | null => {
  const text = r.text;
  let typeOnly = false;
  let first = true;
  let sawStar = false;
  let sawBrace = false;
  for (let k = 0; k < MAX_CLAUSE_TOKENS; k++) {
    pos = r.skipBlank(pos);
    if (pos >= r.n) return null;
    const c = text.charCodeAt(pos);
    if (isIdentStart(c)) {
      const end = r.wordEnd(pos);
      const word = text.slice(pos, end);
      if (word === 'from') {
        const at = r.skipBlank(end);
        const literal = r.literalAt(at);
        if (literal !== null && !first) return { specifier: literal.value, typeOnly };
      } else if (word === 'import' || word === 'export' || word === 'require') return null;
      // `export const x`, `export function f`, `export default …`: no source
      else if (exporting && !sawStar && !sawBrace && word !== 'type') return null;
      if (first && word === 'type') typeOnly = true;
      pos = end;
    } else if (c === LBRACE || c === RBRACE || c === COMMA || c === STAR) {
      if (c === STAR) sawStar = true;
      if (c === LBRACE) sawBrace = true;
      pos++;
    } else return null;
    first = false;
  }
  return null;
};

/**
 * The end of a regular expression opening at `pos` (its flags included), or -1 when none ends on
 * the line or within `budget.left` characters (what is left of the file's regex budget, spent as
 * read: a line of `(/[` repeated must not be read to its end from each slash).
 */
const regexEnd = (text: string, pos: number, n: number, budget: { left: number }): number => {
  let inClass = false;
  const limit = Math.min(n, pos + 1 + budget.left);
  for (let p = pos + 1; p < limit; p++) {
    budget.left--;
    const c = text.charCodeAt(p);
    if (c === BACKSLASH) p++;
    else if (c === NEWLINE || c === CR) return -1;
    else if (inClass) {
      if (c === RBRACKET) inClass = false;
    } else if (c === LBRACKET) inClass = true;
    else if (c === SLASH) {
      let e = p + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      return e;
    }
  }
  budget.left = Math.max(0, budget.left);
  return -1;
};

const enum Brace {
  Other,
  Substitution,
  Try,
}

/**
 * What the main loop stops at: a character that opens or closes something (quote, template, `/`,
 * brace) or a word it reads. The regular expression engine's native code skips everything else,
 * which is most of a bundle's text, and is as fast on a file's only pass as on its hundredth
 * (a loop over characters in JavaScript runs interpreted until V8 compiles it).
 */
const STOPS = /["'`/{}]|import|export|require/g;

/** The first position before `pos` that is not a blank (-1 when none within 256 characters). */
const blankBefore = (text: string, pos: number): number => {
  let p = pos - 1;
  const stop = Math.max(-1, pos - 257);
  while (p > stop && isSpace(text.charCodeAt(p))) p--;
  return p > stop ? p : -1;
};

/** The word ending at `last` (inclusive), when it is at most 10 characters long; '' otherwise. */
const wordBefore = (text: string, last: number): string => {
  let p = last;
  while (p >= 0 && last - p < 11 && isIdentPart(text.charCodeAt(p))) p--;
  return last - p > 10 ? '' : text.slice(p + 1, last + 1);
};

/** Whether a `/` at `pos` begins a regular expression, by the token before it (a name or a closing bracket: a division). */
const regexAt = (text: string, pos: number): boolean => {
  const p = blankBefore(text, pos);
  if (p < 0) return true;
  const c = text.charCodeAt(p);
  if (isIdentPart(c)) {
    const word = wordBefore(text, p);
    return word !== '' && REGEX_AFTER_WORDS.has(word) && text.charCodeAt(p - word.length) !== DOT;
  }
  return !(c === RPAREN || c === RBRACKET || c === QUOTE || c === DQUOTE || c === BACKTICK);
};

/** Whether the word at `pos` is a property (`a.require`, not the spread `...require`). */
const isMember = (text: string, pos: number): boolean => {
  const p = blankBefore(text, pos);
  return p >= 0 && text.charCodeAt(p) === DOT && text.charCodeAt(p - 1) !== DOT;
};

/** Whether the `{` at `pos` opens a `try` block. */
const opensTry = (text: string, pos: number): boolean => {
  const p = blankBefore(text, pos);
  return p >= 2 && text.charCodeAt(p) === 121 && text.startsWith('try', p - 2) && !isIdentPart(text.charCodeAt(p - 3)) && !isMember(text, p - 2);
};

/** The most distinct `new URL` literals kept of one text. */
const MAX_URL_LITERALS = 1_000;

/**
 * The imports of JS/TS text, in source order; into `urls` (when given) its relative
 * `new URL('./x', import.meta.url)` literals, each at its first place, read where the scan reads code.
 */
export const scanJsImports = (text: string, urls?: UrlLiteral[]): Found[] => {
  const urlTargets = new Set<string>();
  const r = new Reader(text);
  const n = r.n;
  const found: Found[] = [];
  /** What each open `{` is: a template literal's `${` (whose `}` resumes the template), a `try` block or another brace. */
  const braces: Brace[] = [];
  /** How many `try` blocks are open: an import inside one is guarded, as the AST walk says. */
  let tries = 0;
  let pos = 0;
  /** Characters read looking for regular expressions' ends: at most four times the text (a regex is read once when found; the rest is failed tries). */
  const budget = { left: 4 * n + 65_536 };
  if (text.startsWith('#!')) pos = text.indexOf('\n') < 0 ? n : text.indexOf('\n');
  /** Reads a template literal's text from `p` (after its backtick or a substitution's `}`): its end, or the position after a `${` opened. */
  const template = (p: number): number => {
    for (; p < n; p++) {
      const c = text.charCodeAt(p);
      if (c === BACKSLASH) p++;
      else if (c === BACKTICK) return p + 1;
      else if (c === DOLLAR && text.charCodeAt(p + 1) === LBRACE) {
        braces.push(Brace.Substitution);
        return p + 2;
      }
    }
    return n;
  };
  const stops = new RegExp(STOPS.source, 'g');
  const seen = new Set<string>();
  const add = (f: Found): void => {
    const key = `${f.syntax}\0${f.specifier}\0${f.inTry ? 't' : ''}${f.typeOnly ? 'y' : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(f);
  };
  while (pos < n && found.length < MAX_IMPORTS) {
    stops.lastIndex = pos;
    if (!stops.test(text)) break;
    const after = stops.lastIndex;
    const c = text.charCodeAt(after - 1);
    // what matched, by its last character: a word ends in t (import, export) or e (require)
    const length = c === 116 ? 6 : c === 101 ? 7 : 1;
    const at = after - length;
    if (length > 1) {
      pos = after;
      if (isIdentPart(text.charCodeAt(at - 1)) || isIdentPart(text.charCodeAt(after)) || isMember(text, at)) continue;
      const word = length === 7 ? 'require' : text.charCodeAt(at) === 105 ? 'import' : 'export';
      const next = r.skipBlank(after);
      const d = text.charCodeAt(next);
      if (word === 'import' && d === DOT) {
        const url = urls === undefined || urls.length >= MAX_URL_LITERALS ? null : newUrlLiteralAt(text, at);
        if (url !== null && !urlTargets.has(url.target)) {
          urlTargets.add(url.target);
          urls?.push(url);
        }
      } else if (d === LPAREN && word !== 'export') {
        const specifier = callArgument(r, next, word === 'import');
        if (specifier !== null) add({ offset: at, specifier, syntax: word === 'import' ? 'dynamic' : 'require', typeOnly: false, inTry: tries > 0 });
      } else if (word === 'import' && (d === QUOTE || d === DQUOTE)) {
        const literal = r.literalAt(next);
        if (literal !== null) add({ offset: at, specifier: literal.value, syntax: 'import', typeOnly: false, inTry: false });
      } else if (word !== 'require' && d !== DOT) {
        const clause = clauseSource(r, next, word === 'export');
        if (clause !== null) add({ offset: at, specifier: clause.specifier, syntax: word === 'import' ? 'import' : 'export-from', typeOnly: clause.typeOnly, inTry: false });
      }
      continue;
    }
    if (c === QUOTE || c === DQUOTE) pos = r.stringEnd(at, c);
    else if (c === BACKTICK) pos = template(at + 1);
    else if (c === SLASH) {
      const d = text.charCodeAt(at + 1);
      if (d === SLASH || d === STAR) pos = r.skipBlank(at);
      else {
        const end = budget.left > 0 && regexAt(text, at) ? regexEnd(text, at, n, budget) : -1;
        pos = end < 0 ? at + 1 : end;
      }
    } else if (c === LBRACE) {
      const tryBlock = opensTry(text, at);
      braces.push(tryBlock ? Brace.Try : Brace.Other);
      if (tryBlock) tries++;
      pos = at + 1;
    } else {
      const closed = braces.pop();
      if (closed === Brace.Try) tries--;
      pos = closed === Brace.Substitution ? template(at + 1) : at + 1;
    }
  }
  return found;
};

/**
 * The facts of a file over --max-file-size: its imports alone (every other field empty), or null
 * for a language the scan does not read. Never throws for JS/TS; the Python extractor catches its own.
 */
export const largeFileFacts = (path: string, text: string, language: Language): FileFacts | null => {
  if (language === 'python') {
    const extractor = languageRecord('python')?.extractor;
    if (!extractor) return null;
    const full = extractor.extract(path, text);
    const facts = emptyFacts();
    facts.imports = full.imports;
    if (full.importRoots) facts.importRoots = full.importRoots;
    // what the module binds, which the tokenizer found anyway: `from big import name` is not a missing name
    facts.definitions = full.definitions;
    if (full.exportedNames) facts.exportedNames = full.exportedNames;
    if (full.hasStarImport) facts.hasStarImport = true;
    if (facts.imports.length > MAX_IMPORTS) facts.imports = facts.imports.slice(0, MAX_IMPORTS);
    return facts;
  }
  if (language !== 'javascript' && language !== 'typescript') return null;
  const urls: UrlLiteral[] = [];
  const found = scanJsImports(text, urls);
  const lineOf = lineCounter(text);
  const facts = emptyFacts();
  // what it exports is not read: name checks against it stay silent, as for a module with `export *`
  facts.hasStarImport = true;
  for (const f of found) {
    const fact: ImportFact = { specifier: f.specifier, syntax: f.syntax, line: lineOf(f.offset), names: [], guard: f.inTry ? 'try' : null };
    if (f.typeOnly) fact.typeOnly = true;
    facts.imports.push(fact);
  }
  // The declaration files it names beside itself (typescript.js' libMap): named-declarations.ts gets no text of a file this large.
  const names = declarationNamesIn(text);
  if (names.length > 0) facts.declarationNames = names.map((d) => ({ literal: d.literal, line: lineOf(d.offset) }));
  // The files it names beside itself by `new URL('./x', import.meta.url)` (a bundle reading an asset chunk), as the walk records them.
  for (const u of urls) facts.references.push({ target: u.target, form: 'path', line: lineOf(u.offset), via: 'new URL' });
  return facts;
};
