/**
 * Reads a deploy config that a platform accepts as TOML or as JSON(C) (railway.toml/json,
 * wrangler.toml/json/jsonc) into its top-level table, or a warning naming the file and line.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { parseJsonc } from '../../util/jsonc.js';
import { parseTomlDocument } from '../../manifests/toml.js';

export type ConfigDocument = { table: Record<string, unknown> } | { diagnostic: Diagnostic } | { table: null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
