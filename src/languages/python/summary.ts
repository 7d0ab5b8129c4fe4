/**
 * A file's one-line summary: the first non-empty line of the module docstring, else the first
 * meaningful comment before any code (shebang, coding line, editor modelines, linter pragmas,
 * licence boilerplate and rulers such as `# -----` are skipped).
 */
import { stringRunEnd, stringValue } from './literals.js';
import { isOp } from './ranges.js';
import type { PythonTokens } from './tokenize.js';
import { Op } from './tokens.js';

const PRAGMA = /^(?:pylint|flake8|mypy|type|noqa|fmt|isort|pyright|ruff|vim?|ex|pragma)\b\s*:?/i;
const CODING = /coding[:=]/;
/** Licence boilerplate says nothing about what the file does. */
const BOILERPLATE = /\blicen[sc]e[ds]?\b|copyright|\(c\)|\u00a9|all rights reserved|warranty|free software|this file is part of/i;

const firstNonEmptyLine = (text: string): string | undefined => {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') return trimmed;
  }
  return undefined;
};

const docstring = (t: PythonTokens): string | undefined => {
  if (t.lines === 0 || t.lineIndent[0] !== 0) return undefined;
  const a = t.lineFirst[0];
  const b = t.lineEnd[0];
  const e = stringRunEnd(t, a, b);
  if (e === a || (e !== b && !isOp(t, e, Op.Semicolon))) return undefined;
  const value = stringValue(t, a, e);
  return value === null ? undefined : firstNonEmptyLine(value);
};

/** Comment bodies before any code, grouped into blocks of consecutive lines. */
const commentBlocks = (t: PythonTokens): string[][] => {
  const blocks: string[][] = [];
  let lastLine = -1;
  for (const { start, end, line } of t.leadingComments) {
    const raw = t.text.slice(start, end);
    if ((line === 1 && raw.startsWith('#!')) || (line <= 2 && CODING.test(raw))) continue;
    if (line !== lastLine + 1 || blocks.length === 0) blocks.push([]);
    blocks[blocks.length - 1].push(raw.replace(/^#+/, '').trim());
    lastLine = line;
  }
  return blocks;
};

/** The first meaningful line of the first block that is not licence boilerplate. */
const leadingComment = (t: PythonTokens): string | undefined => {
  for (const block of commentBlocks(t)) {
    if (block.some((body) => BOILERPLATE.test(body))) continue;
    const line = block.find((body) => /[A-Za-z0-9]/.test(body) && !body.includes('-*-') && !PRAGMA.test(body));
    if (line !== undefined) return line;
  }
  return undefined;
};

export const summaryOf = (t: PythonTokens): string | undefined => docstring(t) ?? leadingComment(t);
