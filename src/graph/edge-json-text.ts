/**
 * An edge's text as `JSON.stringify(edge, null, 2)` writes it inside the Audit, written directly
 * (report/json.ts): saleor's Audit holds ~44,000 import and reference edges, and the stringifier
 * called each one's `toJSON` from C++ for a fresh object it then walked, where the key order is
 * fixed (the public contract) and the values are strings, a line and a list of names. A value
 * of another shape gives no text, and the edge is stringified as before.
 */
import type { Guard } from '../model/facts.js';

/** What JSON escapes in a string: a quote, a backslash, a control character, a surrogate (a lone one is escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

const quoted = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

/** The fields of an import or reference edge, in the Audit's key order (`within` last, when set). */
export interface EdgeJsonFields {
  from: unknown;
  to: unknown;
  kind: unknown;
  line: unknown;
  specifier: unknown;
  names: unknown;
  guard: Guard | null;
  via: unknown;
  label: unknown;
  within?: unknown;
}

const isStrings = (names: unknown): names is string[] => Array.isArray(names) && names.every((n) => typeof n === 'string');

/**
 * `JSON.stringify(fields, null, 2)` with every line after the first indented by `indent`, or
 * undefined when a value is not of the shape written here (then the caller stringifies).
 */
export const edgeJsonText = (e: EdgeJsonFields, indent: string): string | undefined => {
  const { from, to, kind, line, specifier, names, guard, via, label, within } = e;
  if (typeof from !== 'string' || typeof to !== 'string' || typeof kind !== 'string' || typeof specifier !== 'string') return undefined;
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || !isStrings(names) || typeof via !== 'string' || typeof label !== 'string') return undefined;
  if (guard !== null && typeof guard !== 'string') return undefined;
  if (within !== undefined && typeof within !== 'string') return undefined;
  const at = `\n${indent}  `;
  const list = names.length === 0 ? '[]' : `[${at}  ${names.map(quoted).join(`,${at}  `)}${at}]`;
  const tail = within === undefined ? '' : `,${at}"within": ${quoted(within)}`;
  return `{${at}"from": ${quoted(from)},${at}"to": ${quoted(to)},${at}"kind": ${quoted(kind)},${at}"line": ${line},${at}"specifier": ${quoted(specifier)},${at}"names": ${list},${at}"guard": ${guard === null ? 'null' : quoted(guard)},${at}"via": ${quoted(via)},${at}"label": ${quoted(label)}${tail}\n${indent}}`;
};
