/**
 * Regular expressions taken from an audited repo (a `require.context(dir, true, /\.vue$/)` filter)
 * are compiled only when they cannot backtrack catastrophically: no quantified group (`(a+)+`,
 * `(a|aa)*`), no back-reference, a bounded length and few unbounded quantifiers. Anything else is
 * refused (null), never run: a hostile pattern must not hang the scan.
 */

const MAX_SOURCE_LENGTH = 200;
const MAX_UNBOUNDED = 4;

/** Why `source` is refused, or null when it is safe to compile. */
export const regexProblem = (source: string): string | null => {
  if (source.length > MAX_SOURCE_LENGTH) return `longer than ${MAX_SOURCE_LENGTH} characters`;
  let unbounded = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return 'a back-reference';
      i++;
      continue;
    }
    if (c === '[') {
      // A class is one character: skip to its end.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === ')' && /[*+?{]/.test(source[i + 1] ?? '')) return 'a quantified group';
    if (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) unbounded++;
  }
  return unbounded > MAX_UNBOUNDED ? `more than ${MAX_UNBOUNDED} unbounded repetitions` : null;
};

/** The compiled expression, or null when it is refused or invalid. */
export const safeRegExp = (source: string): RegExp | null => {
  if (regexProblem(source) !== null) return null;
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
};
