/**
 * TOML (pyproject.toml): the parsed value, or a diagnostic with the line smol-toml reports.
 * smol-toml keeps no positions, so `keyLine` finds a key's line by scanning the table headers.
 */
import { parse, TomlError } from 'smol-toml';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { splitLines } from './lines.js';

export type TomlResult = { value: Record<string, unknown> } | { diagnostic: Diagnostic };

export const parseTomlDocument = (text: string, file: string): TomlResult => {
  try {
    return { value: parse(text) as Record<string, unknown> };
  } catch (e) {
    const line = e instanceof TomlError ? e.line : 1;
    const reason = (e as Error).message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    return { diagnostic: warning('manifest/invalid-toml', `invalid TOML: ${reason}`, file, line) };
  }
};

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');

/** `tool.poetry.scripts`, `project.entry-points."flake8.extension"` → its segments, unquoted. */
const segments = (dotted: string): string[] => (dotted.match(/"[^"]*"|'[^']*'|[^.\s"']+/g) ?? []).map(unquote);

/** `[tool.poetry.scripts]` / `[ "project" . "scripts" ]` → its segments. */
const headerSegments = (line: string): string[] | null => {
  const m = /^\s*\[\[?([^\]]+)\]\]?\s*(#.*)?$/.exec(line);
  return m ? segments(m[1]) : null;
};

const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Does the line assign `path` (dotted, quoted or bare) relative to the current table? */
const assigns = (line: string, path: string[]): boolean => {
  const m = /^\s*([^=]+?)\s*=/.exec(line);
  return !!m && same(segments(m[1]), path);
};

/**
 * The line of `key = …` inside table `table` (dotted, TOML-quoted where needed), else the line of
 * the table header, else the line that opens it as an inline table or dotted key, else 1.
 */
export const keyLine = (text: string, table: string, key: string): number => {
  const want = segments(table);
  const lines = splitLines(text);
  let current: string[] = [];
  let headerLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const h = headerSegments(lines[i]);
    if (h !== null) {
      current = h;
      if (same(h, want) && headerLine === 0) headerLine = i + 1;
      continue;
    }
    if (key === '') continue;
    const inTable = current.length <= want.length && same(current, want.slice(0, current.length));
    if (inTable && assigns(lines[i], [...want.slice(current.length), key])) return i + 1;
  }
  if (headerLine) return headerLine;
  return want.length <= 1 ? 1 : keyLine(text, want.slice(0, -1).map(quote).join('.'), want[want.length - 1]);
};

const quote = (segment: string): string => (/^[\w-]+$/.test(segment) ? segment : `"${segment}"`);
