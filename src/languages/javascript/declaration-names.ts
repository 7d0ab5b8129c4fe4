/**
 * The declaration files a JS module names by their bare file names, as the TypeScript compiler
 * names its standard library (`["es5", "lib.es5.d.ts"]` in its `libMap`) and loads each beside
 * itself. Read by frameworks/js/named-declarations.ts from a module's text, and for a module over
 * --max-file-size (typescript.js is 9 MB), whose text readers do not get, by the large-file scan
 * (extract/large-file-imports.ts), which keeps them as FileFacts.declarationNames. One owner of
 * the patterns, so both read the same literals.
 */

/** A declaration file's bare name, read back from its `.d.` (`lib.es5.d.ts`, `index.d.mts`). */
const NAME_CHAR = /[\w.@+-]/;
const EXTENSION = /^\.d\.[cm]?ts/;
/** The module spells its own folder or file: it may find a name beside itself. */
const OWN_LOCATION = /\b__dirname\b|\b__filename\b|\bimport\.meta\.(?:url|dirname|filename)\b/;
/** The most distinct names kept of one text (TypeScript's table names about a hundred). */
const MAX_DECLARATION_NAMES = 10_000;

export interface DeclarationName {
  /** The bare file name (`lib.es5.d.ts`). */
  name: string;
  /** The literal as written, quotes included. */
  literal: string;
  offset: number;
}

/**
 * Each declaration file name `text` spells as a string literal (quotes or a backtick, the same at
 * both ends), at its first place; none when the text does not spell its own location (a name it
 * could not find beside itself).
 */
export const declarationNamesIn = (text: string): DeclarationName[] => {
  const out: DeclarationName[] = [];
  const seen = new Set<string>();
  // Each `.d.` found by indexOf (native, as fast on a 9 MB bundle's one pass as a regex is not), read
  // outwards to its quotes: a regular expression over the whole text tried a match at every quote.
  for (let at = text.indexOf('.d.'); at >= 0 && out.length < MAX_DECLARATION_NAMES; at = text.indexOf('.d.', at + 3)) {
    const ext = EXTENSION.exec(text.slice(at, at + 6));
    if (ext === null) continue;
    const close = at + ext[0].length;
    const quote = text[close];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    let open = at - 1;
    while (open >= 0 && at - open <= 256 && NAME_CHAR.test(text[open])) open--;
    if (open < 0 || open === at - 1 || text[open] !== quote) continue;
    const name = text.slice(open + 1, close);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, literal: text.slice(open, close + 1), offset: open });
  }
  // Only a module that spells its own location finds a name beside itself (asked once, after a name is found).
  return out.length > 0 && OWN_LOCATION.test(text) ? out : [];
};
