/**
 * Names a module binds at top level through assignments (`a = …`, `a, *b = …`, `x: T = …`,
 * `x += …`, `(y := …)`, `type X = …`) and its `__all__` when that is a literal list of strings.
 */
import { isTrailer, isOp, isWord, matchClose, nameText, unwrap } from './ranges.js';
import { stringList, stringValue } from './literals.js';
import type { ExtractState } from './state.js';
import { Kind, Op, Word, isHardKeyword } from './tokens.js';

/** Binds the plain names of an assignment target [from, to): not attributes, not subscripts. */
export const bindTargets = (st: ExtractState, from: number, to: number): void => {
  const t = st.t;
  for (let i = from; i < to; i++) {
    const k = t.kind[i];
    if (k === Kind.Op) {
      if (isTrailer(t, i, from)) {
        const close = matchClose(t, i, to);
        if (close < 0) return;
        i = close;
      }
      continue;
    }
    if (k !== Kind.Name || isHardKeyword(t.value[i])) continue;
    const prev = i === from ? -1 : t.kind[i - 1] === Kind.Op ? t.value[i - 1] : 0;
    if (prev !== -1 && prev !== Op.Comma && prev !== Op.LParen && prev !== Op.LBracket && prev !== Op.Star) continue;
    const next = i + 1 === to ? -1 : t.kind[i + 1] === Kind.Op ? t.value[i + 1] : 0;
    if (next !== -1 && next !== Op.Comma && next !== Op.RParen && next !== Op.RBracket) continue;
    st.definitions.add(nameText(t, i));
  }
};

/** Assignment shape of a simple statement [s, e): where its `=`s, annotation and augmented op are. */
export interface AssignShape {
  /** Indexes of top-level `=`. */
  assigns: number[];
  /** Index of an annotation colon (`x: T`), or -1. */
  annotation: number;
  /** Index of an augmented assignment operator, or -1. */
  augmented: number;
}

export const assignShape = (st: ExtractState, s: number, e: number): AssignShape => {
  const t = st.t;
  const d = t.depth[s];
  const shape: AssignShape = { assigns: [], annotation: -1, augmented: -1 };
  let lambda = false;
  for (let i = s; i < e; i++) {
    if (t.depth[i] !== d) continue;
    const k = t.kind[i];
    if (k === Kind.Name) {
      if (t.value[i] === Word.Lambda) lambda = true;
      continue;
    }
    // After a lambda, `=` and `:` belong to its parameters and body.
    if (k !== Kind.Op || lambda) continue;
    const v = t.value[i];
    if (v === Op.Assign) shape.assigns.push(i);
    else if (v === Op.AugAssign && shape.augmented < 0 && shape.assigns.length === 0) shape.augmented = i;
    else if (v === Op.Colon && shape.annotation < 0 && shape.assigns.length === 0) shape.annotation = i;
  }
  return shape;
};

/** True when the statement binds something (so it is not an expression statement). */
export const isAssignment = (shape: AssignShape): boolean =>
  shape.assigns.length > 0 || shape.annotation >= 0 || shape.augmented >= 0;

/** Top-level bindings of one simple statement [s, e). */
export const bindStatement = (st: ExtractState, s: number, e: number, shape: AssignShape): void => {
  const t = st.t;
  if (isWord(t, s, Word.Type) && t.kind[s + 1] === Kind.Name && (isOp(t, s + 2, Op.Assign) || isOp(t, s + 2, Op.LBracket))) {
    st.definitions.add(nameText(t, s + 1)); // PEP 695 `type X = …`
    return;
  }
  if (shape.annotation >= 0) bindTargets(st, s, shape.annotation);
  else if (shape.augmented >= 0) bindTargets(st, s, shape.augmented);
  else {
    // a = b = value: every part before an `=` is a target.
    let from = s;
    for (const a of shape.assigns) {
      bindTargets(st, from, a);
      from = a + 1;
    }
  }
  if (isWord(t, s, Word.DunderAll)) updateAll(st, s, e, shape);
};

/** Names bound by walrus operators anywhere in [s, e). */
export const bindWalruses = (st: ExtractState, s: number, e: number): void => {
  const t = st.t;
  for (let i = s + 1; i < e; i++) {
    if (isOp(t, i, Op.Walrus) && t.kind[i - 1] === Kind.Name) st.definitions.add(nameText(t, i - 1));
  }
};

const addExported = (st: ExtractState, names: string[] | null, replace: boolean): void => {
  if (names === null) st.exported = null;
  else if (replace) st.exported = names;
  else if (st.exported !== null) st.exported = [...(st.exported ?? []), ...names];
};

/** `__all__ = […]`, `__all__: list[str] = (…)`, `__all__ += […]`, `__all__.extend([…])`, `.append('x')`. */
const updateAll = (st: ExtractState, s: number, e: number, shape: AssignShape): void => {
  const t = st.t;
  if (shape.assigns.length > 0) {
    const value = shape.assigns[shape.assigns.length - 1] + 1;
    const targetEnd = shape.annotation >= 0 ? shape.annotation : shape.assigns[0];
    if (targetEnd === s + 1) addExported(st, stringList(t, value, e), true);
  } else if (shape.augmented === s + 1 && t.text.charCodeAt(t.start[s + 1]) === 43) {
    addExported(st, stringList(t, s + 2, e), false);
  } else if (!isAssignment(shape) && isOp(t, s + 1, Op.Dot) && isOp(t, s + 3, Op.LParen) && isOp(t, e - 1, Op.RParen)) {
    if (isWord(t, s + 2, Word.Extend)) addExported(st, stringList(t, s + 4, e - 1), false);
    else if (isWord(t, s + 2, Word.Append)) {
      const [vs, ve] = unwrap(t, s + 4, e - 1);
      const value = stringValue(t, vs, ve);
      addExported(st, value === null ? null : [value], false);
    }
  }
};
