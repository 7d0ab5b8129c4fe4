/**
 * Candidate pairs from an inverted index fingerprint → files, so that only files that share
 * fingerprints are ever compared (never all pairs). A fingerprint found in more than `maxFiles`
 * files is boilerplate (licence headers, generated stubs) and links nothing.
 */

/** Files are packed beside the hash in one float64: hash * 2^21 + file stays below 2^53. */
const FILE_SCALE = 2 ** 21;
const MAX_INDEXED_FILES = FILE_SCALE;

export interface CandidateIndex {
  /** Every pair that shares non-boilerplate fingerprints, as the key `a * fileCount + b` with a < b, ascending. */
  pairs: Float64Array;
  /** How many non-boilerplate fingerprints each pair shares, beside `pairs`. */
  shared: Uint32Array;
  /** Fingerprints found in more than maxFiles files. */
  boilerplate: Set<number>;
  fileCount: number;
}

export const pairOf = (key: number, fileCount: number): [number, number] => [Math.floor(key / fileCount), key % fileCount];

/**
 * `hashesOf[i]` is file i's sorted unique fingerprint set; files beyond MAX_INDEXED_FILES are not
 * indexed. Pairs are counted by sorting one key per (fingerprint, pair) and counting equal keys: a
 * `Map` of pair counts cost more (hundreds of thousands of updates, a boxed number each).
 */
export const buildCandidateIndex = (hashesOf: Uint32Array[], maxFiles: number): CandidateIndex => {
  const fileCount = Math.min(hashesOf.length, MAX_INDEXED_FILES);
  let total = 0;
  for (let f = 0; f < fileCount; f++) total += hashesOf[f].length;
  const packed = new Float64Array(total);
  let p = 0;
  for (let f = 0; f < fileCount; f++) {
    const hashes = hashesOf[f];
    for (let i = 0; i < hashes.length; i++) packed[p++] = hashes[i] * FILE_SCALE + f;
  }
  packed.sort();

  // Each fingerprint's files are a run of `packed`: boilerplate first, and how many pair keys the rest make.
  const boilerplate = new Set<number>();
  let keyCount = 0;
  for (let i = 0; i < total; ) {
    const hash = Math.floor(packed[i] / FILE_SCALE);
    let j = i + 1;
    while (j < total && Math.floor(packed[j] / FILE_SCALE) === hash) j++;
    const n = j - i;
    if (n > maxFiles) boilerplate.add(hash);
    else keyCount += (n * (n - 1)) / 2;
    i = j;
  }
  const keys = new Float64Array(keyCount);
  let k = 0;
  for (let i = 0; i < total; ) {
    const base = Math.floor(packed[i] / FILE_SCALE) * FILE_SCALE;
    let j = i + 1;
    while (j < total && packed[j] - base < FILE_SCALE) j++;
    if (j - i <= maxFiles) {
      // Files ascend within a run, so each key has a < b.
      for (let x = i; x < j; x++) {
        const a = (packed[x] - base) * fileCount;
        for (let y = x + 1; y < j; y++) keys[k++] = a + (packed[y] - base);
      }
    }
    i = j;
  }
  keys.sort();
  // Equal keys are one pair: keep each once, with how many fingerprints it shares.
  const counts = new Uint32Array(keyCount);
  let pairCount = 0;
  for (let i = 0; i < keyCount; ) {
    let j = i + 1;
    while (j < keyCount && keys[j] === keys[i]) j++;
    keys[pairCount] = keys[i];
    counts[pairCount++] = j - i;
    i = j;
  }
  return { pairs: keys.slice(0, pairCount), shared: counts.slice(0, pairCount), boilerplate, fileCount };
};
