/**
 * The shell syntax tree that parse.ts builds: only as much structure as the analyser needs to
 * know which simple commands run, in which directory, with which words.
 */

/** One piece of a word. Expansions are kept apart from literal text so they are never guessed. */
export type Part =
  | { type: 'lit'; text: string; quoted: boolean }
  /** `$X`, `${X}`, `${X:-default}`, `${X%/*}`: `op` is the operator text ('' for none), `arg` its operand. */
  | { type: 'param'; name: string; op: string; arg: Word | null; quoted: boolean; raw: string }
  /** `$( … )` or backticks: the commands inside run, and the output becomes part of the word. */
  | { type: 'cmdsub'; body: Script; quoted: boolean; raw: string }
  /** Anything whose value census never computes: `$(( … ))`, `<( … )`, `${!x}`, arrays. */
  | { type: 'opaque'; raw: string; quoted: boolean; body?: Script };

export interface Word {
  parts: Part[];
  /** The word as written in the source, quotes included. */
  raw: string;
  line: number;
}

export interface Assignment {
  name: string;
  value: Word;
  line: number;
}

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  line: number;
  /** The source text of the command (assignments, words and redirections; no `&&`/`;`). */
  text: string;
}

/** `( … )`: runs in a child shell, so a `cd` inside does not leak out. */
export interface Subshell {
  type: 'subshell';
  body: Script;
  line: number;
}

/** `{ … }`, if/while/until/for/select/case: the bodies run in this shell, flattened in order. */
export interface Compound {
  type: 'compound';
  keyword: 'group' | 'if' | 'while' | 'until' | 'for' | 'select' | 'case' | 'arith' | 'test';
  body: Script;
  /** `for NAME in …`: the loop variable, whose value census does not know. */
  loopVar?: string;
  /** Number of `elif` branches (if only). */
  elifs?: number;
  line: number;
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
  line: number;
}

export type Command = SimpleCommand | Subshell | Compound | FunctionDef;

export interface Pipeline {
  commands: Command[];
}

export interface AndOr {
  pipelines: Pipeline[];
  /** The operators between pipelines: ops[i] joins pipelines[i] and pipelines[i + 1]. */
  ops: ('&&' | '||')[];
}

export interface ListItem {
  andOr: AndOr;
  /** Ended with `&`: runs in the background, in a child shell. */
  background: boolean;
}

export interface Script {
  items: ListItem[];
}

export interface ParseProblem {
  line: number;
  message: string;
}

export interface ParsedScript {
  script: Script;
  problems: ParseProblem[];
  /** `&&` and `||` operators seen anywhere, for complexity (inside `[[ ]]` too). */
  logicalOps: number;
}
