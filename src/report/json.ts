/**
 * The Audit itself, pretty-printed with a trailing newline: stable and diff-friendly. A big
 * Audit (60 MB of JSON for a 17,000-file tree) is rendered in pieces of about 64 KB, so writing
 * it never holds the whole text, nor the growing buffer that builds it, in memory. Pieces and
 * the text of each slice stay under V8's large-object size (128 KB): larger strings go to the
 * large-object space, which only a full collection frees, and pile up until one runs (with a
 * megabyte a piece, 512 files a slice: +31 MiB of RSS while writing a 115 MB Audit, against +19
 * MiB and a quarter less CPU at this size).
 */
import type { Audit } from '../model/audit.js';
import type { Reporter } from './types.js';

const PIECE = 1 << 16;
/** Array items stringified at once. */
const SLICE = 64;

/**
 * `JSON.stringify({ [key]: value }, null, 2)` without its braces: `  "key": …` with every line
 * of the value indented as it is inside the Audit, so nothing needs re-indenting.
 */
const member = (key: string, value: unknown): string => {
  const text = JSON.stringify({ [key]: value }, null, 2);
  return text.slice(2, text.length - 2);
};

/** The text of `JSON.stringify(audit, null, 2) + '\n'`, byte for byte, in pieces. */
export function* jsonPieces(audit: Audit): Generator<string> {
  let piece = '{';
  let firstKey = true;
  for (const [key, value] of Object.entries(audit)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    piece += firstKey ? '\n' : ',\n';
    firstKey = false;
    if (!Array.isArray(value) || value.length <= SLICE) {
      piece += member(key, value);
      continue;
    }
    // a slice at a time: `  "key": [\n    a,\n    b\n  ]` less its last line is the start of the whole
    const opening = `  ${JSON.stringify(key)}: [`.length;
    for (let i = 0; i < value.length; i += SLICE) {
      const text = member(key, value.slice(i, i + SLICE));
      piece += i === 0 ? text.slice(0, text.length - 4) : `,${text.slice(opening, text.length - 4)}`;
      if (piece.length >= PIECE) {
        yield piece;
        piece = '';
      }
    }
    piece += '\n  ]';
  }
  yield `${piece}${firstKey ? '' : '\n'}}\n`;
}

export const renderJson: Reporter = (audit) => [...jsonPieces(audit)].join('');
