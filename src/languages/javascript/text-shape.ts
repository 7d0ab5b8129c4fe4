/**
 * What can be read from a JS/TS file's text and the parser's comment list alone, without the
 * AST: its complexity, where its code starts, and whether the AST walk has anything to find.
 * On Node 20 the AST crosses from Rust as JSON, and JSON.parse of it is most of the extraction
 * time (and does not scale across worker threads), so files that need no walk skip it.
 */
import type { Comment } from 'oxc-parser';
import { mayGlobWithFs } from './fs-glob.js';

/**
 * Words the walk looks for: require, import(), import.meta, CommonJS exports, the modules whose
 * calls are commands (a command call needs its module imported or required by name, or `Bun`),
 * workers, process.argv, node:module (whose `register` loads a hooks file) and import-cwd /
 * import-from (whose calls load a module); and node:fs with
 * the word glob (fs-glob.ts). A superset test: a false positive only costs the walk.
 */
const WALK_NEEDED = /\brequire\b|\bimport\s*\(|\bimport\.meta\b|\bexports\b|child_process|\bexeca\b|\bzx\b|\bbun\b|\bBun\b|shelljs|cross-spawn|\bWorker\b|process\.argv|['"](node:)?module['"]|['"]import-(?:cwd|from)['"]/;

export const needsWalk = (text: string): boolean => WALK_NEEDED.test(text) || mayGlobWithFs(text);

const isIdentChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;

/** Whether text[start, end) is one of if, for, while, catch, case: compared in place, since most words are not. */
const isBranchWord = (text: string, start: number, end: number): boolean => {
  switch (end - start) {
    case 2:
      return text.startsWith('if', start);
    case 3:
      return text.startsWith('for', start);
    case 4:
      return text.startsWith('case', start);
    case 5:
      return text.startsWith('while', start) || text.startsWith('catch', start);
    default:
      return false;
  }
};

/**
 * 1 + decision points: if, for, while (a do-while counts once), catch, case, `&&`, `||` and the
 * `?` of a conditional (not `?.`, `??` or TypeScript's optional `?:`). Comments are skipped using
 * the parser's spans and string literals by quote; template literals count as strings.
 */
export const textComplexity = (text: string, comments: readonly Comment[]): number => {
  let branches = 0;
  let next = 0; // index into comments, which the parser gives in source order
  let nextComment = comments.length > 0 ? comments[0].start : Infinity;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (i >= nextComment) {
      i = Math.max(i, comments[next].end);
      next++;
      nextComment = next < comments.length ? comments[next].start : Infinity;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34 || c === 96) {
      // '…', "…", `…`
      i++;
      while (i < n && text.charCodeAt(i) !== c) i += text.charCodeAt(i) === 92 ? 2 : 1;
      i++;
      continue;
    }
    if (isIdentChar(c)) {
      const start = i;
      while (i < n && isIdentChar(text.charCodeAt(i))) i++;
      if ((start === 0 || text.charCodeAt(start - 1) !== 46) && isBranchWord(text, start, i)) branches++;
      continue;
    }
    // 0 past the end, not charCodeAt's NaN: a read out of bounds throws V8's compiled code away
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if ((c === 38 && d === 38) || (c === 124 && d === 124)) {
      // && and ||, but not &&= / ||=
      if (i + 2 >= n || text.charCodeAt(i + 2) !== 61) branches++;
      i += 2;
      continue;
    }
    if (c === 63) {
      // `?` of a conditional: not ?. ?? ?: (optional member/parameter)
      if (d === 63) {
        i += 2;
        continue;
      }
      if (d !== 46 && d !== 58 && d !== 41 && d !== 44 && d !== 61) branches++;
    }
    i++;
  }
  return 1 + branches;
};

const DIRECTIVE_PROLOGUE = /^\s*(['"])use [\w ]+\1\s*;?/;

/** Offset of the first code that is not a comment or a directive such as 'use strict'. */
export const codeStartOf = (text: string, comments: Comment[]): number => {
  let i = text.startsWith('#!') ? text.indexOf('\n') + 1 || text.length : 0;
  let next = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    while (next < comments.length && comments[next].end <= i) next++;
    if (next < comments.length && comments[next].start === i) {
      i = comments[next].end;
      continue;
    }
    const directive = DIRECTIVE_PROLOGUE.exec(text.slice(i, i + 200));
    if (directive) {
      i += directive[0].length;
      continue;
    }
    return Math.min(i, text.length);
  }
};
