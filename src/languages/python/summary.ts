/**
 * A file's one-line summary: the first non-empty line of the module docstring, else the first
 * meaningful comment before any code (shebang, coding line, editor modelines, linter pragmas
 * and rulers such as `# -----` are skipped).
 */
import { stringRunEnd, stringValue } from './literals.js';
import { isOp } from './ranges.js';
import type { PythonTokens } from './tokenize.js';
import { Op } from './tokens.js';

const PRAGMA = /^(?:pylint|flake8|mypy|type|noqa|fmt|isort|pyright|ruff|vim?|ex|pragma)\b\s*:?/i;
const CODING = /coding[:=]/;

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

const leadingComment = (t: PythonTokens): string | undefined => {
  for (const { start, end, line } of t.leadingComments) {
    const raw = t.text.slice(start, end);
    if (line === 1 && raw.startsWith('#!')) continue;
    if (line <= 2 && CODING.test(raw)) continue;
    const body = raw.replace(/^#+/, '').trim();
    if (!/[A-Za-z0-9]/.test(body) || body.includes('-*-') || PRAGMA.test(body)) continue;
    return body;
  }
  return undefined;
};

export const summaryOf = (t: PythonTokens): string | undefined => docstring(t) ?? leadingComment(t);
