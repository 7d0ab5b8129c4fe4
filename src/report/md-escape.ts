/**
 * Repo strings in Markdown: a file name, specifier or command line may hold backticks, brackets,
 * pipes or newlines that would end a code span, make a link, break a table row or start a heading.
 * Text is escaped; code spans take a fence longer than any backtick run inside (CommonMark), so
 * what the repo wrote is shown as written and never read as Markdown.
 */

/** Plain Markdown text (a table cell, a list item): nothing in it is read as Markdown. */
export const mdText = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/([`[\]])/g, '\\$1');

/** A code span holding `s` exactly, whatever backticks it has. */
export const mdCode = (s: string): string => {
  const text = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
};

/** A code span inside a table cell: a pipe would still end the cell (GFM reads `\|` there). */
export const mdCodeCell = (s: string): string => mdCode(s.replace(/\|/g, '\\|'));
