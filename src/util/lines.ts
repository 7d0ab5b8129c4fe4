/** 1-based line numbers from offsets, computed once per text. */
export const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
};

export const lineOfOffset = (starts: number[], offset: number): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
};

/**
 * The line of each offset, asked in ascending order: the lines before the last offset are not
 * counted again (counting from the start per match cost payload's 600 KB declaration files a pass
 * per `declare module`). An offset behind the last one asked starts the count again.
 */
export const lineCounter = (text: string): ((offset: number) => number) => {
  let line = 1;
  let at = 0;
  return (offset: number): number => {
    if (offset < at) {
      line = 1;
      at = 0;
    }
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = Math.max(at, offset);
    return line;
  };
};

/** The 1-based line of one offset in a text, for a reader that needs a few lines (no table built). */
export const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** The text split into lines, without the line terminators (CRLF tolerated). */
export const splitLines = (text: string): string[] => text.split(/\r?\n/);

/**
 * The 1-based number of the first line that holds every one of `needles`, or undefined: where a
 * parsed JSON value (which carries no position of its own) is written, found by its quoted text.
 */
export const lineHolding = (text: string, ...needles: string[]): number | undefined => {
  const i = splitLines(text).findIndex((l) => needles.every((n) => l.includes(n)));
  return i < 0 ? undefined : i + 1;
};
