/**
 * Small questions about token ranges [from, to): is this token that operator, where does this
 * bracket close, what are the comma-separated parts, what are a call's arguments.
 */
import type { PythonTokens } from './tokenize.js';
import { Kind, Op, type Word } from './tokens.js';

export const isOp = (t: PythonTokens, i: number, op: Op): boolean => t.kind[i] === Kind.Op && t.value[i] === op;

export const isWord = (t: PythonTokens, i: number, w: Word): boolean => t.kind[i] === Kind.Name && t.value[i] === w;

export const nameText = (t: PythonTokens, i: number): string => t.text.slice(t.start[i], t.end[i]);

const isOpener = (t: PythonTokens, i: number): boolean => {
  if (t.kind[i] !== Kind.Op) return false;
  const v = t.value[i];
  return v === Op.LParen || v === Op.LBracket || v === Op.LBrace;
};

/** Index of the bracket closing the one at `open` (before `limit`), or -1. */
export const matchClose = (t: PythonTokens, open: number, limit: number): number => {
  const d = t.depth[open];
  for (let i = open + 1; i < limit; i++) if (t.depth[i] <= d) return t.kind[i] === Kind.Op && i > open ? i : -1;
  return -1;
};

/** Strips brackets of the given kind that wrap the whole range: `((a, b))` → `a, b`. */
export const unwrap = (t: PythonTokens, from: number, to: number, opener: Op = Op.LParen): [number, number] => {
  while (to - from >= 2 && isOp(t, from, opener) && matchClose(t, from, to) === to - 1) {
    from++;
    to--;
  }
  return [from, to];
};

/** Splits [from, to) at commas on its own bracket level; a trailing comma adds no empty part. */
export const splitTop = (t: PythonTokens, from: number, to: number): Array<[number, number]> => {
  const parts: Array<[number, number]> = [];
  if (from >= to) return parts;
  const d = t.depth[from];
  let s = from;
  for (let i = from; i < to; i++) {
    if (t.depth[i] === d && isOp(t, i, Op.Comma)) {
      parts.push([s, i]);
      s = i + 1;
    }
  }
  if (s < to) parts.push([s, to]);
  return parts;
};

/** Index of the first token in [from, to) on the range's own level that is the operator, or -1. */
export const findTop = (t: PythonTokens, from: number, to: number, op: Op): number => {
  const d = t.depth[from];
  for (let i = from; i < to; i++) if (t.depth[i] === d && isOp(t, i, op)) return i;
  return -1;
};

export interface CallArgs {
  positional: Array<[number, number]>;
  keywords: Map<string, [number, number]>;
  /** Index of the closing parenthesis. */
  close: number;
}

/** The arguments of the call whose `(` is at `open`, or null when the call never closes. */
export const callArgs = (t: PythonTokens, open: number, limit: number): CallArgs | null => {
  const close = matchClose(t, open, limit);
  if (close < 0) return null;
  const args: CallArgs = { positional: [], keywords: new Map(), close };
  for (const [s, e] of splitTop(t, open + 1, close)) {
    if (e - s >= 2 && t.kind[s] === Kind.Name && isOp(t, s + 1, Op.Assign)) args.keywords.set(nameText(t, s), [s + 2, e]);
    else args.positional.push([s, e]);
  }
  return args;
};

/** A dotted name `a.b.c` filling [from, to) exactly, or null. */
export const dottedName = (t: PythonTokens, from: number, to: number): string | null => {
  if (to <= from || (to - from) % 2 === 0) return null;
  for (let i = from; i < to; i += 2) {
    if (t.kind[i] !== Kind.Name) return null;
    if (i + 1 < to && !isOp(t, i + 1, Op.Dot)) return null;
  }
  return t.text.slice(t.start[from], t.end[to - 1]).replace(/[\s\\]+/g, '');
};

/** Skips a subscript or call: `(`/`[` right after a name, a closing bracket or a string. */
export const isTrailer = (t: PythonTokens, i: number, from: number): boolean => {
  if (i <= from || !isOpener(t, i) || t.value[i] === Op.LBrace) return false;
  const k = t.kind[i - 1];
  if (k === Kind.Name || k === Kind.String) return true;
  return k === Kind.Op && (t.value[i - 1] === Op.RParen || t.value[i - 1] === Op.RBracket);
};
