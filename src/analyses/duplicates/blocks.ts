/**
 * Block clones between two files: shared winnowed fingerprints are seeds; each seed is verified and
 * extended token by token in both directions to the maximal identical run, so line ranges are
 * exact rather than estimated from fingerprint positions.
 */
import { lineOfToken, type FileFingerprint } from './fingerprint-text.js';

export interface SharedRun {
  /** First token of the run in file a and in file b, and its length in tokens. */
  startA: number;
  startB: number;
  length: number;
}

/** At most this many position pairs per shared hash (code repeated inside one file). */
const MAX_SEEDS_PER_HASH = 8;

/** A file's winnow entries ordered by hash (ties by entry), with the hashes in that order beside them. */
export interface HashOrder {
  /** Winnow entry indices. */
  order: Uint32Array;
  /** winnowHashes[order[i]]: read in sequence when two files are joined. */
  hashes: Uint32Array;
}

/** An entry index is packed below its hash (hash * 2^21 + index < 2^53) when a file has fewer entries than this. */
const ENTRY_SCALE = 2 ** 21;

/** Winnow entry indices ordered by hash, computed once per file. */
export const orderByHash = (fp: FileFingerprint): HashOrder => {
  const n = fp.winnowHashes.length;
  const order = new Uint32Array(n);
  const hashes = new Uint32Array(n);
  if (n < ENTRY_SCALE) {
    // Hash, then index, packed into one float64: a typed array sorts them without a call per comparison.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = fp.winnowHashes[i] * ENTRY_SCALE + i;
    keys.sort();
    for (let i = 0; i < n; i++) {
      const index = keys[i] % ENTRY_SCALE;
      order[i] = index;
      hashes[i] = fp.winnowHashes[index];
    }
    return { order, hashes };
  }
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => fp.winnowHashes[x] - fp.winnowHashes[y] || x - y);
  for (let i = 0; i < n; i++) hashes[i] = fp.winnowHashes[order[i]];
  return { order, hashes };
};

/** First index in sorted[from, to) whose value is >= value (galloping from `from`, then binary search). */
const gallop = (sorted: Uint32Array, from: number, to: number, value: number): number => {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < to && sorted[hi] < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Seeds are packed into one number, diagonal then position, when positions fit (always, for files under 64M tokens). */
const PACK_LIMIT = 2 ** 26;

/**
 * The seeds of one pair, packed, in a work array kept for the next pair (per thread): block search
 * joins tens of thousands of pairs, most of them sharing a few fingerprints, and an array, a typed
 * array and a tuple per seed for each of them cost more than the join.
 */
let seedWork = new Float64Array(1 << 12);
/** A work array grown past this many seeds (2 MB) serves its pair only. */
const KEPT_SEEDS = 1 << 18;

/**
 * Every (position in a, position in b) of a fingerprint both share, at most MAX_SEEDS_PER_HASH
 * of each file per hash, packed as (b - a + PACK_LIMIT) * PACK_LIMIT + a (diagonal, then
 * position) and sorted: a run found from one seed covers the later seeds on its diagonal.
 * Returns the sorted seeds, a view of the work array valid until the next call.
 */
const seedsOf = (a: FileFingerprint, oa: HashOrder, b: FileFingerprint, ob: HashOrder, skip: Set<number> | null): Float64Array => {
  const ha = oa.hashes;
  const hb = ob.hashes;
  const na = ha.length;
  const nb = hb.length;
  if (a.tokens >= PACK_LIMIT || b.tokens >= PACK_LIMIT) return seedWork.subarray(0, 0);
  let seeds = seedWork;
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const x = ha[i];
    const y = hb[j];
    // Two files share few fingerprints (or one is much smaller): when the next hash is behind
    // too, gallop to the first that is not, instead of stepping through every one.
    if (x < y) {
      i = i + 1 < na && ha[i + 1] < y ? gallop(ha, i + 2, na, y) : i + 1;
      continue;
    }
    if (x > y) {
      j = j + 1 < nb && hb[j + 1] < x ? gallop(hb, j + 2, nb, x) : j + 1;
      continue;
    }
    let i2 = i + 1;
    while (i2 < na && ha[i2] === x) i2++;
    let j2 = j + 1;
    while (j2 < nb && hb[j2] === x) j2++;
    if (!skip?.has(x)) {
      const pEnd = Math.min(i2, i + MAX_SEEDS_PER_HASH);
      const qEnd = Math.min(j2, j + MAX_SEEDS_PER_HASH);
      if (count + (pEnd - i) * (qEnd - j) > seeds.length) {
        const grown = new Float64Array(Math.max(2 * seeds.length, count + (pEnd - i) * (qEnd - j)));
        grown.set(seeds.subarray(0, count));
        seeds = grown;
        if (grown.length <= KEPT_SEEDS) seedWork = grown;
      }
      for (let p = i; p < pEnd; p++) {
        const pa = a.winnowPositions[oa.order[p]];
        for (let q = j; q < qEnd; q++) seeds[count++] = (b.winnowPositions[ob.order[q]] - pa + PACK_LIMIT) * PACK_LIMIT + pa;
      }
    }
    i = i2;
    j = j2;
  }
  return seeds.subarray(0, count).sort();
};

