/**
 * findDuplicates: from per-file fingerprints to clusters, each with a keeper and actions.
 * Order of work: exact copies collapse to one representative; representatives are compared through
 * an inverted fingerprint index (never all pairs) for same-name, near and block clones; then
 * possible cross-language overlaps. Pure and deterministic.
 */
import type { DuplicateCluster, DuplicateKind, DuplicatesOptions } from '../../model/duplicates.js';
import { DUPLICATE_KINDS } from '../../model/duplicates.js';
import type { FileRecord } from '../../model/file.js';
import { byString } from '../../util/compare.js';
import { basename } from '../../util/path.js';
import { blockClusters } from './block-clusters.js';
import { type HashOrder, orderByHash, pairSimilarity, sharedRuns } from './blocks.js';
import { buildCandidateIndex, pairOf } from './candidates.js';
import type { FileFingerprint } from './fingerprint.js';
import { chooseKeeper, removeAction } from './keeper.js';
import { findOverlaps } from './overlap.js';
import { sortedUnique } from './sets.js';
import { UnionFind } from './union-find.js';
import { roundSimilarity as round, type Participant } from './participant.js';

export const DEFAULT_DUPLICATES_OPTIONS: DuplicatesOptions = { minSimilarity: 0.8, minBlockTokens: 50, abstractIdentifiers: false, minOverlap: 0.5 };

export interface FindDuplicatesInput {
  /** File records; `verdict` and `lastChange` decide keepers when present. */
  files: FileRecord[];
  fingerprints: Map<string, FileFingerprint>;
  options?: Partial<DuplicatesOptions>;
  /** Files that import, run or reference a path (for "switch its callers" actions). */
  importersOf?: (path: string) => string[];
}

/** Files with fewer tokens (empty `__init__.py`, one-line re-exports) are alike by convention, not by copying. */
const MIN_FILE_TOKENS = 10;
/** A fingerprint in more files than this is boilerplate and links nothing. */
const MAX_FINGERPRINT_FILES = 50;
/** Same-name files are reported when this share of the smaller one's tokens lies in runs shared with the other. */
const SAME_NAME_MIN_CONTAINMENT = 0.3;
/** Names every package has; two of them in different folders say nothing. */
const CONVENTIONAL_NAME = /^(?:__init__\.py|__main__\.py|conftest\.py|setup\.py|index\.[cm]?[jt]sx?)$/;

export const findDuplicates = (input: FindDuplicatesInput): DuplicateCluster[] => {
  const options = { ...DEFAULT_DUPLICATES_OPTIONS, ...input.options };
  const importersOf = input.importersOf ?? (() => []);
  const callersOf = (path: string): string[] => [...new Set(importersOf(path))].filter((p) => p !== path).sort(byString);
  const participants: Participant[] = input.files
    .filter((f) => (input.fingerprints.get(f.path)?.tokens ?? 0) >= MIN_FILE_TOKENS)
    .map((record) => ({ record, fp: input.fingerprints.get(record.path)! }))
    .sort((a, b) => byString(a.record.path, b.record.path));

  const clusters: DuplicateCluster[] = [];
  const { clusters: exact, representatives } = exactClusters(participants, callersOf);
  clusters.push(...exact);

  const hashes = representatives.map((p) => sortedUnique(p.fp.winnowHashes));
  const index = buildCandidateIndex(hashes, MAX_FINGERPRINT_FILES);
  const orderOf = winnowOrders(representatives);
  const compare = pairComparer(representatives, orderOf);
  const wholeFile = new UnionFind(representatives.length);

  const sameName = similarityClusters(representatives, sameNameEdges(representatives, compare), wholeFile);
  for (const group of sameName) clusters.push(toSimilarCluster('same-name', group, representatives, callersOf));

  const nearEdges: Edge[] = [];
  const names = representatives.map((p) => basename(p.record.path));
  for (const key of index.shared.keys()) {
    const [a, b] = pairOf(key, index.fileCount);
    if (names[a] === names[b]) continue;
    // 2 * shared / (ta + tb) cannot reach the threshold when one file is much smaller: skip those unscored.
    const ta = representatives[a].fp.tokens;
    const tb = representatives[b].fp.tokens;
    if ((2 * Math.min(ta, tb)) / (ta + tb) < options.minSimilarity) continue;
    const { similarity } = compare(a, b);
    if (similarity >= options.minSimilarity) nearEdges.push({ a, b, similarity });
  }
  for (const group of similarityClusters(representatives, nearEdges, wholeFile)) clusters.push(toSimilarCluster('near', group, representatives, callersOf));

  clusters.push(...blockClusters(representatives, index, orderOf, wholeFile, options.minBlockTokens));

  const overlaps = findOverlaps(
    representatives.map((p, i) => ({ index: i, language: p.record.language, fp: p.fp })),
    options.minOverlap,
    (a, b) => importersOf(representatives[a].record.path).includes(representatives[b].record.path) || importersOf(representatives[b].record.path).includes(representatives[a].record.path),
  );
  for (const o of overlaps) clusters.push(toOverlapCluster(representatives[o.a].record, representatives[o.b].record, o.cosine, o.sharedTerms, callersOf));

  return clusters.sort(compareClusters);
};

