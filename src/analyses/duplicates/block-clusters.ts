/**
 * Block clones between representatives that are not whole-file duplicates of each other. Runs are
 * found pair by pair, trimmed to whole lines, and grouped by their exact token content, so a block
 * copied into five files is one cluster with five ranges, not ten pairs.
 */
import type { DuplicateCluster, DuplicateRange } from '../../model/duplicates.js';
import { byString } from '../../util/compare.js';
import { type HashOrder, sharedRuns, trimToLines } from './blocks.js';
import { pairOf, type CandidateIndex } from './candidates.js';
import { lineOfToken, type FileFingerprint } from './fingerprint.js';
import { roundSimilarity, type Participant } from './participant.js';
import type { UnionFind } from './union-find.js';

interface Occurrence {
  file: number;
  start: number;
}

interface Block {
  length: number;
  occurrences: Map<string, Occurrence>;
}

const PLACES_LISTED = 4;

/** FNV-1a over the run's token hashes: equal content, equal key. */
const contentKey = (fp: FileFingerprint, start: number, length: number): string => {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ fp.tokenHashes[i], 0x01000193);
  return `${length}:${h >>> 0}`;
};

/** Whether most fingerprints inside the run are boilerplate (seen in too many files to matter). */
const mostlyBoilerplate = (fp: FileFingerprint, start: number, length: number, boilerplate: Set<number>): boolean => {
  const positions = fp.winnowPositions;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  let common = 0;
  let own = 0;
  for (let i = lo; i < positions.length && positions[i] < start + length; i++) {
    if (boilerplate.has(fp.winnowHashes[i])) common++;
    else own++;
  }
  return common > own;
};

export const blockClusters = (
  representatives: Participant[],
  index: CandidateIndex,
  orderOf: (i: number) => HashOrder,
  wholeFile: UnionFind,
  minTokens: number,
): DuplicateCluster[] => {
  const { k, w } = representatives[0]?.fp ?? { k: 1, w: 1 };
  // Disjoint windows inside a shared run of minTokens tokens each hold a shared fingerprint.
  const minSeeds = Math.max(1, Math.floor((minTokens - k + 1) / w));
  const blocks = new Map<string, Block>();
  // Pair keys are integers below 2^53: a typed array sorts them without a call per comparison.
  const pairKeys = new Float64Array(index.shared.size);
  let pairCount = 0;
  for (const [key, n] of index.shared) if (n >= minSeeds) pairKeys[pairCount++] = key;
  for (const key of pairKeys.subarray(0, pairCount).sort()) {
    const [a, b] = pairOf(key, index.fileCount);
    if (wholeFile.find(a) === wholeFile.find(b)) continue;
    const fa = representatives[a].fp;
    const fb = representatives[b].fp;
    for (const found of sharedRuns(fa, orderOf(a), fb, orderOf(b), index.boilerplate, minTokens)) {
      const run = trimToLines(found, fa, fb);
      if (run.length < minTokens || mostlyBoilerplate(fa, run.startA, run.length, index.boilerplate)) continue;
      const content = contentKey(fa, run.startA, run.length);
      let block = blocks.get(content);
      if (!block) blocks.set(content, (block = { length: run.length, occurrences: new Map() }));
      block.occurrences.set(`${a}:${run.startA}`, { file: a, start: run.startA });
      block.occurrences.set(`${b}:${run.startB}`, { file: b, start: run.startB });
    }
  }
  return [...blocks.values()].map((block) => toBlockCluster(block, representatives));
};

const toBlockCluster = (block: Block, representatives: Participant[]): DuplicateCluster => {
  const ranges: DuplicateRange[] = [...block.occurrences.values()]
    .map((o) => {
      const fp = representatives[o.file].fp;
      return { file: representatives[o.file].record.path, start: lineOfToken(fp, o.start), end: lineOfToken(fp, o.start + block.length - 1) };
    })
    .sort((x, y) => byString(x.file, y.file) || x.start - y.start);
  const files = [...new Set(ranges.map((r) => r.file))];
  const smallest = Math.min(...[...block.occurrences.values()].map((o) => representatives[o.file].fp.tokens));
  const where = (r: DuplicateRange) => `${r.file}:${r.start}-${r.end}`;
  const list = (rs: DuplicateRange[]) => (rs.length > PLACES_LISTED ? `${rs.slice(0, PLACES_LISTED).map(where).join(', ')} and ${rs.length - PLACES_LISTED} more` : rs.map(where).join(', '));
  return {
    kind: 'block',
    files,
    similarity: roundSimilarity(block.length / smallest),
    keep: null,
    reason: `${block.length} identical tokens in ${ranges.length} places (${list(ranges)}); the files have other code, so no copy goes`,
    actions: files.map((file) => {
      const own = ranges.filter((r) => r.file === file);
      const lines = own.map((r) => `${r.start}-${r.end}`).join(' and ');
      return { file, action: `consider moving lines ${lines} into a shared module (same code as ${list(ranges.filter((r) => r.file !== file))})` };
    }),
    ranges,
    sharedTokens: block.length,
  };
};