/** seedsOf for files too large to pack: (position in a, position in b) tuples in the same order. */
const unpackedSeeds = (a: FileFingerprint, oa: HashOrder, b: FileFingerprint, ob: HashOrder, skip: Set<number> | null): [number, number][] => {
  const seeds: [number, number][] = [];
  const ha = oa.hashes;
  const hb = ob.hashes;
  for (let i = 0, j = 0; i < ha.length && j < hb.length; ) {
    if (ha[i] !== hb[j]) {
      if (ha[i] < hb[j]) i++;
      else j++;
      continue;
    }
    let i2 = i + 1;
    while (i2 < ha.length && ha[i2] === ha[i]) i2++;
    let j2 = j + 1;
    while (j2 < hb.length && hb[j2] === hb[j]) j2++;
    if (!skip?.has(ha[i])) {
      for (let p = i; p < Math.min(i2, i + MAX_SEEDS_PER_HASH); p++) {
        for (let q = j; q < Math.min(j2, j + MAX_SEEDS_PER_HASH); q++) seeds.push([a.winnowPositions[oa.order[p]], b.winnowPositions[ob.order[q]]]);
      }
    }
    i = i2;
    j = j2;
  }
  return seeds.sort((s, t) => s[1] - s[0] - (t[1] - t[0]) || s[0] - t[0]);
};

export const sharedRuns = (
  a: FileFingerprint,
  orderA: HashOrder,
  b: FileFingerprint,
  orderB: HashOrder,
  /** Hashes that may not seed a run (boilerplate), or null. */
  skip: Set<number> | null,
  minTokens: number,
): SharedRun[] => {
  const ta = a.tokenHashes;
  const tb = b.tokenHashes;
  const runs: SharedRun[] = [];
  let coveredDiagonal = Number.NaN;
  let coveredUntil = -1;
  const seeds = seedsOf(a, orderA, b, orderB, skip);
  // Files of PACK_LIMIT tokens or more (never met: 64M tokens) are compared by seed tuples.
  const tuples = a.tokens < PACK_LIMIT && b.tokens < PACK_LIMIT ? null : unpackedSeeds(a, orderA, b, orderB, skip);
  for (let s = 0, n = tuples?.length ?? seeds.length; s < n; s++) {
    const pa = tuples ? tuples[s][0] : seeds[s] % PACK_LIMIT;
    const diagonal = tuples ? tuples[s][1] - tuples[s][0] : Math.floor(seeds[s] / PACK_LIMIT) - PACK_LIMIT;
    const pb = pa + diagonal;
    if (diagonal === coveredDiagonal && pa < coveredUntil) continue;
    if (ta[pa] !== tb[pb]) continue; // a hash collision, not a shared k-gram
    let sa = pa;
    let sb = pb;
    while (sa > 0 && sb > 0 && ta[sa - 1] === tb[sb - 1]) {
      sa--;
      sb--;
    }
    let ea = pa;
    let eb = pb;
    while (ea < ta.length && eb < tb.length && ta[ea] === tb[eb]) {
      ea++;
      eb++;
    }
    coveredDiagonal = diagonal;
    coveredUntil = ea;
    if (ea - sa >= minTokens) runs.push({ startA: sa, startB: sb, length: ea - sa });
  }
  return runs.sort((x, y) => x.startA - y.startA || x.startB - y.startB);
};

