/**
 * Lists of one V8 elements kind. V8 keeps an array's elements kind in its hidden class: a `[]`
 * literal holds small integers, a list of names or objects holds objects, a `flatMap`'s list has
 * holes, and `Array.prototype.map`'s result is packed when the builtin runs it (the interpreter's,
 * the first files') but holey from TurboFan's inlined copy (the same call once its caller is
 * compiled). Code handed lists of two kinds sees two maps, and V8 threw away the optimised code
 * that read them (the extractors' readers, shareStrings, the resolve and import stages) when the
 * second kind first arrived, hundreds of files in. A literal filled by push has one kind whichever
 * tier fills it.
 */

/** An empty list of the kind every non-empty list of names or objects has. Shared: never to be filled. */
export const EMPTY_LIST: readonly never[] = (() => {
  const list: unknown[] = [''];
  list.length = 0;
  return list as never[];
})();

/** `xs.map(f)`, as a packed list whatever runs it: for lists kept (a file's facts) and read by hot code elsewhere. */
export const packedMap = <T, U>(xs: readonly T[], f: (x: T) => U): U[] => {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]));
  return out;
};

/** `list` as a packed list of objects (or strings), whatever made it, EMPTY_LIST when empty: a list kept and handed out many times. */
export const uniformList = <T extends object | string>(list: readonly T[]): readonly T[] =>
  list.length === 0 ? EMPTY_LIST : packedMap(list, (x) => x);
