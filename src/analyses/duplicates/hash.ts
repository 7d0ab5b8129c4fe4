/** 32-bit hashing for tokens and k-grams (fast and well mixed; not cryptographic). */

/** FNV-1a over a string, seeded so that different token kinds with the same text differ. */
export const hashString = (text: string, seed: number): number => {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** hashString(text.slice(start, end), seed), without the slice. */
export const hashRange = (text: string, start: number, end: number, seed: number): number => {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** MurmurHash3's finaliser: spreads a polynomial hash so that winnowing's minimum is unbiased. */
export const mix32 = (value: number): number => {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

const BASE = 0x01000193;

/** Work arrays up to this length are kept for the next file (per thread); longer ones are not. */
const KEPT_WORK = 3 << 18;
let work = new Uint32Array(0);
/** A work array of at least `length` entries, overwritten by the next call. */
const workArray = (length: number): Uint32Array => {
  if (length > KEPT_WORK) return new Uint32Array(length);
  if (work.length < length) work = new Uint32Array(Math.min(KEPT_WORK, Math.max(length, 2 * work.length, 1 << 14)));
  return work;
};

/** Hashes of every k consecutive token hashes (a rolling polynomial hash, then mixed); written into `into` when given (long enough). */
export const kgramHashes = (tokens: Uint32Array, k: number, into?: Uint32Array): Uint32Array => {
  const count = tokens.length - k + 1;
  if (count <= 0) return new Uint32Array(0);
  let power = 1;
  for (let j = 1; j < k; j++) power = Math.imul(power, BASE);
  const out = into ? into.subarray(0, count) : new Uint32Array(count);
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, BASE) + tokens[j]) | 0;
  out[0] = mix32(h);
  for (let i = 1; i < count; i++) {
    h = (Math.imul(h - Math.imul(tokens[i - 1], power), BASE) + tokens[i + k - 1]) | 0;
    // mix32(h), written out: census runs V8 without inlining (bin/engine.js), and this is a call per token.
    let m = h >>> 0;
    m ^= m >>> 16;
    m = Math.imul(m, 0x85ebca6b);
    m ^= m >>> 13;
    m = Math.imul(m, 0xc2b2ae35);
    m ^= m >>> 16;
    out[i] = m >>> 0;
  }
  return out;
};

export interface Winnowed {
  hashes: Uint32Array;
  /** Index of the k-gram (= its first token) each selected hash came from. */
  positions: Uint32Array;
}

/**
 * Robust winnowing (Schleimer, Wilkerson, Aiken 2003): in every window of `w` consecutive k-grams,
 * select the rightmost minimum. Any shared run of at least w + k - 1 tokens shares a selected hash.
 */
export const winnow = (kgrams: Uint32Array, w: number): Winnowed => {
  const n = kgrams.length;
  if (n === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  if (n < w) {
    let min = 0;
    for (let i = 1; i < n; i++) if (kgrams[i] <= kgrams[min]) min = i;
    return { hashes: Uint32Array.of(kgrams[min]), positions: Uint32Array.of(min) };
  }
  // The selected hashes and positions are gathered in one work array (positions in its second half), then copied out.
  const gathered = workArray(3 * n);
  const hashes = gathered.subarray(0, n);
  const positions = gathered.subarray(n, 2 * n);
  const deque = gathered.subarray(2 * n, 3 * n);
  let selected = 0;
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    while (tail > head && kgrams[deque[tail - 1]] >= kgrams[i]) tail--;
    deque[tail++] = i;
    if (deque[head] <= i - w) head++;
    if (i >= w - 1 && deque[head] !== last) {
      last = deque[head];
      hashes[selected] = kgrams[last];
      positions[selected++] = last;
    }
  }
  return { hashes: hashes.slice(0, selected), positions: positions.slice(0, selected) };
};
