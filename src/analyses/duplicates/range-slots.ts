/**
 * A file's distinct tokens, each found by its range of the text and a hash of it, without slicing
 * the text: a Map keyed by strings would cost a new string per token occurrence (most of them
 * repeats), and its garbage. Open addressing over slot numbers; a slot keeps the range of the
 * token's first occurrence, which later occurrences are compared with character by character.
 * One table serves file after file (`reset`), so a file allocates nothing for it.
 */
import { mix32 } from './hash.js';

export class RangeSlots {
  /** Slot number + 1 per table entry, 0 when empty; the table is a power of two, at most half full. */
  private table: Int32Array;
  private mask: number;
  /** Per slot: the lookup hash, its first occurrence text[start, end), how often it occurred, and a value and flag the caller sets. */
  hashes: Uint32Array;
  starts: Int32Array;
  ends: Int32Array;
  counts: Uint32Array;
  values: Uint32Array;
  flags: Uint8Array;
  size = 0;
  private text = '';

  constructor() {
    const capacity = 1024;
    this.table = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.hashes = new Uint32Array(capacity >> 1);
    this.starts = new Int32Array(capacity >> 1);
    this.ends = new Int32Array(capacity >> 1);
    this.counts = new Uint32Array(capacity >> 1);
    this.values = new Uint32Array(capacity >> 1);
    this.flags = new Uint8Array(capacity >> 1);
  }

  /** Empties the table for the tokens of `text`. */
  reset(text: string): void {
    this.text = text;
    // Clearing the used entries costs as much as the last file's slots, not the table's size.
    for (let slot = 0; slot < this.size; slot++) {
      let at = mix32(this.hashes[slot]) & this.mask;
      while (this.table[at] !== slot + 1) at = (at + 1) & this.mask;
      this.table[at] = 0;
    }
    this.size = 0;
  }

  /** The slot of text[start, end) (whose hash is `hash`) with its count raised by one, or -1 when it has none yet. */
  find(start: number, end: number, hash: number): number {
    const text = this.text;
    const length = end - start;
    // mix32(hash), written out: this runs for every word and string of a file, and census runs V8
    // without inlining (bin/engine.js).
    let m = hash >>> 0;
    m ^= m >>> 16;
    m = Math.imul(m, 0x85ebca6b);
    m ^= m >>> 13;
    m = Math.imul(m, 0xc2b2ae35);
    m ^= m >>> 16;
    for (let at = (m >>> 0) & this.mask; ; at = (at + 1) & this.mask) {
      const entry = this.table[at];
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] !== hash) continue;
      const from = this.starts[slot];
      if (this.ends[slot] - from !== length) continue;
      let i = 0;
      while (i < length && text.charCodeAt(from + i) === text.charCodeAt(start + i)) i++;
      if (i === length) {
        this.counts[slot]++;
        return slot;
      }
    }
  }

  /** A new slot for text[start, end), which find did not know, counted once. */
  add(start: number, end: number, hash: number): number {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    const slot = this.size++;
    this.hashes[slot] = hash;
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.counts[slot] = 1;
    this.values[slot] = 0;
    this.flags[slot] = 0;
    this.place(slot);
    return slot;
  }

  private place(slot: number): void {
    let at = mix32(this.hashes[slot]) & this.mask;
    while (this.table[at] !== 0) at = (at + 1) & this.mask;
    this.table[at] = slot + 1;
  }

  private grow(): void {
    const capacity = this.table.length * 2;
    this.table = new Int32Array(capacity);
    this.mask = capacity - 1;
    const widen = <T extends Uint32Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const wider = make(capacity >> 1);
      wider.set(old);
      return wider;
    };
    this.hashes = widen(this.hashes, (n) => new Uint32Array(n));
    this.starts = widen(this.starts, (n) => new Int32Array(n));
    this.ends = widen(this.ends, (n) => new Int32Array(n));
    this.counts = widen(this.counts, (n) => new Uint32Array(n));
    this.values = widen(this.values, (n) => new Uint32Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    for (let slot = 0; slot < this.size; slot++) this.place(slot);
  }
}
