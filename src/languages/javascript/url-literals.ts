/**
 * The `new URL('<relative path>', import.meta.url)` expression around an `import.meta.url`, read
 * from the text alone, for a module over --max-file-size whose AST is not walked (the walk's onNew
 * records the same expression as a `new URL` reference in a module of ordinary size). @redocly/cli's
 * 2.8 MB chunk `lib/chunks/UBYAHYID.js` declares `var Zle=pnt(new URL("./redoc.standalone.js",import.meta.url))`
 * (pnt is the bundler's alias of fileURLToPath) and reads the file to inline it into every page
 * `build-docs` writes; with the imports alone read, `lib/chunks/redoc.standalone.js` was dead.
 *
 * Asked by extract/large-file-imports.ts's token scan at each `import` it reads as code, so an
 * expression inside a comment or a string (a bundle's docs: `// new URL('./old.js', import.meta.url)`)
 * names nothing, as it names nothing to the walk (review s60-rv2: a regular expression over the
 * whole text took those too). Read backwards from the `import` word, each step bounded: a text of
 * nothing but `import.meta.url` costs a few characters per occurrence.
 *
 * Only a string literal that opens with `./` or `../` and holds no escape or substitution is taken:
 * a computed place is not followed.
 */

/** The longest literal read back from its closing quote. */
const MAX_LITERAL = 1_024;
/** The most blanks skipped between two tokens read backwards. */
const MAX_BLANK = 256;
/** `.meta.url )` after the `import` word. */
const META_URL = /\s*\.\s*meta\s*\.\s*url\s*\)/y;

export interface UrlLiteral {
  /** The relative path as written, without quotes (`./redoc.standalone.js`). */
  target: string;
  /** Where `new` begins. */
  offset: number;
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;

/** The position of the last non-blank before `pos`, or -1 (none within MAX_BLANK). */
const tokenBefore = (text: string, pos: number): number => {
  let p = pos - 1;
  const stop = Math.max(-1, pos - 1 - MAX_BLANK);
  while (p > stop && isBlank(text.charCodeAt(p))) p--;
  return p > stop ? p : -1;
};

/** Whether `word` ends at `last` (inclusive) as a whole word. */
const wordEndsAt = (text: string, last: number, word: string): boolean =>
  last >= word.length - 1 && text.startsWith(word, last - word.length + 1) && !isWordChar(text.charCodeAt(last - word.length));

/**
 * The `new URL('./x', import.meta.url)` whose `import` word begins at `importAt`, or null when the
 * `import` there is not that expression's second argument.
 */
export const newUrlLiteralAt = (text: string, importAt: number): UrlLiteral | null => {
  META_URL.lastIndex = importAt + 'import'.length;
  if (!META_URL.test(text)) return null;
  const comma = tokenBefore(text, importAt);
  if (comma < 0 || text.charCodeAt(comma) !== 44) return null;
  const close = tokenBefore(text, comma);
  if (close < 0) return null;
  const quote = text.charCodeAt(close);
  if (quote !== 34 && quote !== 39 && quote !== 96) return null;
  let open = close - 1;
  for (const stop = Math.max(-1, close - 1 - MAX_LITERAL); open > stop; open--) {
    const c = text.charCodeAt(open);
    if (c === quote) break;
    if (c === 10 || c === 13 || c === 92 || (quote === 96 && c === 36)) return null;
  }
  if (open < 0 || text.charCodeAt(open) !== quote) return null;
  const target = text.slice(open + 1, close);
  if (!target.startsWith('./') && !target.startsWith('../')) return null;
  const paren = tokenBefore(text, open);
  if (paren < 0 || text.charCodeAt(paren) !== 40) return null;
  const url = tokenBefore(text, paren);
  if (url < 0 || !wordEndsAt(text, url, 'URL')) return null;
  const fresh = tokenBefore(text, url - 2);
  if (fresh < 0 || !wordEndsAt(text, fresh, 'new')) return null;
  return { target, offset: fresh - 2 };
};
