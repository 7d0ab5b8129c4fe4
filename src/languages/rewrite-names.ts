/**
 * Writes once, during an extractor's warm-up, every fact field that extract/shared-strings.ts
 * later replaces with its shared copy.
 *
 * Why: V8 treats an object field that was never overwritten as a constant and compiles code that
 * relies on it; the first overwrite, by shareStrings hundreds of files in, threw that code away
 * (shareStrings' own and the extractors' that built such objects) to compile it again.
 */
import type { FileFacts } from '../model/facts.js';

/** A string equal to `s` that is another object. */
const copyOf = (s: string): string => ` ${s}`.slice(1);

export const rewriteNames = (facts: FileFacts): void => {
  for (const fact of facts.imports) {
    fact.specifier = copyOf(fact.specifier);
    fact.syntax = copyOf(fact.syntax) as typeof fact.syntax;
    if (fact.guard !== null) fact.guard = copyOf(fact.guard) as typeof fact.guard;
    if (fact.alias !== undefined) fact.alias = copyOf(fact.alias);
    for (const n of fact.names) {
      n.name = copyOf(n.name);
      if (n.alias !== undefined) n.alias = copyOf(n.alias);
    }
  }
  for (const ref of facts.references) {
    ref.target = copyOf(ref.target);
    ref.via = copyOf(ref.via);
  }
  // Not a command's `via`: shareStrings leaves it as the extractor wrote it.
};
