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

/** Walks valid JSON text once, recording the line where each member's key (or array item) starts. */
const memberLines = (text: string): Map<string, number> => {
  const starts = lineStarts(text);
  const lines = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}') break;
        const at = i;
        const key = str();
        lines.set(keyOf([...path, key]), lineOfOffset(starts, at));
        ws();
        i++; // ':'
        value([...path, key]);
        ws();
        if (text[i] === ',') i++;
        else break;
      }
      i++;
    } else if (c === '[') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') break;
        lines.set(keyOf([...path, n]), lineOfOffset(starts, i));
        value([...path, n]);
        ws();
        if (text[i] === ',') i++;
        else break;
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    }
  };
  value([]);
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
