/**
 * Candidate pairs from an inverted index fingerprint → files, so that only files that share
 * fingerprints are ever compared (never all pairs). A fingerprint found in more than `maxFiles`
 * files is boilerplate (licence headers, generated stubs) and links nothing.
 */

/** Files are packed beside the hash in one float64: hash * 2^21 + file stays below 2^53. */
const FILE_SCALE = 2 ** 21;
const MAX_INDEXED_FILES = FILE_SCALE;

export interface CandidateIndex {
  /** Shared non-boilerplate fingerprints per pair; key `a * fileCount + b` with a < b. */
  shared: Map<number, number>;
  /** Fingerprints found in more than maxFiles files. */
  boilerplate: Set<number>;
  fileCount: number;
}

export const pairOf = (key: number, fileCount: number): [number, number] => [Math.floor(key / fileCount), key % fileCount];

/** `hashesOf[i]` is file i's sorted unique fingerprint set; files beyond MAX_INDEXED_FILES are not indexed. */
export const buildCandidateIndex = (hashesOf: Uint32Array[], maxFiles: number): CandidateIndex => {
  const fileCount = Math.min(hashesOf.length, MAX_INDEXED_FILES);
  let total = 0;
  for (let f = 0; f < fileCount; f++) total += hashesOf[f].length;
  const packed = new Float64Array(total);
  let p = 0;
  for (let f = 0; f < fileCount; f++) for (const h of hashesOf[f]) packed[p++] = h * FILE_SCALE + f;
  packed.sort();

  const shared = new Map<number, number>();
  const boilerplate = new Set<number>();
  const run: number[] = [];
  let i = 0;
  while (i < total) {
    const hash = Math.floor(packed[i] / FILE_SCALE);
    run.length = 0;
    let j = i;
    while (j < total && Math.floor(packed[j] / FILE_SCALE) === hash) run.push(packed[j++] - hash * FILE_SCALE);
    if (run.length > maxFiles) boilerplate.add(hash);
    else if (run.length > 1) {
      for (let x = 0; x < run.length; x++) {
        for (let y = x + 1; y < run.length; y++) {
          const key = run[x] * fileCount + run[y];
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }
    i = j;
  }
  return { shared, boilerplate, fileCount };
};
