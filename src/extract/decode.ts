/**
 * Bytes → text, the way the file's own language would read it. UTF-8 first (with or without BOM);
 * a language may let a file declare another encoding (Python's PEP 263 line: the record's
 * `declaredEncoding`).
 */
import type { Language } from '../model/file.js';
import { languageRecord } from '../languages/registry.js';

export type Decoded = { text: string; note?: string } | { text: null; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Python's names for ISO-8859-1, which every byte sequence is valid in. */
const LATIN_1 = /^(latin[-_]?1|iso[-_]?8859[-_]?1|l1|8859|cp819)$/;

export const decode = (bytes: Uint8Array, language: Language | null): Decoded => {
  const record = language === null ? undefined : languageRecord(language);
  // Python refuses a file whose coding line names a codec it does not know; census still reads it, and says so.
  const named = record?.declaredEncoding?.(bytes) ?? null;
  const unknown = named !== null && record?.knownEncoding?.(named) === false ? `its coding line names "${named}", a codec Python does not know: Python refuses to run this file` : undefined;
  try {
    const text = utf8.decode(bytes);
    return unknown ? { text, note: unknown } : { text };
  } catch {
    // not UTF-8: fall through
  }
  if (unknown) return { text: Buffer.from(bytes).toString('latin1'), note: `${unknown}; read as Latin-1` };
  const declaredEncoding = record?.declaredEncoding;
  if (declaredEncoding) {
    const declared = declaredEncoding(bytes);
    if (declared && !/^utf[-_]?8/.test(declared)) {
      const note = `decoded as ${declared} (PEP 263 coding line)`;
      if (LATIN_1.test(declared)) return { text: Buffer.from(bytes).toString('latin1'), note };
      let decoder: TextDecoder | null = null;
      try {
        decoder = new TextDecoder(declared, { fatal: true });
      } catch {
        // this Node build does not know the codec: fall through to Latin-1 below
      }
      if (decoder) {
        try {
          return { text: decoder.decode(bytes), note };
        } catch {
          return { text: null, reason: `not valid ${declared} as its coding line declares` };
        }
      }
    }
  }
  // Latin-1 never fails, so imports still get found; the warning says the text may be garbled.
  return { text: Buffer.from(bytes).toString('latin1'), note: 'not valid UTF-8; read as Latin-1' };
};

/** A NUL byte in the first 8 KiB means binary, as git and grep decide. */
export const looksBinary = (bytes: Uint8Array): boolean => bytes.subarray(0, 8192).includes(0);
