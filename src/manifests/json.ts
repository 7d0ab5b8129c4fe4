/**
 * JSON manifests. Strict JSON (package.json, census.config.json): the value, the line of every
 * member (so entries can point at `"build": …`), or a diagnostic naming the file and the line
 * where parsing failed. JSONC (tsconfig.json, jsconfig.json): the value or nothing, silently, as
 * TypeScript's own loader would fall back to defaults.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { parseJsonc } from '../util/jsonc.js';
import { lineOfOffset, lineStarts } from '../util/lines.js';
import type { ManifestFormat } from './store.js';

export interface JsonDocument {
  value: unknown;
  /** Line of the member at `path` (`['scripts', 'build']`), or of the nearest ancestor found. */
  lineOf(path: (string | number)[]): number;
}

export type JsonResult = { doc: JsonDocument } | { diagnostic: Diagnostic };

const keyOf = (path: (string | number)[]): string => path.join('\u0000');

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** JSON's own whitespace, the only kind valid JSON holds outside strings. */
const isJsonSpace = (c: number): boolean => c === SPACE || c === LF || c === CR || c === TAB;

/**
 * Walks valid JSON text once, recording the line where each member's key (or array item) starts.
 * The text has passed JSON.parse, so whitespace outside strings is JSON's four characters and a
 * key without a backslash is its raw text, and every line break is in whitespace (strings and
 * literals hold none), so the line is counted on the way. Keys are built as `keyOf` builds them
 * (the parent's key, NUL, the member): payload's package.json files were walked with a regex
 * test, a one-character string and a copied path array per character or member.
 */
const memberLines = (text: string): Map<string, number> => {
  const lines = new Map<string, number>();
  const length = text.length;
  let i = 0;
  let line = 1;
  const ws = () => {
    for (let c = text.charCodeAt(i); i < length && isJsonSpace(c); c = text.charCodeAt(++i)) if (c === LF) line++;
  };
  const str = (): string => {
    const start = i++;
    let escaped = false;
    while (i < length && text.charCodeAt(i) !== QUOTE) {
      if (text.charCodeAt(i) === BACKSLASH) {
        escaped = true;
        i += 2;
      } else i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const child = (parent: string | null, member: string | number): string => (parent === null ? String(member) : `${parent}\u0000${member}`);
  const value = (key: string | null): void => {
    ws();
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE) {
      i++;
      for (;;) {
        ws();
        if (text.charCodeAt(i) === CLOSE_BRACE) break;
        const member = child(key, str());
        lines.set(member, line);
        ws();
        i++; // ':'
        value(member);
        ws();
        if (text.charCodeAt(i) === COMMA) i++;
        else break;
      }
      i++;
    } else if (c === OPEN_BRACKET) {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text.charCodeAt(i) === CLOSE_BRACKET) break;
        const item = child(key, n);
        lines.set(item, line);
        value(item);
        ws();
        if (text.charCodeAt(i) === COMMA) i++;
        else break;
      }
      i++;
    } else if (c === QUOTE) {
      str();
    } else {
      for (let d = text.charCodeAt(i); i < length && !isJsonSpace(d) && d !== COMMA && d !== CLOSE_BRACKET && d !== CLOSE_BRACE; d = text.charCodeAt(++i));
    }
  };
  value(null);
  return lines;
};

/**
 * Where JSON.parse gave up. V8 says "at position N", or for an unexpected token quotes the text
 * around it (`..."ignore": [}\n}" is not valid JSON`, the token 10 characters into the quote when
 * it starts with `...`), which is found again in the text.
 */
const errorOffset = (text: string, message: string): number => {
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(message);
  const at = quoted ? text.indexOf(quoted[3]) : -1;
  if (quoted && at >= 0) return quoted[2] ? at + 10 : at + Math.max(0, quoted[3].lastIndexOf(quoted[1]));
  // "Unexpected end of JSON input": the problem is where the text stops.
  return Math.max(0, text.trimEnd().length - 1);
};

/** An error at the very end points at the last line with text, where the user would look. */
const errorLine = (text: string, message: string): number =>
  lineOfOffset(lineStarts(text), Math.min(errorOffset(text, message), Math.max(0, text.trimEnd().length - 1)));

export const parseJsonDocument = (text: string, file: string): JsonResult => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const line = errorLine(body, message);
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (\.\.\.)?"[\s\S]*$/, '');
    return { diagnostic: warning('manifest/invalid-json', `invalid JSON: ${reason}`, file, line) };
  }
  let lines: Map<string, number> | null = null;
  return {
    doc: {
      value,
      lineOf: (path) => {
        lines ??= memberLines(body);
        for (let n = path.length; n > 0; n--) {
          const line = lines.get(keyOf(path.slice(0, n)));
          if (line !== undefined) return line;
        }
        return 1;
      },
    },
  };
};

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path of nested keys of a parsed document (JSON, TOML), or undefined where one is missing or not an object. */
export const valueAt = (value: unknown, keys: readonly string[]): unknown => {
  let v = value;
  for (const k of keys) v = isRecord(v) ? v[k] : undefined;
  return v;
};

export const JSON_MANIFEST: ManifestFormat<JsonDocument> = {
  id: 'json',
  parse: (text, path) => {
    const parsed = parseJsonDocument(text, path);
    return 'doc' in parsed ? { value: parsed.doc, diagnostics: [] } : { value: null, diagnostics: [parsed.diagnostic] };
  },
};

/** The value of a JSON-with-comments file; null when it does not parse. */
export const JSONC_MANIFEST: ManifestFormat<unknown> = {
  id: 'jsonc',
  parse: (text) => {
    const parsed = parseJsonc(text);
    return { value: 'value' in parsed ? parsed.value : null, diagnostics: [] };
  },
};
