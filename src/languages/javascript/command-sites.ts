/**
 * The commands of a file the module scan read whole but for its import of a command module
 * (`import { spawn } from 'child_process'`), without parsing the whole file: the walk reads a
 * command only from a call whose callee is a bound name or its member (commands.ts), so the text
 * is blanked but for those imports and those calls, at their own offsets, and oxc parses and the
 * walk walks that. On payload 40 files (457 K characters) went to oxc for a few calls each.
 *
 * The same holds for `new URL(…)` (urls): the walk reads a file from it only by the construct itself,
 * its arguments and the file's text (walk.ts onNew, static-value.ts urlBesideFile: the base is
 * `import.meta.url` or a name ownPathNames reads off the whole text), so each `new URL(…)` is kept
 * alone; `new (URL)(…)`, `new URL` with type arguments or a member after it returns null.
 *
 * Exact by construction where it answers: any way a bound name could reach a callee other than
 * `NAME(…)` or `NAME.member(…)` written plainly (wrapped in parentheses, a cast, `!`, `?.`, type
 * arguments, a computed member, `promisify(NAME)`, a zx `$` template, `new NAME(…)`) returns null and the caller parses the file as before. The scan has
 * already stopped at every other word the walk acts on (lexer.ts WALK_WORDS).
 */
import { COMMAND_MODULES } from './commands.js';
import { Lexer, Token, Unsure } from './module-scan/lexer.js';

/** The tokens of a text, in arrays (the sites are told by the tokens around a name). */
interface Tokens {
  type: Token[];
  start: number[];
  end: number[];
  depth: number[];
  member: boolean[];
}

const tokensOf = (text: string, jsx: boolean, tsx: boolean): Tokens | null => {
  const t: Tokens = { type: [], start: [], end: [], depth: [], member: [] };
  try {
    const lex = new Lexer(text, jsx, { walkWords: false, tsx });
    for (;;) {
      lex.next();
      if (lex.token() === Token.End) return t;
      t.type.push(lex.token());
      t.start.push(lex.start);
      t.end.push(lex.end);
      t.depth.push(lex.depth);
      t.member.push(lex.memberName);
    }
  } catch (e) {
    if (e instanceof Unsure) return null;
    throw e;
  }
};

/** `new NAME(…)` constructs: no call. */
/** Tokens after a name (or `NAME.member`) that may make it part of a callee written another way. */
const WRAPPING_NEXT = new Set(['!', '<', '[', '?.', 'as', 'satisfies']);
/** Tokens after a parenthesis closing round a name that make the parenthesised name a callee or a tag. */
const CALLING_NEXT = new Set(['(', '<', '?.', '!', ')', '`']);

/**
 * Words that begin a statement wherever they stand at the top level, outside any bracket: none
 * can continue an expression (`as const` is told apart by the word before).
 * Not `function`, `class` or `let`, which can (`x =\n function () {}`, `let` as a name), nor `while`,
 * which may end a `do` loop. A bound taken wrongly can only cut a statement, which then fails to
 * parse and leaves the file to oxc, or cut off an `else` or a label, which the walk of `argv` does
 * not read: what an `argv` is inside (a function, an immediately called one, a main check) is
 * inside brackets, or an arrow's body, where none of these words stands.
 */
const STATEMENT_WORDS = new Set(['const', 'var', 'export', 'import', 'if', 'for', 'do', 'try', 'switch', 'throw']);

/**
 * The tokens' indices of the first token of each top-level statement begun by a STATEMENT_WORD,
 * in order: the bounds of the statements an `argv` site is walked in.
 */
const statementStarts = (text: string, t: Tokens): number[] => {
  const starts: number[] = [];
  const n = t.type.length;
  for (let k = 0; k < n; k++) {
    // the words are 2 to 6 characters long: most identifiers are not cut out of the text
    const length = t.end[k] - t.start[k];
    if (t.depth[k] !== 0 || t.type[k] !== Token.Identifier || t.member[k] || length < 2 || length > 6) continue;
    const word = text.slice(t.start[k], t.end[k]);
    if (!STATEMENT_WORDS.has(word)) continue;
    const before = k > 0 ? text.slice(t.start[k - 1], t.end[k - 1]) : ';';
    if (before === 'as' || before === '.' || before === '?.') continue;
    // `import(…)` and `import.meta` are expressions
    if (word === 'import' && k + 1 < n && (text.startsWith('(', t.start[k + 1]) || text.startsWith('.', t.start[k + 1]))) continue;
    starts.push(k);
  }
  return starts;
};

/**
 * The text with every character outside the command modules' import statements and the calls of
 * their bound names turned to a space (a `;` after each kept span, so each stands alone); null
 * when a site is written in a form this does not read, or the text cannot be tokenized.
 * `names`: the local names the file's command-module imports bind; `urls`: keep each `new URL(…)` too.
 */
