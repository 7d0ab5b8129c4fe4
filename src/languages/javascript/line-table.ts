/**
 * Offset → 1-based line, for a file's text. Built once per file (one pass over the text), then
 * each lookup is a binary search: extraction asks for many lines and must not rescan the text.
 * Only `\n` ends a line, the same rule the line counts in the inventory use.
 */
export interface LineTable {
  lineOf(offset: number): number;
}

export const buildLineTable = (text: string): LineTable => {
  const starts: number[] = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return {
    lineOf(offset: number): number {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
};
