/**
 * Terminal output fits the terminal: a line wider than the width is wrapped at spaces, its
 * continuation indented under the line's own indent, and a word wider than the room left is cut
 * with an ellipsis. Colour codes take no room. Applied to every terminal view after rendering, so
 * no renderer has to count columns itself.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The width a string takes on screen (colour codes take none; one column per code point). */
export const visibleWidth = (s: string): number => [...s.replace(ANSI, '')].length;

/** The first `width` visible columns of `s`, ending in … when it was cut. */
export const truncateTo = (s: string, width: number): string => {
  if (visibleWidth(s) <= width) return s;
  const plain = [...s.replace(ANSI, '')];
  return `${plain.slice(0, Math.max(0, width - 1)).join('')}…`;
};

const CONTINUATION_INDENT = 2;

const wrapLine = (line: string, width: number): string[] => {
  if (visibleWidth(line) <= width) return [line];
  const indent = /^ */.exec(line.replace(ANSI, ''))![0].length;
  const hang = ' '.repeat(Math.min(indent + CONTINUATION_INDENT, Math.floor(width / 2)));
  const words = line.trimStart().split(/ +/);
  const out: string[] = [];
  let current = ' '.repeat(indent);
  let empty = true;
  for (const word of words) {
    const joined = empty ? `${current}${word}` : `${current} ${word}`;
    if (visibleWidth(joined) <= width) {
      current = joined;
      empty = false;
      continue;
    }
    if (!empty) out.push(current);
    current = `${out.length === 0 && empty ? ' '.repeat(indent) : hang}${word}`;
    empty = false;
    if (visibleWidth(current) > width) {
      out.push(truncateTo(current, width));
      current = hang;
      empty = true;
    }
  }
  if (!empty) out.push(current);
  return out;
};

/** Every line of `text` at most `width` columns wide. */
export const fitToWidth = (text: string, width: number): string => text.split('\n').flatMap((line) => wrapLine(line, width)).join('\n');
