/** Building, sanitising, sorting and printing diagnostics: the warnings that name a file and line. */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { byString } from './compare.js';
import { displayText } from './display-text.js';

/** Longest message a diagnostic keeps: messages quote repo text, and a quote is an excerpt, not a copy. */
export const MAX_MESSAGE_LENGTH = 400;

/**
 * Messages quote lines of the audited files; those may hold escape sequences (a terminal title, a
 * screen clear) or a whole secret. Control characters become visible escapes and the length is capped.
 */
export const safeMessage = (message: string): string => {
  // A message is one line: line breaks and tabs become spaces, other control characters escapes.
  const visible = displayText(message.replace(/[\n\t]/g, ' '));
  return visible.length <= MAX_MESSAGE_LENGTH ? visible : `${visible.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
};

export const diagnostic = (
  id: string,
  severity: Severity,
  message: string,
  file?: string,
  line?: number,
): Diagnostic => {
  const d: Diagnostic = { id, severity, message: safeMessage(message) };
  if (file !== undefined) d.location = line === undefined ? { file } : { file, line };
  return d;
};

export const warning = (id: string, message: string, file?: string, line?: number): Diagnostic =>
  diagnostic(id, 'warning', message, file, line);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: by file, line, id, message. */
export const compareDiagnostics = (a: Diagnostic, b: Diagnostic): number =>
  byString(a.location?.file ?? '', b.location?.file ?? '') ||
  (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  byString(a.id, b.id) ||
  byString(a.message, b.message);

export const formatDiagnostic = (d: Diagnostic): string => {
  const where = d.location ? `${d.location.file}${d.location.line ? `:${d.location.line}` : ''}: ` : '';
  return `${where}${d.severity}: ${d.message} [${d.id}]`;
};
