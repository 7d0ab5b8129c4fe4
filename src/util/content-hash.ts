/** FileRecord.hash: one definition, because the facts cache, the why snapshot, census mcp and census apply all compare against it. */
import { createHash } from 'node:crypto';

/** The first 16 hex digits of the content's sha256. */
export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