const exactClusters = (participants: Participant[], callersOf: (p: string) => string[]): { clusters: DuplicateCluster[]; representatives: Participant[] } => {
  const byHash = new Map<string, Participant[]>();
  for (const p of participants) {
    const list = byHash.get(p.fp.normalizedHash);
    if (list) list.push(p);
    else byHash.set(p.fp.normalizedHash, [p]);
  }
  const clusters: DuplicateCluster[] = [];
  const representatives: Participant[] = [];
  for (const group of byHash.values()) {
    if (group.length === 1) {
      representatives.push(group[0]);
      continue;
    }
    const choice = chooseKeeper(group.map((p) => p.record))!;
    representatives.push(group.find((p) => p.record.path === choice.keep)!);
    const names = new Set(group.map((p) => basename(p.record.path)));
    // Identical package markers and entry stubs are structure, not copies to remove.
    if ([...names].every((name) => CONVENTIONAL_NAME.test(name))) continue;
    const files = group.map((p) => p.record.path);
    clusters.push({
      kind: names.size > 1 ? 'renamed' : 'exact',
      files,
      similarity: 1,
      keep: choice.keep,
      reason: choice.reason,
      actions: files.map((file) => ({ file, action: file === choice.keep ? 'keep' : removeAction(callersOf(file)) })),
    });
  }
  representatives.sort((a, b) => byString(a.record.path, b.record.path));
  return { clusters, representatives };
};

interface Edge {
  a: number;
  b: number;
  similarity: number;
}

type OrderOf = (i: number) => HashOrder;

/** Each representative's winnow entries ordered by hash, computed on first use. */
const winnowOrders = (representatives: Participant[]): OrderOf => {
  const orders = new Map<number, HashOrder>();
  return (i) => {
    let o = orders.get(i);
    if (!o) orders.set(i, (o = orderByHash(representatives[i].fp)));
    return o;
  };
};

/** Similarity of two representatives from their verified shared runs. */
const pairComparer = (representatives: Participant[], orderOf: OrderOf) => {
  return (a: number, b: number) => {
    const fa = representatives[a].fp;
    const fb = representatives[b].fp;
    return pairSimilarity(sharedRuns(fa, orderOf(a), fb, orderOf(b), null, Math.min(fa.k, fa.tokens, fb.tokens)), fa, fb);
  };
};

/** For members x, y of a group (positions in it): do their files share a winnowed fingerprint? */
const sharingAHash = (group: number[], representatives: Participant[]): ((x: number, y: number) => boolean) => {
  const holders = new Map<number, number[]>();
  group.forEach((member, x) => {
    for (const h of new Set(representatives[member].fp.winnowHashes)) {
      const list = holders.get(h);
      if (list) list.push(x);
      else holders.set(h, [x]);
    }
  });
  const pairs = new Set<number>();
  for (const list of holders.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.add(list[i] * group.length + list[j]);
  }
  return (x, y) => pairs.has(x * group.length + y);
};

