/**
 * Strings from the audited repo (file names, docstrings, commands, evidence) reach the terminal,
 * Markdown and GitHub-annotation formats as text. A name holding ESC or BEL can set the terminal's
 * title or clear the screen; one holding a newline followed by `::error file=…::` injects a
 * workflow command into a CI log. Before a human format renders, every string in its data has its
 * control characters made visible (`\n`, `\u001b`), so no reporter can forget one.
 */

import { displayText } from '../util/display-text.js';

/**
 * The same data with every string displayable. Only what holds a control character is copied:
 * an object or array whose strings are all displayable comes back as it is (an Audit of 23 MB
 * was copied whole for every terminal report, a third of a re-run's time). Shared parts stay
 * shared; the data is a tree or a DAG (it is JSON), never a cycle.
 */
export const displaySafe = <T>(data: T): T => {
  const seen = new Map<object, unknown>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return displayText(value);
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    let out: unknown = value;
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const item = walk(value[i]);
        if (item !== value[i] && copy === null) copy = value.slice(0, i);
        copy?.push(item);
      }
      out = copy ?? value;
    } else if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => [k, v, walk(k), walk(v)] as const);
      if (entries.some(([k, v, wk, wv]) => wk !== k || wv !== v)) out = new Map(entries.map(([, , wk, wv]) => [wk, wv]));
    } else if (value instanceof Set) {
      const items = [...value].map(walk);
      if (items.some((v) => !value.has(v))) out = new Set(items);
    } else {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      let copy: Record<string, unknown> | null = null;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        // Keys too: some views key their data by file path.
        const shown = displayText(key);
        const walked = walk(record[key]);
        if (copy === null && (shown !== key || walked !== record[key])) {
          copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
          for (let j = 0; j < i; j++) copy[keys[j]] = record[keys[j]];
        }
        if (copy !== null) copy[shown] = walked;
      }
      out = copy ?? value;
    }
    seen.set(value, out);
    return out;
  };
  return walk(data) as T;
};
