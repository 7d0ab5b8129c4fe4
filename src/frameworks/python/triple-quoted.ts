/**
 * Stop 62 (review): the spans of a Python text's triple-quoted strings, so a reader that finds calls by
 * pattern skips a call a docstring shows as an example (`importer.find_module(name, [__name__], None)`
 * in a package's docstring runs nothing). One pass; comments and one-line strings are stepped over so a
 * `"""` inside them opens nothing.
 */

/** [start, end) offsets of each triple-quoted string, in order; an unclosed one runs to the end. */
export const tripleQuotedSpans = (text: string): [number, number][] => {
  const spans: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '"' || c === "'") {
      if (text.startsWith(c + c + c, i)) {
        // To the same three quotes, a backslash escaping the character after it.
        let j = i + 3;
        while (j < text.length && !text.startsWith(c + c + c, j)) j += text[j] === '\\' ? 2 : 1;
        const stop = Math.min(text.length, j + 3);
        spans.push([i, stop]);
        i = stop;
      } else {
        // A one-line string: to its closing quote, an unescaped line break, or the end.
        let j = i + 1;
        while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
        i = j + 1;
      }
    } else i++;
  }
  return spans;
};

export { insideSpans } from '../../util/spans.js';
