/**
 * `xs.map(f)` for the arrays the extractor keeps in a file's facts (import names, the imports).
 *
 * Why not `Array.prototype.map`: its result's elements kind depends on what ran it. The builtin
 * (the interpreter's, the first files') makes a packed array; TurboFan's inlined copy (the same
 * call once its caller is compiled) makes a holey one. So the facts of the first files and of the
 * rest held arrays of two hidden classes, and every compiled reader of those arrays (runnableOf,
 * shareFacts, the import stages) met the second one hundreds of files in and threw its code away.
 * An array literal filled by push has one elements kind whichever tier fills it.
 */
export const packedMap = <T, U>(xs: readonly T[], f: (x: T) => U): U[] => {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]));
  return out;
};