export const commandSitesText = (text: string, jsx: boolean, tsx: boolean, names: ReadonlySet<string>, argvSites: readonly number[] | null, urls = false): string | null => {
  const t = tokensOf(text, jsx, tsx);
  if (t === null) return null;
  const n = t.type.length;
  const val = (k: number): string => (k >= 0 && k < n ? text.slice(t.start[k], t.end[k]) : '');
  const isPunct = (k: number, p: string): boolean => k >= 0 && k < n && t.type[k] === Token.Punctuator && val(k) === p;
  /** The index of the `)` closing the `(` at k. */
  const closing = (k: number): number => {
    for (let j = k + 1; j < n; j++) if (t.depth[j] === t.depth[k] && isPunct(j, ')')) return j;
    return -1;
  };
  // the lengths of the words looked for (`import`, `$`, the names), so most identifiers are not cut out of the text
  let lengths = (1 << 6) | (1 << 1) | (urls ? 1 << 3 : 0);
  for (const name of names) lengths |= name.length < 31 ? 1 << name.length : 1 << 31;
  const spans: Array<[number, number]> = [];
  for (let k = 0; k < n; k++) {
    if (t.type[k] !== Token.Identifier || t.member[k]) continue;
    const length = t.end[k] - t.start[k];
    if (((lengths >>> Math.min(length, 31)) & 1) === 0) continue;
    const word = val(k);
    // A command module's import statement: kept whole (the walk binds its names from it).
    if (word === 'import' && t.depth[k] === 0 && !isPunct(k + 1, '(') && !isPunct(k + 1, '.')) {
      let j = k + 1;
      while (j < n && !(t.type[j] === Token.String && t.depth[j] === 0)) j++;
      if (j === n) return null;
      if (COMMAND_MODULES[text.slice(t.start[j] + 1, t.end[j] - 1)] !== undefined) spans.push([t.start[k], t.end[j]]);
      k = j;
      continue;
    }
    if (urls && word === 'URL') {
      // a command function bound as `URL` would be both kinds of site
      if (names.has(word)) return null;
      const constructed = val(k - 1) === 'new' && t.type[k - 1] === Token.Identifier && !t.member[k - 1];
      // `new (URL)(…)`: a callee the walk reads as URL, written another way
      if (isPunct(k - 1, '(')) return null;
      if (!constructed) continue;
      if (!isPunct(k + 1, '(')) return null;
      const close = closing(k + 1);
      if (close < 0) return null;
      spans.push([t.start[k - 1], t.end[close]]);
      continue;
    }
    if (word === '$') {
      if (t.type[k + 1] === Token.Template || isPunct(k + 1, '.')) return null;
      continue;
    }
    if (!names.has(word)) continue;
    // `promisify(NAME)` binds a new name to the command function
    if (isPunct(k - 1, '(') && val(k - 2) === 'promisify') return null;
    // NAME or NAME.member, then what follows it
    let last = k;
    if (isPunct(k + 1, '.') && t.type[k + 2] === Token.Identifier) last = k + 2;
    const after = val(last + 1);
    if (t.type[last + 1] === Token.Punctuator || t.type[last + 1] === Token.Identifier) {
      if (WRAPPING_NEXT.has(after)) return null;
      if (after === ')' && CALLING_NEXT.has(val(last + 2))) return null;
    }
    if (!isPunct(last + 1, '(')) continue;
    if (val(k - 1) === 'new' && t.type[k - 1] === Token.Identifier) return null;
    const close = closing(last + 1);
    if (close < 0) return null;
    // a method or function `NAME(a) {}` kept reads as a call of its parameters, which name no program (the walk reads none)
    spans.push([t.start[k], t.end[close]]);
  }
  if (argvSites !== null) {
    // the whole top-level statement round each `argv`: what it is inside (a function, a main check) is in it
    const starts = statementStarts(text, t);
    let s = 0;
    for (const site of argvSites) {
      while (s < starts.length && t.start[starts[s]] <= site) s++;
      spans.push([s === 0 ? 0 : t.start[starts[s - 1]], s < starts.length ? t.start[starts[s]] : text.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // One span inside another (a call in a kept call's arguments, or in a kept statement) is covered
  // by it; touching spans are one stretch of the text as written.
  let out = '';
  let at = -1; // the end of the last span kept
  for (const [start, end] of spans) {
    if (end <= at) continue;
    if (at < 0) out += ' '.repeat(start);
    else if (start > at) out += ';' + ' '.repeat(start - at - 1);
    else if (start < at) return null; // overlapping, not nested: not a form this reads
    out += text.slice(start, end);
    at = end;
  }
  if (at < 0) return null;
  if (at < text.length) out += ';' + ' '.repeat(text.length - at - 1);
  return out;
};
