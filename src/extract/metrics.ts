/** Line counts: all lines, and those that hold code by the comment style of the file's language record. */
import type { Language } from '../model/file.js';
import { languageRecord } from '../languages/registry.js';

export interface LineCounts {
  lines: number;
  codeLines: number;
}

/** Lines, and lines that are neither blank nor comment-only (line comments; JS block-comment lines by their leading `*`). */
export const countLines = (text: string, language: Language): LineCounts => {
  if (text.length === 0) return { lines: 0, codeLines: 0 };
  let lines = 0;
  let codeLines = 0;
  const style = languageRecord(language)?.comments ?? 'none';
  const hash = style === 'hash';
  const slash = style === 'slash';
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    if (end === n && start === n) break;
    lines++;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 12) break;
      i++;
    }
    if (i < end) {
      const c = text.charCodeAt(i);
      const comment = (hash && c === 35) || (slash && (c === 42 || (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42))));
      if (!comment) codeLines++;
    }
    start = end + 1;
  }
  return { lines, codeLines };
};
