/**
 * The Audit itself, pretty-printed with a trailing newline: stable and diff-friendly, the text of
 * `JSON.stringify(audit, null, 2) + '\n'` byte for byte. A big Audit (700 MB of JSON at 100k files)
 * is written as UTF-8 into one reused buffer (report/json-bytes.ts) and handed on a megabyte at a
 * time, so writing it never holds the whole text, nor any string of it: the stringifier's route
 * (64 items stringified at once, each slice flattened, then copied into the write buffer) allocated
 * about 5 bytes for each byte written.
 */
import type { Audit } from '../model/audit.js';
import { JsonBytes } from './json-bytes.js';
import { pieceText } from './rendered.js';

/** Bytes gathered before a chunk is handed on (at an item's end, so a chunk never splits a character). */
const CHUNK = 1 << 20;

/**
 * The Audit's JSON as UTF-8 chunks. Each chunk is a view of one reused buffer, good until the next is
 * asked for: write or copy it before going on. A chunk ends between two items, so it is whole UTF-8.
 */
export function* jsonChunks(audit: Audit): Generator<Uint8Array> {
  const out = new JsonBytes(CHUNK + (CHUNK >> 2));
  const record = audit as unknown as Record<string, unknown>;
  let any = false;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || typeof value === 'symbol') continue;
    if (!Array.isArray(value) || value.length === 0 || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      // A member written whole, as JsonBytes.object writes one (left out when toJSON gives undefined).
      const mark = out.length;
      out.byte(any ? 0x2c : 0x7b);
      out.indent(1);
      out.key(key);
      if (out.value(value, key, 1)) any = true;
      else out.length = mark;
    } else {
      // A long array an item at a time, handing the chunk on whenever it is full.
      out.byte(any ? 0x2c : 0x7b);
      any = true;
      out.indent(1);
      out.key(key);
      out.byte(0x5b);
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out.byte(0x2c);
        out.indent(2);
        if (!out.value(value[i], String(i), 2)) out.ascii('null');
        if (out.length >= CHUNK) {
          yield out.bytes.subarray(0, out.length);
          out.length = 0;
        }
      }
      out.indent(1);
      out.byte(0x5d);
    }
    if (out.length >= CHUNK) {
      yield out.bytes.subarray(0, out.length);
      out.length = 0;
    }
  }
  if (any) {
    out.indent(0);
    out.byte(0x7d);
  } else out.ascii('{}');
  out.byte(0x0a);
  yield out.bytes.subarray(0, out.length);
}

/** The chunks as text, one string a chunk (standard output; tests). */
export function* jsonPieces(audit: Audit): Generator<string> {
  for (const chunk of jsonChunks(audit)) yield pieceText(chunk);
}

export const renderJson = (audit: Audit): string => [...jsonPieces(audit)].join('');
