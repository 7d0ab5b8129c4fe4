/**
 * The facts cache's on-disk format: one packed file per run instead of a file per entry (7,000
 * small files cost more to open than to parse). Layout:
 *
 *   "CENSUSFC" | sha256(rest) 32 bytes | u32 header length | header JSON | body
 *
 * The header names the flavour (what extracted the facts) and indexes the body: per entry its key,
 * the content hash it was computed from, and where its v8-serialized value sits. Nothing in a pack
 * is trusted: the checksum catches truncation and bit rot, every index number is range-checked
 * against the bytes actually read, and an entry is deserialized only when asked for, so one bad
 * entry costs one miss, not the pack. Decoding never allocates more than the file's own size
 * (plus the header's parsed JSON), and the caller caps that size before reading.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

const MAGIC = Buffer.from('CENSUSFC', 'latin1');
const SUM_BYTES = 32;
const PREFIX = MAGIC.length + SUM_BYTES + 4;
/** An entry bigger than this is not a file's facts (a 1 MB source file yields a few MB at most). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const HASH = /^[0-9a-f]{16}$/;

export interface PackEntry {
  key: string;
  /** The content hash the value was computed from (FileRecord.hash). */
  hash: string;
  /** The serialized value: copied as is from the previous pack on a hit, never re-serialized. */
  blob: Uint8Array;
}

interface IndexRow {
  hash: string;
  offset: number;
  length: number;
}

export interface Pack {
  flavour: string;
  index: Map<string, IndexRow>;
  body: Uint8Array;
}

export const serializeValue = (value: unknown): Uint8Array => serialize(value);

/** The value of an entry, or undefined when its bytes do not deserialize. */
export const deserializeValue = (blob: Uint8Array): unknown => {
  try {
    return deserialize(blob);
  } catch {
    return undefined;
  }
};

/** The pieces of a pack file, in order (written without joining them into one buffer). */
export const encodePack = (flavour: string, entries: Iterable<PackEntry>): Uint8Array[] => {
  const rows: [string, string, number, number][] = [];
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    rows.push([e.key, e.hash, offset, e.blob.length]);
    blobs.push(e.blob);
    offset += e.blob.length;
  }
  const header = Buffer.from(JSON.stringify({ flavour, entries: rows }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const sum = createHash('sha256').update(length).update(header);
  for (const b of blobs) sum.update(b);
  return [MAGIC, sum.digest(), length, header, ...blobs];
};

/** A pack from a file's bytes, or a reason it is not one (corrupt, truncated, another format). */
export const decodePack = (bytes: Uint8Array): Pack | { invalid: string } => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < PREFIX || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return { invalid: 'not a census facts pack' };
  const sum = createHash('sha256').update(buf.subarray(MAGIC.length + SUM_BYTES)).digest();
  if (!sum.equals(buf.subarray(MAGIC.length, MAGIC.length + SUM_BYTES))) return { invalid: 'checksum mismatch (truncated or damaged)' };
  const headerLength = buf.readUInt32LE(MAGIC.length + SUM_BYTES);
  if (headerLength > buf.length - PREFIX) return { invalid: 'header longer than the file' };
  let header: unknown;
  try {
    header = JSON.parse(buf.subarray(PREFIX, PREFIX + headerLength).toString('utf8'));
  } catch {
    return { invalid: 'header is not JSON' };
  }
  const h = header as { flavour?: unknown; entries?: unknown };
  if (typeof header !== 'object' || header === null || typeof h.flavour !== 'string' || !Array.isArray(h.entries)) return { invalid: 'header has the wrong shape' };
  const body = buf.subarray(PREFIX + headerLength);
  const index = new Map<string, IndexRow>();
  for (const row of h.entries as unknown[]) {
    // A row that does not make sense is skipped: its file is a miss and gets recomputed.
    if (!Array.isArray(row) || row.length !== 4) continue;
    const [key, hash, offset, length] = row as unknown[];
    if (typeof key !== 'string' || typeof hash !== 'string' || !HASH.test(hash)) continue;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) continue;
    const o = offset as number;
    const n = length as number;
    if (o < 0 || n <= 0 || n > MAX_ENTRY_BYTES || o + n > body.length) continue;
    index.set(key, { hash, offset: o, length: n });
  }
  return { flavour: h.flavour, index, body };
};

/** The bytes of an entry for this key and content hash, if the pack holds one. */
export const packBlob = (pack: Pack, key: string, hash: string): Uint8Array | undefined => {
  const row = pack.index.get(key);
  if (!row || row.hash !== hash) return undefined;
  return pack.body.subarray(row.offset, row.offset + row.length);
};
