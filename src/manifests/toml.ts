/**
 * TOML manifests (pyproject.toml, Pipfile, hatch.toml): the parsed value, or a diagnostic with the
 * line smol-toml reports. smol-toml keeps no positions, so the line of a key is found again in the
 * text: `keyLine` by table headers and dotted keys, `TomlLines.locate` down to a quoted value.
 */
import { parse, TomlError } from 'smol-toml';
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { splitLines } from '../util/lines.js';
import type { ManifestFormat } from './store.js';
import { escapeRegExp } from '../util/regexp.js';

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

const unquoteEnds = (s: string): string => s.trim().replace(/^["']|["']$/g, '');

/**
 * Lines of declarations for evidence ("declared in pyproject.toml:14"): the table header, then the
 * key below it, then the quoted value; when a step is not found the nearest earlier step's line is used.
 */
export class TomlLines {
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  private isHeader(i: number): boolean {
    return /^\s*\[/.test(this.lines[i]);
  }

  /** 0-based index of the `[a.b.c]` header line, or -1. */
  header(path: string[]): number {
    const want = path.join('.');
    for (let i = 0; i < this.lines.length; i++) {
      const m = /^\s*\[\[?([^\]]+)\]\]?\s*(#.*)?$/.exec(this.lines[i]);
      if (m && m[1].split('.').map(unquoteEnds).join('.') === want) return i;
    }
    return -1;
  }

  /** 0-based index of `key =` after `from` and before the next header, or -1. */
  key(name: string, from: number): number {
    const escaped = escapeRegExp(name);
    const re = new RegExp(`^\\s*(["']?)${escaped}\\1\\s*=`);
    for (let i = from + 1; i < this.lines.length && !this.isHeader(i); i++) if (re.test(this.lines[i])) return i;
    return -1;
  }

  /** 0-based index of the first line at or after `from` that holds the quoted string, or -1. */
  value(text: string, from: number): number {
    for (let i = Math.max(from, 0); i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.includes(`"${text}"`) || l.includes(`'${text}'`)) return i;
    }
    return -1;
  }

  /** 1-based line of a declaration: header → key → value, each step optional. */
  locate(path: string[], key?: string, value?: string): number {
    const h = this.header(path);
    const k = key === undefined ? -1 : this.key(key, h);
    let v = -1;
    if (value !== undefined) {
      v = this.value(value, Math.max(h, k));
      if (v < 0) v = this.value(value, 0);
    }
    const best = v >= 0 ? v : k >= 0 ? k : h;
    return best >= 0 ? best + 1 : 1;
  }
}

/** A parsed TOML manifest with its line map. */
export interface TomlDocument {
  value: Record<string, unknown>;
  text: string;
  /** See `keyLine`. */
  keyLine(table: string, key: string): number;
  /** See `TomlLines.locate`. */
  locate(path: string[], key?: string, value?: string): number;
}

/** A parsed TOML value as a table, `{}` when it is missing or not one (`tomlTable(doc.tool).setuptools`). */
export const tomlTable = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/** A parsed TOML value as a list of strings: a string is a list of one, anything else none. */
export const tomlStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

export const TOML: ManifestFormat<TomlDocument> = {
  id: 'toml',
  parse: (text, path) => {
    const parsed = parseTomlDocument(text, path);
    if ('diagnostic' in parsed) return { value: null, diagnostics: [parsed.diagnostic] };
    let lines: TomlLines | null = null;
    return {
      value: {
        value: parsed.value,
        text,
        keyLine: (table, key) => keyLine(text, table, key),
        locate: (p, key, value) => (lines ??= new TomlLines(text)).locate(p, key, value),
      },
      diagnostics: [],
    };
  },
};

/** obj.a.b.c, or undefined when any step is missing or not a table. */
export const tomlGet = (obj: unknown, ...keys: string[]): unknown => {
  let cur = obj;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
};

export const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
