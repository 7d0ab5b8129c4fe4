/**
 * The vocabulary shared by the Python scanner and the extractor: token kinds, operator codes,
 * string flags and the ids of the few names the extractor cares about. Names get their id while
 * they are scanned (one hash-table probe per identifier), so the extractor compares small
 * integers instead of cutting substrings out of the source.
 */

import { extractedSpawnNames } from './spawn-calls.js';

export const enum Kind {
  Name = 1,
  Number = 2,
  String = 3,
  Op = 4,
}

/** Operator codes: a single-char operator is its char code; longer ones get codes from 256. */
export const enum Op {
  LParen = 40, // (
  RParen = 41, // )
  Star = 42, // *
  Comma = 44, // ,
  Dot = 46, // .
  Colon = 58, // :
  Semicolon = 59, // ;
  Assign = 61, // =
  At = 64, // @
  LBracket = 91, // [
  RBracket = 93, // ]
  Backtick = 96, // ` (Python 2 repr)
  LBrace = 123, // {
  RBrace = 125, // }
  /** `==`, `!=`, `<=`, `>=`, `->`, `**`, `//`, `<<`, `>>`: comparisons and other two-char operators. */
  Compare = 256,
  /** `+=`, `-=`, `**=`, `>>=` and the other augmented assignments. */
  AugAssign = 257,
  Walrus = 258, // :=
  Ellipsis = 259, // ...
  NotEqualPy2 = 260, // <>
  Arrow = 261, // ->
  Equal = 262, // ==
  ShiftRight = 263, // >> (also Python 2's `print >>f`)
  Other = 264,
}

/** What can be wrong at the token level; turned into diagnostics by problems.ts. */
export const enum Problem {
  UnterminatedString = 1,
  UnterminatedTripleString,
  UnbalancedClose,
  MismatchedBracket,
  UnclosedBracket,
  StrayBackslash,
  BadCharacter,
  FStringTooDeep,
  Py2Backtick,
  Py2NotEqual,
  Py2UrPrefix,
  Py2Octal,
  Py2LongSuffix,
}

/** Bits of a string token's value: how to read its content. */
export const enum StringFlag {
  Raw = 1,
  Bytes = 2,
  /** f-string or t-string: not a constant. */
  Formatted = 4,
  Triple = 8,
  Unterminated = 16,
  /** Python 2's `ur"..."`. */
  UnicodeRaw = 32,
  /** Prefix length (0-2) is stored from this bit on. */
  PrefixShift = 6,
}

/** Ids for keywords and the few names the extractor looks for; 0 for every other name. */
export const enum Word {
  None = 0,
  // keywords and soft keywords
  And,
  As,
  Async,
  Case,
  Class,
  Def,
  Elif,
  Else,
  Except,
  Exec,
  Finally,
  For,
  From,
  If,
  Import,
  In,
  Lambda,
  Match,
  Or,
  Print,
  Raise,
  Try,
  Type,
  While,
  With,
  // names with a meaning for census
  TypeChecking,
  DunderName,
  DunderAll,
  DunderImport,
  Importlib,
  ImportModule,
  Sys,
  Executable,
  Include,
  AutodiscoverTasks,
  /** Django's `override_settings`, `modify_settings`: a test's settings swapped for its run. */
  SwapSettings,
  Extend,
  Append,
  /** Calls that may run a command: run, call, Popen, system, execv, create_subprocess_exec… */
  CommandCall,
  /** Names that mark a command-line framework: command, group, Typer, ArgumentParser, Fire… */
  CliName,
}

