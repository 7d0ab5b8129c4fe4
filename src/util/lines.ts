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

/** The text split into lines, without the line terminators (CRLF tolerated). */
export const splitLines = (text: string): string[] => text.split(/\r?\n/);
