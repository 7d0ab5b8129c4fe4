/**
 * Offset → 1-based line, for a file's text. Lookups that move forward (imports, read top to
 * bottom) count line breaks from the previous lookup on, so a file whose imports are all at the
 * top is never scanned past its last import; the first lookup that moves back builds the table of
 * line starts once, and later lookups binary-search it. Only `\n` ends a line, the same rule the
 * line counts in the inventory use.
 */
export interface LineTable {
  lineOf(offset: number): number;
}

export const buildLineTable = (text: string): LineTable => {
  let counted = 0; // offset up to which line breaks have been counted
  let line = 1; // the line at `counted`
  let starts: number[] | null = null;
  const table = (): number[] => {
    const all: number[] = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      all.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return all;
  };
  return {
    lineOf(offset: number): number {
      if (starts === null && offset >= counted) {
        let i = text.indexOf('\n', counted);
        while (i !== -1 && i < offset) {
          line++;
          i = text.indexOf('\n', i + 1);
        }
        counted = offset;
        return line;
      }
      starts ??= table();
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
