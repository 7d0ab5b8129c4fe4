/** Line counts: all lines, and those that hold code by the comment style of the file's language record. */
import type { Language } from '../model/file.js';
import type { CommentStyle } from '../languages/types.js';
import { LANGUAGE_RECORDS } from '../languages/registry.js';

/**
 * Each language's comment style, looked up in one map: reading it off the language records (objects
 * of several shapes) was a property load V8 compiled for the few records of the first files and
 * threw away at the next language.
 */
const COMMENT_STYLES: ReadonlyMap<Language, CommentStyle> = new Map(LANGUAGE_RECORDS.map((r) => [r.id, r.comments]));

export interface LineCounts {
  lines: number;
  codeLines: number;
}

/** Lines of each comment style, blank, indented and comment-only, that countLines reads a few times first (see countLines). */
const WARM_UP: readonly [string, Language][] = [
  ['// a line comment\n/* a block\n * comment\n */\n\tconst a = 1;\r\n\n  #x\n', 'typescript'],
  ['# a comment\n\timport a\r\n\n  // x\n', 'python'],
  ['{\n  "a": 1\n}', 'json'],
];

let warmedUp = false;

/**
 * Lines, and lines that are neither blank nor comment-only (line comments; JS block-comment lines by their leading `*`).
 * The first call counts the samples above first: a repo's first files (JSON, YAML, a README) take
 * one comment style, and V8's compiled loop, trained on them, was thrown away at the first of another.
 */
export const countLines = (text: string, language: Language): LineCounts => {
  if (!warmedUp) {
    warmedUp = true;
    for (let i = 0; i < 4; i++) for (const [sample, lang] of WARM_UP) countLines(sample, lang);
  }
  if (text.length === 0) return { lines: 0, codeLines: 0 };
  let lines = 0;
  let codeLines = 0;
  const style = COMMENT_STYLES.get(language) ?? 'none';
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
