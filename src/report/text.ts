/** Small text-layout helpers shared by the terminal and Markdown reporters. */

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export const pct = (part: number, whole: number): string => (whole === 0 ? '0.0%' : `${((100 * part) / whole).toFixed(1)}%`);

/** A plain fixed-width table; the first column left-aligned, the rest right-aligned. */
export const textTable = (header: string[], rows: string[][]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
};

export const style = (color: boolean) => ({
  bold: (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s),
  red: (s: string) => (color ? `\x1b[31m${s}\x1b[39m` : s),
  green: (s: string) => (color ? `\x1b[32m${s}\x1b[39m` : s),
  yellow: (s: string) => (color ? `\x1b[33m${s}\x1b[39m` : s),
});
