import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { byString } from './compare.js';

export const diagnostic = (
  id: string,
  severity: Severity,
  message: string,
  file?: string,
  line?: number,
): Diagnostic => {
  const d: Diagnostic = { id, severity, message };
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