/** Spans end below this (a file under 64M tokens) to be packed. */
const SPAN_SCALE = 2 ** 26;
/** A work array grown past this many spans is not kept for the next pair. */
const KEPT_SPANS = 1 << 16;
let spanWork = new Float64Array(256);

/** Tokens of one file covered by the runs (overlapping runs counted once). */
const covered = (runs: SharedRun[], startOf: (r: SharedRun) => number): number => {
  const n = runs.length;
  if (spanWork.length < n) spanWork = new Float64Array(Math.max(n, 2 * spanWork.length));
  // Each span packed as start * SPAN_SCALE + stop, so a typed array sorts them by start without a
  // call per comparison (the same-name pass of a monorepo's generated files measures spans by the million).
  const spans = spanWork.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const start = startOf(runs[i]);
    const stop = start + runs[i].length;
    if (stop >= SPAN_SCALE) return coveredUnpacked(runs, startOf);
    spans[i] = start * SPAN_SCALE + stop;
  }
  spans.sort();
  let total = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const start = Math.floor(spans[i] / SPAN_SCALE);
    const stop = spans[i] % SPAN_SCALE;
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  if (n > KEPT_SPANS) spanWork = new Float64Array(256);
  return total;
};

/** covered for spans past SPAN_SCALE: the same union, sorted as tuples. */
const coveredUnpacked = (runs: SharedRun[], startOf: (r: SharedRun) => number): number => {
  const spans = runs.map((r) => [startOf(r), startOf(r) + r.length]).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -1;
  for (const [start, stop] of spans) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total;
};

export interface PairSimilarity {
  /** Share of both files' tokens that lie in shared runs: 2 * shared / (tokens a + tokens b), like a diff ratio. */
  similarity: number;
  /** Share of the smaller file's tokens found in the other. */
  containment: number;
}

export const pairSimilarity = (runs: SharedRun[], a: FileFingerprint, b: FileFingerprint): PairSimilarity => {
  const inA = covered(runs, (r) => r.startA);
  const inB = covered(runs, (r) => r.startB);
  const total = a.tokens + b.tokens;
  return {
    similarity: total === 0 ? 0 : (inA + inB) / total,
    containment: Math.max(a.tokens === 0 ? 0 : inA / a.tokens, b.tokens === 0 ? 0 : inB / b.tokens),
  };
};

/** Span work arrays of similarityOf (per thread), kept for the next pair up to KEPT_SPANS spans. */
let spansA = new Float64Array(256);
let spansB = new Float64Array(256);

/** Tokens covered by the first n packed spans (start * SPAN_SCALE + stop), overlaps counted once; sorts them in place. */
const unionOf = (packed: Float64Array, n: number): number => {
  const spans = packed.subarray(0, n).sort();
  let total = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const start = Math.floor(spans[i] / SPAN_SCALE);
    const stop = spans[i] % SPAN_SCALE;
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total;
};

/**
 * pairSimilarity(sharedRuns(a, orderA, b, orderB, null, minTokens), a, b), for the whole-file
 * comparisons (same-name and near pairs), which need only how many tokens of each file the runs
 * cover: each run's span in each file goes into a packed work array as it is found, with no run
 * object and no sort of the runs (payload's same-name pass compares 18,000 pairs, about 27 runs each).
 */
