/** FileRecord.hash: one definition, because the facts cache, the why snapshot, census mcp and census apply all compare against it. */
import { hash } from 'node:crypto';

/**
 * The first 16 hex digits of the content's sha256. The one-shot `hash` (Node 20.12+) instead of
 * createHash().update().digest(): no Hash object per file, which was half the cost of hashing
 * the many small files of a repo.
 */
export const contentHash = (bytes: Uint8Array): string => hash('sha256', bytes, 'hex').slice(0, 16);
