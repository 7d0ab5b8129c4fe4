/**
 * Strings from the audited repo (file names, docstrings, commands, evidence) reach the terminal,
 * Markdown and GitHub-annotation formats as text. A name holding ESC or BEL can set the terminal's
 * title or clear the screen; one holding a newline followed by `::error file=…::` injects a
 * workflow command into a CI log. Before a human format renders, every string in its data has its
 * control characters made visible (`\n`, `\u001b`), so no reporter can forget one.
 */

import { displayText } from '../util/display-text.js';

/** The same data with every string displayable; data without control characters comes back as is. */
export const displaySafe = <T>(data: T): T => {
  const seen = new Map<object, unknown>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return displayText(value);
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(walk(item));
      return out;
    }
    if (value instanceof Map) {
      const out = new Map<unknown, unknown>();
      seen.set(value, out);
      for (const [k, v] of value) out.set(walk(k), walk(v));
      return out;
    }
    if (value instanceof Set) {
      const out = new Set<unknown>();
      seen.set(value, out);
      for (const v of value) out.add(walk(v));
      return out;
    }
    const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    seen.set(value, out);
    // Keys too: some views key their data by file path.
    for (const [k, v] of Object.entries(value)) out[displayText(k)] = walk(v);
    return out;
  };
  return walk(data) as T;
};
