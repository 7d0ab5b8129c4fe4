/**
 * Reads a deploy config that a platform accepts as TOML or as JSON(C) (railway.toml/json,
 * wrangler.toml/json/jsonc) into its top-level table, or a warning naming the file and line; and
 * finds the line that sets a key, which neither parser reports.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { parseJsonc, stripJsonc } from '../../util/jsonc.js';
import { parseTomlDocument } from '../../manifests/toml.js';
import { isRecord } from '../../manifests/json.js';
import { splitLines } from '../../util/lines.js';

export type ConfigDocument = { table: Record<string, unknown> } | { diagnostic: Diagnostic } | { table: null };

/** `invalidId` is the warning id for JSON that does not parse (TOML has its own). */
export const readConfigDocument = (path: string, text: string, invalidId: string): ConfigDocument => {
  if (path.endsWith('.toml')) {
    const parsed = parseTomlDocument(text, path);
    if ('diagnostic' in parsed) return { diagnostic: parsed.diagnostic };
    return { table: isRecord(parsed.value) ? parsed.value : null };
  }
  const parsed = parseJsonc(text);
  if (!('value' in parsed)) return { diagnostic: warning(invalidId, `not valid JSON: ${parsed.error}`, path, parsed.line) };
  return { table: isRecord(parsed.value) ? parsed.value : null };
};

/**
 * Neither JSON.parse nor the TOML reader gives positions: the first line that sets `key`
 * (`key =`, `"key":`), and holds `value` when one is given. In JSON(C) (the text opens with `{` or a
 * comment) comments are blanked first, lines kept: a commented-out `// "main": "old.js"` sets nothing.
 */
export const lineOfKey = (text: string, key: string, value?: string): number | undefined => {
  const sets = new RegExp(`(^|["\\s])${key}["\\s]*[:=]`);
  const read = /^\s*[{/]/.test(text) ? stripJsonc(text) : text;
  const i = splitLines(read).findIndex((l) => sets.test(l) && (value === undefined || l.includes(value)));
  return i < 0 ? undefined : i + 1;
};
