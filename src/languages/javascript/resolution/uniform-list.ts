/**
 * Lists of one V8 array kind. V8 keeps an array's elements kind in its map: a `[]` literal or an
 * empty `.map` holds small integers, a list of names or objects holds objects, a `flatMap`'s list
 * has holes. Code handed lists of two kinds sees two maps, and V8 threw away the optimised code
 * of the resolve stage (lookup, lookupContext, resolveOne, viaAlias) when the second kind first
 * arrived (a folder's first added condition, compiler extension or alias rule).
 */

/** An empty list of the kind every non-empty list of names or objects has. */
export const EMPTY_LIST: readonly never[] = (() => {
  const list: unknown[] = [''];
  list.length = 0;
  return list as never[];
})();

/** `list` as a packed list of objects (or strings), whatever made it: a list kept and handed out many times. */
export const uniformList = <T extends object | string>(list: readonly T[]): readonly T[] => {
  if (list.length === 0) return EMPTY_LIST;
  const out: T[] = [];
  for (const x of list) out.push(x);
  return out;
};