export const similarityOf = (a: FileFingerprint, orderA: HashOrder, b: FileFingerprint, orderB: HashOrder, minTokens: number): PairSimilarity => {
  // Files of PACK_LIMIT tokens or more (never met: 64M tokens) are compared by their runs.
  if (a.tokens >= PACK_LIMIT || b.tokens >= PACK_LIMIT) return pairSimilarity(sharedRuns(a, orderA, b, orderB, null, minTokens), a, b);
  const ta = a.tokenHashes;
  const tb = b.tokenHashes;
  const seeds = seedsOf(a, orderA, b, orderB, null);
  // A run holds at least one seed: as many spans as seeds at most.
  if (spansA.length < seeds.length) {
    spansA = new Float64Array(Math.max(seeds.length, 2 * spansA.length));
    spansB = new Float64Array(spansA.length);
  }
  let runs = 0;
  let coveredDiagonal = Number.NaN;
  let coveredUntil = -1;
  // The walk of sharedRuns, seed by seed: see there.
  for (let s = 0; s < seeds.length; s++) {
    const pa = seeds[s] % PACK_LIMIT;
    const diagonal = Math.floor(seeds[s] / PACK_LIMIT) - PACK_LIMIT;
    const pb = pa + diagonal;
    if (diagonal === coveredDiagonal && pa < coveredUntil) continue;
    if (ta[pa] !== tb[pb]) continue;
    let sa = pa;
    let sb = pb;
    while (sa > 0 && sb > 0 && ta[sa - 1] === tb[sb - 1]) {
      sa--;
      sb--;
    }
    let ea = pa;
    let eb = pb;
    while (ea < ta.length && eb < tb.length && ta[ea] === tb[eb]) {
      ea++;
      eb++;
    }
    coveredDiagonal = diagonal;
    coveredUntil = ea;
    if (ea - sa >= minTokens) {
      // Spans end at most at a file's token count, below PACK_LIMIT = SPAN_SCALE: they pack.
      spansA[runs] = sa * SPAN_SCALE + ea;
      spansB[runs++] = sb * SPAN_SCALE + eb;
    }
  }
  const inA = unionOf(spansA, runs);
  const inB = unionOf(spansB, runs);
  if (spansA.length > KEPT_SPANS) {
    spansA = new Float64Array(256);
    spansB = new Float64Array(256);
  }
  const total = a.tokens + b.tokens;
  return {
    similarity: total === 0 ? 0 : (inA + inB) / total,
    containment: Math.max(a.tokens === 0 ? 0 : inA / a.tokens, b.tokens === 0 ? 0 : inB / b.tokens),
  };
};

/** Tokens at the start of a run that share their line with code before the run. */
const partialHead = (fp: FileFingerprint, start: number, length: number): number => {
  if (start === 0 || length === 0) return 0;
  const line = lineOfToken(fp, start);
  if (lineOfToken(fp, start - 1) !== line) return 0;
  let t = start;
  while (t < start + length && lineOfToken(fp, t) === line) t++;
  return t - start;
};

/** Tokens at the end of a run that share their line with code after the run. */
const partialTail = (fp: FileFingerprint, start: number, length: number): number => {
  const end = start + length;
  if (end >= fp.tokens || length === 0) return 0;
  const line = lineOfToken(fp, end - 1);
  if (lineOfToken(fp, end) !== line) return 0;
  let t = end - 1;
  while (t >= start && lineOfToken(fp, t) === line) t--;
  return end - 1 - t;
};

/** Shrinks a run to whole lines in both files, so reported line ranges hold only shared code. */
export const trimToLines = (run: SharedRun, a: FileFingerprint, b: FileFingerprint): SharedRun => {
  let { startA, startB, length } = run;
  for (let changed = true; changed && length > 0; ) {
    const head = Math.max(partialHead(a, startA, length), partialHead(b, startB, length));
    const tail = Math.max(partialTail(a, startA, length), partialTail(b, startB, length));
    changed = head > 0 || tail > 0;
    startA += head;
    startB += head;
    length = Math.max(0, length - head - tail);
  }
  return { startA, startB, length };
};
