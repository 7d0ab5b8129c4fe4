/**
 * Compound statement headers (`if …:`, `except …:`, `for … in …:`, `with … as …:`): where the
 * header ends and what its parts say.
 */
import { dottedName, isOp, isWord, splitTop, unwrap } from './ranges.js';
import { stringValue } from './literals.js';
import type { PythonTokens } from './tokenize.js';
import { Kind, Op, Word } from './tokens.js';

/** The `:` that ends the header starting at `from` (a lambda's colon is skipped), or -1. */
export const headerColon = (t: PythonTokens, from: number, to: number): number => {
  const d = t.depth[from];
  let lambdas = 0;
  for (let i = from + 1; i < to; i++) {
    if (t.depth[i] !== d) continue;
    if (t.kind[i] === Kind.Name) {
      if (t.value[i] === Word.Lambda) lambdas++;
    } else if (t.kind[i] === Kind.Op && t.value[i] === Op.Colon) {
      if (lambdas === 0) return i;
      lambdas--;
    }
  }
  return -1;
};

/** `TYPE_CHECKING` or `<name>.TYPE_CHECKING`, possibly parenthesized, filling [from, to). */
export const isTypeCheckingTest = (t: PythonTokens, from: number, to: number): boolean => {
  const [s, e] = unwrap(t, from, to);
  if (e - s === 1) return isWord(t, s, Word.TypeChecking);
  return e - s === 3 && t.kind[s] === Kind.Name && isOp(t, s + 1, Op.Dot) && isWord(t, s + 2, Word.TypeChecking);
};

/** `__name__ == '__main__'` in either order, filling [from, to). */
export const isMainTest = (t: PythonTokens, from: number, to: number): boolean => {
  const [s, e] = unwrap(t, from, to);
  if (e - s < 3) return false;
  const eq = s + 1;
  if (!isOp(t, eq, Op.Equal)) return false;
  if (isWord(t, s, Word.DunderName)) return stringValue(t, eq + 1, e) === '__main__';
  return e === eq + 2 && isWord(t, e - 1, Word.DunderName) && stringValue(t, s, eq) === '__main__';
};

export interface Handler {
  names: string[];
  bare: boolean;
  /** Python 2's `except X, e:`. */
  py2: boolean;
  /** The name after `as`, if any. */
  bound?: string;
}

/**
 * The exception names of an `except` header [from, to) (from after `except`/`except*`).
 * Only dotted names count, alone or as elements of a tuple; anything else is skipped, as the
 * ast side does. `except A, b:` with a lower-case single name is Python 2; otherwise a
 * parenthesis-less tuple (Python 3.14).
 */
export const exceptHandler = (t: PythonTokens, from: number, to: number): Handler => {
  if (from >= to) return { names: [], bare: true, py2: false };
  let end = to;
  let bound: string | undefined;
  const d = t.depth[from];
  if (end - from >= 3 && isWord(t, end - 2, Word.As) && t.depth[end - 2] === d && t.kind[end - 1] === Kind.Name) {
    bound = t.text.slice(t.start[end - 1], t.end[end - 1]);
    end -= 2;
  }
  let parts = splitTop(t, from, end);
  let py2 = false;
  if (parts.length === 1) {
    const [s, e] = unwrap(t, from, end);
    if (s !== from) parts = splitTop(t, s, e);
  } else if (parts.length === 2 && bound === undefined) {
    const [s, e] = parts[1];
    const first = t.text.charCodeAt(t.start[s]);
    if (e - s === 1 && t.kind[s] === Kind.Name && first >= 97 && first <= 122) {
      py2 = true;
      const [us, ue] = unwrap(t, parts[0][0], parts[0][1]);
      parts = us !== parts[0][0] ? splitTop(t, us, ue) : [parts[0]];
    }
  }
  const names: string[] = [];
  for (const [s, e] of parts) {
    const name = dottedName(t, s, e);
    if (name !== null) names.push(name);
  }
  const handler: Handler = { names, bare: false, py2 };
  if (bound !== undefined) handler.bound = bound;
  return handler;
};

/** The target range of `for <target> in …:` ([from, to) starts after `for`). */
export const forTarget = (t: PythonTokens, from: number, to: number): [number, number] | null => {
  const d = t.depth[from];
  for (let i = from; i < to; i++) if (t.depth[i] === d && isWord(t, i, Word.In)) return [from, i];
  return null;
};

/** The target ranges after each `as` of a `with` header [from, to) (parenthesized items too). */
export const withTargets = (t: PythonTokens, from: number, to: number): Array<[number, number]> => {
  let [s, e] = [from, to];
  const [us, ue] = unwrap(t, from, to);
  if (us !== from) [s, e] = [us, ue];
  const out: Array<[number, number]> = [];
  for (const [ps, pe] of splitTop(t, s, e)) {
    const d = t.depth[ps];
    for (let i = ps; i < pe; i++) if (t.depth[i] === d && isWord(t, i, Word.As)) out.push([i + 1, pe]);
  }
  return out;
};