/** The names the scanner knows, with their ids (exported for the test that holds the scanner's key to wordKey). */
export const WORDS: ReadonlyArray<readonly [string, Word]> = [
  ['and', Word.And],
  ['as', Word.As],
  ['async', Word.Async],
  ['case', Word.Case],
  ['class', Word.Class],
  ['def', Word.Def],
  ['elif', Word.Elif],
  ['else', Word.Else],
  ['except', Word.Except],
  ['exec', Word.Exec],
  ['finally', Word.Finally],
  ['for', Word.For],
  ['from', Word.From],
  ['if', Word.If],
  ['import', Word.Import],
  ['in', Word.In],
  ['lambda', Word.Lambda],
  ['match', Word.Match],
  ['or', Word.Or],
  ['print', Word.Print],
  ['raise', Word.Raise],
  ['try', Word.Try],
  ['type', Word.Type],
  ['while', Word.While],
  ['with', Word.With],
  ['TYPE_CHECKING', Word.TypeChecking],
  ['__name__', Word.DunderName],
  ['__all__', Word.DunderAll],
  ['__import__', Word.DunderImport],
  ['importlib', Word.Importlib],
  ['import_module', Word.ImportModule],
  ['sys', Word.Sys],
  ['executable', Word.Executable],
  ['include', Word.Include],
  ['autodiscover_tasks', Word.AutodiscoverTasks],
  ['override_settings', Word.SwapSettings],
  ['modify_settings', Word.SwapSettings],
  ['extend', Word.Extend],
  ['append', Word.Append],
  ...extractedSpawnNames().map((w): [string, Word] => [w, Word.CommandCall]),
  ...['command', 'group', 'Typer', 'ArgumentParser', 'OptionParser', 'Fire', 'docopt'].map((w): [string, Word] => [w, Word.CliName]),
];

/** What the token pass (sites.ts) does with a word: nothing, count it as a branch, or look at it. */
export const enum WordRole {
  None = 0,
  /** `if`, `elif`, `for`, `while`, `except`, `with`, `and`, `or`: one more branch point. */
  Branch = 1,
  /** A name whose call census reads (`__import__`, `import_module`, commands, CLI names, `include`, `autodiscover_tasks`, `override_settings`, `exec`). */
  Noted = 2,
}

/** Word → WordRole, so the scanner decides with one load while the word's id is at hand. */
export const WORD_ROLE = new Uint8Array(Word.CliName + 1);
for (const w of [Word.If, Word.Elif, Word.For, Word.While, Word.Except, Word.With, Word.And, Word.Or]) WORD_ROLE[w] = WordRole.Branch;
for (const w of [Word.DunderImport, Word.ImportModule, Word.CommandCall, Word.CliName, Word.Include, Word.AutodiscoverTasks, Word.SwapSettings, Word.Exec]) WORD_ROLE[w] = WordRole.Noted;

/** Keywords that can never be a bound name (used when reading assignment targets). */
export const isHardKeyword = (w: Word): boolean =>
  w !== Word.None && w < Word.TypeChecking && w !== Word.Case && w !== Word.Match && w !== Word.Type &&
  w !== Word.Print && w !== Word.Exec;

/**
 * A known word's key: its length and first and last characters, which tell the words of WORDS
 * nearly apart (the rest is one string compare). The scanner had hashed every character of
 * every name, a multiply in each step of its hottest loop; this reads two characters it has.
 */
export const wordKey = (length: number, first: number, last: number): number => (first * 31 + last) * 31 + length;

/** The longest word of WORDS: a longer name is no known word. */
export const MAX_WORD_LENGTH = Math.max(...WORDS.map(([text]) => text.length));

const TABLE_BITS = 9;
const WORD_TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Open-addressing table: slot → index into WORD_TEXT + 1 (0 = empty). */
const WORD_SLOTS = new Int32Array(1 << TABLE_BITS);
const WORD_KEY = new Int32Array(WORDS.length + 1);
const WORD_TEXT: string[] = [''];
const WORD_ID: Word[] = [Word.None];

for (const [text, id] of WORDS) {
  const key = wordKey(text.length, text.charCodeAt(0), text.charCodeAt(text.length - 1));
  const index = WORD_TEXT.length;
  WORD_TEXT.push(text);
  WORD_ID.push(id);
  WORD_KEY[index] = key;
  let slot = key & WORD_TABLE_MASK;
  while (WORD_SLOTS[slot] !== 0) slot = (slot + 1) & WORD_TABLE_MASK;
  WORD_SLOTS[slot] = index;
}

/** The id of the identifier text[start, end) whose wordKey is `key`; Word.None when it is no known word. */
export const wordAt = (text: string, start: number, end: number, key: number): Word => {
  let slot = key & WORD_TABLE_MASK;
  for (;;) {
    const index = WORD_SLOTS[slot];
    if (index === 0) return Word.None;
    if (WORD_KEY[index] === key) {
      const w = WORD_TEXT[index];
      if (w.length === end - start && text.startsWith(w, start)) return WORD_ID[index];
    }
    slot = (slot + 1) & WORD_TABLE_MASK;
  }
};
