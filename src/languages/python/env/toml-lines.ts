/**
 * smol-toml gives values without positions; a declaration's line is found again in the text:
 * the table header, then the key below it, then the quoted value. Good enough for evidence
 * ("declared in pyproject.toml:14"); when a step is not found the nearest earlier step's line is used.
 */
import { parse as parseToml } from 'smol-toml';

const unquote = (s: string): string => s.trim().replace(/^["']|["']$/g, '');

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
      if (m && m[1].split('.').map(unquote).join('.') === want) return i;
    }
    return -1;
  }

  /** 0-based index of `key =` after `from` and before the next header, or -1. */
  key(name: string, from: number): number {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

export type TomlParse = { data: Record<string, unknown> } | { error: string; line: number };

export const parseTomlDocument = (text: string): TomlParse => {
  try {
    return { data: parseToml(text) as Record<string, unknown> };
  } catch (e) {
    const err = e as { line?: unknown; message?: unknown };
    const line = typeof err.line === 'number' && err.line > 0 ? err.line : 1;
    const message = typeof err.message === 'string' ? err.message.split('\n')[0] : 'invalid TOML';
    return { error: message, line };
  }
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