const sameNameEdges = (representatives: Participant[], compare: ReturnType<typeof pairComparer>): Edge[] => {
  const byName = new Map<string, number[]>();
  representatives.forEach((p, i) => {
    const name = basename(p.record.path);
    if (CONVENTIONAL_NAME.test(name)) return;
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });
  const edges: Edge[] = [];
  for (const group of byName.values()) {
    const related = sharingAHash(group, representatives);
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        // Without a shared fingerprint there is no seed, hence no shared run and no containment:
        // a monorepo's hundreds of page.tsx are compared only where they can share code.
        if (!related(x, y)) continue;
        const { similarity, containment } = compare(group[x], group[y]);
        if (containment >= SAME_NAME_MIN_CONTAINMENT) edges.push({ a: group[x], b: group[y], similarity });
      }
    }
  }
  return edges;
};

interface SimilarGroup {
  members: number[];
  /** The weakest link that holds the group together. */
  similarity: number;
}

/** Union-find over the edges; also records the groups in `wholeFile` so block search skips them. */
const similarityClusters = (representatives: Participant[], edges: Edge[], wholeFile: UnionFind): SimilarGroup[] => {
  const sets = new UnionFind(representatives.length);
  for (const e of edges) {
    sets.union(e.a, e.b);
    wholeFile.union(e.a, e.b);
  }
  const groups = new Map<number, SimilarGroup>();
  for (const e of edges) {
    const root = sets.find(e.a);
    const g = groups.get(root) ?? { members: [], similarity: 1 };
    g.similarity = Math.min(g.similarity, e.similarity);
    groups.set(root, g);
  }
  for (let i = 0; i < representatives.length; i++) groups.get(sets.find(i))?.members.push(i);
  return [...groups.values()];
};

const toSimilarCluster = (kind: DuplicateKind, group: SimilarGroup, representatives: Participant[], callersOf: (p: string) => string[]): DuplicateCluster => {
  const records = group.members.map((i) => representatives[i].record);
  const choice = chooseKeeper(records)!;
  const files = records.map((r) => r.path);
  return {
    kind,
    files,
    similarity: round(group.similarity),
    keep: choice.keep,
    reason: choice.reason,
    actions: files.map((file) => ({
      file,
      action: file === choice.keep ? 'keep' : `review the differences with ${choice.keep}, then ${removeAction(callersOf(file))}`,
    })),
  };
};

const toOverlapCluster = (a: FileRecord, b: FileRecord, cosine: number, sharedTerms: string[], callersOf: (p: string) => string[]): DuplicateCluster => {
  const choice = chooseKeeper([a, b], true);
  const files = [a.path, b.path].sort(byString);
  return {
    kind: 'overlap',
    files,
    similarity: round(cosine),
    keep: choice?.keep ?? null,
    reason: choice
      ? `possible overlap, not a certain duplicate; if they do the same job, ${choice.reason}`
      : 'possible overlap, not a certain duplicate; no verdict or date tells which one is live',
    actions: files.map((file) => {
      const other = files.find((f) => f !== file)!;
      if (choice?.keep === file) return { file, action: 'keep' };
      const remove = removeAction(callersOf(file));
      return { file, action: `review: it may do the same job as ${other}; if so, ${remove}` };
    }),
    sharedTerms,
  };
};

const KIND_ORDER = new Map(DUPLICATE_KINDS.map((k, i) => [k, i]));

const compareClusters = (x: DuplicateCluster, y: DuplicateCluster): number =>
  KIND_ORDER.get(x.kind)! - KIND_ORDER.get(y.kind)! ||
  byString(x.files.join('\n'), y.files.join('\n')) ||
  (x.ranges?.[0]?.start ?? 0) - (y.ranges?.[0]?.start ?? 0) ||
  (x.ranges?.[1]?.start ?? 0) - (y.ranges?.[1]?.start ?? 0);
