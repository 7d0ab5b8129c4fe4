/**
 * The one-line summary of a JS/TS file: the first line of its leading comment (JSDoc or not),
 * after any shebang and before the first statement. Tool directives and licence headers say
 * nothing about what the file does, so they are passed over.
 */
import type { Comment } from 'oxc-parser';

const DIRECTIVE = /^(?:eslint|@ts-|prettier|jshint|jscs|istanbul|c8 |v8 |biome-|oxlint|tslint|global |globals |@flow|@jsx|@vitest-environment|@jest-environment|#region|#endregion|<reference|@license|@preserve|copyright|\(c\)|\u00a9|spdx-license|license)/i;
const FILE_TAG = /^@(?:file|fileoverview|overview|module|packageDocumentation|description)\b\s*/;
const MAX_LENGTH = 200;

const isDirective = (comment: Comment): boolean => DIRECTIVE.test(comment.value.replace(/^[\s*!/]+/, ''));

const firstMeaningfulLine = (comment: Comment): string | null => {
  for (const raw of comment.value.split('\n')) {
    let line = raw.replace(/^\s*\*+\s?/, '').replace(/^[\s!]+/, '').trim();
    if (line === '' || /^[-=*#_/]{3,}$/.test(line)) continue;
    if (FILE_TAG.test(line)) {
      line = line.replace(FILE_TAG, '').trim();
      if (line === '') continue;
    } else if (line.startsWith('@')) {
      return null;
    }
    return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
  }
  return null;
};

/**
 * @param codeStart offset of the first statement that is not a directive (`'use strict'`),
 *   or the text length when there is none.
 */
export const leadingSummary = (comments: readonly Comment[], text: string, codeStart: number): string | undefined => {
  let previousEnd = -1;
  let skippingRun = false;
  for (const comment of comments) {
    if (comment.start >= codeStart) break;
    // oxc reports a JS shebang as a line comment at offset 0.
    if (comment.start === 0 && text.startsWith('#!')) continue;
    // `// Copyright …` runs on over several line comments: skip the whole run, not its first line.
    const continuesRun = comment.type === 'Line' && previousEnd >= 0 && /^[ \t]*\r?\n[ \t]*$/.test(text.slice(previousEnd, comment.start));
    previousEnd = comment.type === 'Line' ? comment.end : -1;
    if (skippingRun && continuesRun) continue;
    if (isDirective(comment)) {
      skippingRun = comment.type === 'Line';
      continue;
    }
    skippingRun = false;
    const line = firstMeaningfulLine(comment);
    if (line !== null) return line;
  }
  return undefined;
};
