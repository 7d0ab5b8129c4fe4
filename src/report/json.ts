/**
 * The Audit itself, pretty-printed with a trailing newline: stable and diff-friendly. A big
 * Audit (60 MB of JSON for a 17,000-file tree) is rendered in pieces, so writing it never holds
 * the whole text, nor the growing buffer that builds it, in memory. Each piece of a long array is
 * a slice of one `JSON.stringify` of 64 items, handed on as it is: joining slices into bigger
 * pieces made every piece a rope of slices that the write then copied flat again (about a quarter
 * of this reporter's CPU on saleor's 27 MB). Pieces stay under V8's large-object size (128 KB):
 * larger strings go to the large-object space, which only a full collection frees, and pile up
 * until one runs (with a megabyte a piece, 512 files a slice: +31 MiB of RSS while writing a
 * 115 MB Audit, against +19 MiB and a quarter less CPU at this size).
 */
import type { Audit } from '../model/audit.js';
import type { Reporter } from './types.js';

/** Array items stringified at once. */
const SLICE = 64;
/** `,\n    0\n  ]\n}` is how the end item (below) and its closing render; 12 chars less the comma. */
const END_ITEM_TAIL = '\n    0\n  ]\n}'.length;
/** `\n  ]\n}`: the end of a member whose array holds its last item. */
const LAST_TAIL = '\n  ]\n}'.length;

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
    yield piece;
    // `{\n  "key": [\n    a,\n    b\n  ]\n}` a slice at a time: the first slice from `  "key"`, the
    // others from the line break after `[`. Every slice but the last gets one more item, 0, so its
    // text holds the comma after its own last item, and is cut just after that comma.
    const afterOpening = 2 + `  ${JSON.stringify(key)}: [`.length;
    for (let i = 0; i < value.length; i += SLICE) {
      const items: unknown[] = value.slice(i, i + SLICE);
      const last = i + SLICE >= value.length;
      if (!last) items.push(0);
      const text = JSON.stringify({ [key]: items }, null, 2);
      yield text.slice(i === 0 ? 2 : afterOpening, text.length - (last ? LAST_TAIL : END_ITEM_TAIL));
    }
    piece = '\n  ]';
  }
  yield `${piece}${firstKey ? '' : '\n'}}\n`;
}

export const renderJson: Reporter = (audit) => [...jsonPieces(audit)].join('');
