/**
 * The `new URL('<relative path>', import.meta.url)` expressions of a JS text, read by a regular
 * expression alone, for a module over --max-file-size whose AST is not walked (the walk's onNew
 * records the same expression as a `new URL` reference in a module of ordinary size). @redocly/cli's
 * 2.8 MB chunk `lib/chunks/UBYAHYID.js` declares `var Zle=pnt(new URL("./redoc.standalone.js",import.meta.url))`
 * (pnt is the bundler's alias of fileURLToPath) and reads the file to inline it into every page
 * `build-docs` writes; with the imports alone read, `lib/chunks/redoc.standalone.js` was dead.
 *
 * Only a string literal that opens with `./` or `../` and holds no substitution is taken: a
 * computed place is not followed. The text is asked for `import.meta.url` first, so a bundle that
 * never spells it costs one indexOf. A match inside a comment or a string is taken too (the regular
 * expression does not know them); the target must still be a file beside the module.
 */

/** The most distinct literals kept of one text. */
const MAX_URL_LITERALS = 1_000;
const NEW_URL = /\bnew\s+URL\(\s*(?:"(\.\.?\/[^"\n\\]+)"|'(\.\.?\/[^'\n\\]+)'|`(\.\.?\/[^`\n\\$]+)`)\s*,\s*import\.meta\.url\s*\)/g;

export interface UrlLiteral {
  /** The relative path as written, without quotes (`./redoc.standalone.js`). */
  target: string;
  offset: number;
}

/** Each relative `new URL(…, import.meta.url)` literal of `text`, at its first place. */
export const newUrlLiterals = (text: string): UrlLiteral[] => {
  if (!text.includes('import.meta.url')) return [];
  const seen = new Set<string>();
  const out: UrlLiteral[] = [];
  for (const m of text.matchAll(NEW_URL)) {
    const target = m[1] ?? m[2] ?? m[3];
    if (seen.has(target)) continue;
    seen.add(target);
    out.push({ target, offset: m.index ?? 0 });
    if (out.length >= MAX_URL_LITERALS) break;
  }
  return out;
};
