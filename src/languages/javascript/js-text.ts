/**
 * Small pieces shared by the readers that look at JS/TS text without parsing it (folder
 * expressions, the framework readers' call and list readers): what an identifier is. One owner,
 * so a pattern is compiled once per process, not once per call.
 */

/** An identifier as a regular-expression source, to build larger patterns from (no group). */
export const IDENTIFIER_SOURCE = String.raw`[A-Za-z_$][\w$]*`;

/** A whole string that is one identifier (`name`, `$el`); no `g` flag, so `.test` keeps no state. */
export const IDENTIFIER = new RegExp(`^${IDENTIFIER_SOURCE}$`);

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * The bracketed text whose `(`, `[` or `{` is at `open`, through its matching closer (quoted
 * strings stepped over, a backslash escaping the next character); null when `open` holds no
 * opening bracket or the match is not within `window` characters. The bound keeps an unbalanced
 * bracket (hostile or generated text) from being followed to the end of the file once per call.
 * Only the one kind of bracket is counted: `f(a[0])` closes at its `)`.
 */
export const balancedText = (text: string, open: number, window = 10_000): string | null => {
  const opener = text[open];
  const closer = CLOSER[opener];
  if (closer === undefined) return null;
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(text.length, open + window);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return text.slice(open, i + 1);
  }
  return null;
};

/**
 * The first position from `start` (within `window` characters) whose character, outside quoted
 * strings and brackets opened after `start`, passes `stop`, or that closes a bracket opened before
 * `start` (the end of the expression it is in); -1 when none does. `const x = a ? b : c;` read from
 * its value: the `;` that ends it, the `?` and `:` of its conditional.
 */
export const topLevelIndex = (text: string, start: number, stop: (c: string, at: number) => boolean, window = 10_000): number => {
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(text.length, start + window);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth < 0) return i;
    } else if (depth === 0 && stop(c, i)) return i;
  }
  return -1;
};
