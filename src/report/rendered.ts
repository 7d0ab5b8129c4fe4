/** A rendered document (report/types.ts Rendered) as text, for the readers that want one string. */
import type { Rendered } from './types.js';

/** A piece as text: bytes decoded as they come (a chunk of the Audit's JSON is whole UTF-8). */
export const pieceText = (piece: string | Uint8Array): string => (typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'));

/** A rendered document as one string. */
export const renderedText = (rendered: Rendered): string => {
  if (typeof rendered === 'string') return rendered;
  const parts: string[] = [];
  for (const piece of rendered) parts.push(pieceText(piece));
  return parts.join('');
};
