/**
 * The declaration files a JS module names by their bare file names, as the TypeScript compiler
 * names its standard library (`["es5", "lib.es5.d.ts"]` in its `libMap`) and loads each beside
 * itself. Read by frameworks/js/named-declarations.ts from a module's text, and for a module over
 * --max-file-size (typescript.js is 9 MB), whose text readers do not get, by the large-file scan
 * (extract/large-file-imports.ts), which keeps them as FileFacts.declarationNames. One owner of
 * the patterns, so both read the same literals.
 */

/** A string literal that is a declaration file's bare name: `"lib.es5.d.ts"`, `'lib.dom.d.ts'`. */
const NAME_LITERAL = /(["'`])([\w.@+-]+\.d\.[cm]?ts)\1/g;
/** The module spells its own folder or file: it may find a name beside itself. */
const OWN_LOCATION = /\b__dirname\b|\b__filename\b|\bimport\.meta\.(?:url|dirname|filename)\b/;
/** The most distinct names kept of one text (TypeScript's table names about a hundred). */
export const MAX_DECLARATION_NAMES = 10_000;

export interface DeclarationName {
  /** The bare file name (`lib.es5.d.ts`). */
  name: string;
  /** The literal as written, quotes included. */
  literal: string;
  offset: number;
}

/**
 * Each declaration file name `text` spells as a string literal, at its first place; none when the
 * text does not spell its own location (a name it could not find beside itself) or names no `.d.`.
 */
export const declarationNamesIn = (text: string): DeclarationName[] => {
  if (!text.includes('.d.') || !OWN_LOCATION.test(text)) return [];
  const out: DeclarationName[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(NAME_LITERAL)) {
    if (seen.has(m[2])) continue;
    seen.add(m[2]);
    out.push({ name: m[2], literal: m[0], offset: m.index ?? 0 });
    if (out.length >= MAX_DECLARATION_NAMES) break;
  }
  return out;
};
