/**
 * The grouping half of findDuplicates: from fingerprints, paths and language families to which files
 * are alike (exact copies, same-name and near groups, shared blocks, possible overlaps), with no
 * verdict, date or edge. It can run on the fingerprint thread while the main thread classifies
 * (pipeline.ts); clusters.ts then adds keepers and actions. Its result is plain data (numbers,
 * strings, arrays), so it crosses threads by structured clone.
 *
 * Exact copies collapse to one representative each. Representatives are numbered by the first
 * path of their copies, not by the chosen copy's path, so the numbering (and with it every pair's
 * orientation and every loop's order) is the same whichever copy is kept. A class whose copies
 * share basename, family and fingerprint (`uniform`) groups the same whichever copy represents it:
 * only its path label changes, and clusters.ts puts the chosen one in.
 */
import type { DuplicatesOptions } from '../../model/duplicates.js';
import type { FileRecord } from '../../model/file.js';
import { byString } from '../../util/compare.js';
import { basename } from '../../util/path.js';
import { type HashOrder, orderByHash, sharedRuns, similarityOf, trimToLines } from './blocks.js';
import { buildCandidateIndex, pairOf, type CandidateIndex } from './candidates.js';
import { lineOfToken, type FileFingerprint } from './fingerprint-text.js';
import { chooseKeeper } from './keeper.js';
import { findOverlaps } from './overlap.js';
import { sortedUnique } from './sets.js';
import { UnionFind } from './union-find.js';

export interface GroupFile {
  path: string;
  /** The language family (languages/registry.ts familyOf): overlap compares files across families. */
  family: string;
  fp: FileFingerprint;
}

export type GroupOptions = Pick<DuplicatesOptions, 'minSimilarity' | 'minBlockTokens' | 'minOverlap'>;

/** Files with the same normalised content; `files` in path order. */
export interface ExactGroup {
  files: string[];
  /** The copy that represented the group here. */
  representative: string;
  /** Every copy has the representative's basename, family and fingerprint: any of them groups the same. */
  uniform: boolean;
  /** Every copy has a conventional name (package markers, entry stubs): no cluster is reported. */
  conventional: boolean;
  /** More than one basename among the copies. */
  renamed: boolean;
}

export interface SimilarGroup {
  /** Representative numbers, ascending. */
  members: number[];
  /** The weakest link that holds the group together (unrounded). */
  similarity: number;
}

export interface BlockOccurrence {
  file: number;
  /** First and last line of the run in that file. */
  start: number;
  end: number;
}

export interface FoundBlock {
  /** Tokens in the run. */
  length: number;
  /** Tokens of the smallest file holding it. */
  smallest: number;
  /** In the order the pairs found them. */
  occurrences: BlockOccurrence[];
}

export interface FoundOverlap {
  a: number;
  b: number;
  cosine: number;
  sharedTerms: string[];
}

export interface Grouping {
  /** Groups of two or more exact copies, in order of their first path. */
  exact: ExactGroup[];
  /** Each representative's path, by number. */
  representatives: string[];
  sameName: SimilarGroup[];
  near: SimilarGroup[];
  blocks: FoundBlock[];
  /** Every pair over the overlap bar; the caller drops pairs where one file calls the other. */
  overlaps: FoundOverlap[];
}

/** Which copy represents a class of exact copies (paths in path order). */
export type ChooseRepresentative = (paths: string[]) => string;

/** The keeper rules that need no verdict or date: what the fingerprint thread can choose before classification. */
export const provisionalRepresentative: ChooseRepresentative = (paths) => chooseKeeper(paths.map((path) => ({ path }) as FileRecord))!.keep;

/** Files with fewer tokens (empty `__init__.py`, one-line re-exports) are alike by convention, not by copying. */
const MIN_FILE_TOKENS = 10;
/** A fingerprint in more files than this is boilerplate and links nothing. */
const MAX_FINGERPRINT_FILES = 50;
/** Same-name files are reported when this share of the smaller one's tokens lies in runs shared with the other. */
const SAME_NAME_MIN_CONTAINMENT = 0.3;
/** Names every package has; two of them in different folders say nothing. */
const CONVENTIONAL_NAME = /^(?:__init__\.py|__main__\.py|conftest\.py|setup\.py|index\.[cm]?[jt]sx?)$/;

export const groupDuplicates = (input: GroupFile[], options: GroupOptions, choose: ChooseRepresentative = provisionalRepresentative): Grouping => {
  const participants = input.filter((f) => f.fp.tokens >= MIN_FILE_TOKENS).sort((a, b) => byString(a.path, b.path));
  const { exact, representatives } = exactGroups(participants, choose);

  const hashes = representatives.map((p) => sortedUnique(p.fp.winnowHashes));
  const index = buildCandidateIndex(hashes, MAX_FINGERPRINT_FILES);
  const orderOf = winnowOrders(representatives);
  const compare = pairComparer(representatives, orderOf);
  const wholeFile = new UnionFind(representatives.length);

  const sameName = similarityGroups(representatives.length, sameNameEdges(representatives, hashes, compare), wholeFile);

  const nearEdges: Edge[] = [];
  const names = representatives.map((p) => basename(p.path));
  for (const key of index.pairs) {
    const [a, b] = pairOf(key, index.fileCount);
    if (names[a] === names[b]) continue;
    // 2 * shared / (ta + tb) cannot reach the threshold when one file is much smaller: skip those unscored.
    const ta = representatives[a].fp.tokens;
    const tb = representatives[b].fp.tokens;
    if ((2 * Math.min(ta, tb)) / (ta + tb) < options.minSimilarity) continue;
    const { similarity } = compare(a, b);
    if (similarity >= options.minSimilarity) nearEdges.push({ a, b, similarity });
  }
  const near = similarityGroups(representatives.length, nearEdges, wholeFile);

  const blocks = blockGroups(representatives, index, orderOf, wholeFile, options.minBlockTokens);

  const overlaps = findOverlaps(
    representatives.map((p, i) => ({ index: i, family: p.family, fp: p.fp })),
    options.minOverlap,
    () => false,
  ).map((o) => ({ a: o.a, b: o.b, cosine: o.cosine, sharedTerms: o.sharedTerms }));

  return { exact, representatives: representatives.map((p) => p.path), sameName, near, blocks, overlaps };
};

/** Same grouping, whichever copy represents it: basename, family and every array of the fingerprint. */
const groupsAlike = (x: GroupFile, y: GroupFile): boolean => {
  if (basename(x.path) !== basename(y.path) || x.family !== y.family) return false;
  const a = x.fp;
  const b = y.fp;
  if (a.tokens !== b.tokens || a.k !== b.k || a.w !== b.w || a.abstracted !== b.abstracted || a.terms.length !== b.terms.length) return false;
  for (let i = 0; i < a.terms.length; i++) if (a.terms[i] !== b.terms[i]) return false;
  const same = (p: Uint32Array, q: Uint32Array) => p.length === q.length && p.every((v, i) => v === q[i]);
  return same(a.tokenHashes, b.tokenHashes) && same(a.winnowHashes, b.winnowHashes) && same(a.winnowPositions, b.winnowPositions) &&
    same(a.lineTokenStarts, b.lineTokenStarts) && same(a.lineNumbers, b.lineNumbers) && same(a.termCounts, b.termCounts);
};

const exactGroups = (participants: GroupFile[], choose: ChooseRepresentative): { exact: ExactGroup[]; representatives: GroupFile[] } => {
  const byHash = new Map<string, GroupFile[]>();
  for (const p of participants) {
    const list = byHash.get(p.fp.normalizedHash);
    if (list) list.push(p);
    else byHash.set(p.fp.normalizedHash, [p]);
  }
  const exact: ExactGroup[] = [];
  // Numbered by each class's first path (the map keeps participants' path order).
  const representatives: GroupFile[] = [];
  for (const group of byHash.values()) {
    if (group.length === 1) {
      representatives.push(group[0]);
      continue;
    }
    const files = group.map((p) => p.path);
    const chosen = choose(files);
    const representative = group.find((p) => p.path === chosen)!;
    representatives.push(representative);
    const names = new Set(files.map((path) => basename(path)));
    exact.push({
      files,
      representative: chosen,
      uniform: group.every((p) => p === representative || groupsAlike(p, representative)),
      // Identical package markers and entry stubs are structure, not copies to remove.
      conventional: [...names].every((name) => CONVENTIONAL_NAME.test(name)),
      renamed: names.size > 1,
    });
  }
  return { exact, representatives };
};

interface Edge {
  a: number;
  b: number;
  similarity: number;
}

type OrderOf = (i: number) => HashOrder;

/** Each representative's winnow entries ordered by hash, computed on first use. */
const winnowOrders = (representatives: GroupFile[]): OrderOf => {
  const orders = new Map<number, HashOrder>();
  return (i) => {
    let o = orders.get(i);
    if (!o) orders.set(i, (o = orderByHash(representatives[i].fp)));
    return o;
  };
};

/** Similarity of two representatives from their verified shared runs. */
const pairComparer = (representatives: GroupFile[], orderOf: OrderOf) => {
  return (a: number, b: number) => {
    const fa = representatives[a].fp;
    const fb = representatives[b].fp;
    return similarityOf(fa, orderOf(a), fb, orderOf(b), Math.min(fa.k, fa.tokens, fb.tokens));
  };
};

/** Whether two sorted, de-duplicated hash arrays hold a common value (a merge that stops at the first). */
export const shareAHash = (a: Uint32Array, b: Uint32Array): boolean => {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
};

/**
 * Groups up to this many files ask each pair by a merge of the two arrays; larger ones index every
 * hash once. A pair that shares a hash is compared next anyway, and that walks the same two arrays,
 * but a pair that shares none costs the merge alone: 1,000 same-name files of 400 hashes sharing
 * nothing took 2.7 s by merges against 0.9 s by the index, and 200 of them 130 against 139 ms.
 */
const MERGED_GROUP = 256;

/**
 * For members x, y of a group (positions in it): do their files share a winnowed fingerprint?
 * `hashes`: each representative's distinct ones, sorted. The index is a map of every hash to the
 * members holding it, whose keys are mostly heap numbers (above V8's small integers): payload's
 * same-name groups (at most 150 files) cost 200-250 ms that way and 31-37 ms by merges.
 */
export const sharingAHash = (group: readonly number[], hashes: readonly Uint32Array[], mergedUpTo = MERGED_GROUP): ((x: number, y: number) => boolean) => {
  if (group.length <= mergedUpTo) return (x, y) => shareAHash(hashes[group[x]], hashes[group[y]]);
  const holders = new Map<number, number[]>();
  group.forEach((member, x) => {
    for (const h of hashes[member]) {
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

const sameNameEdges = (representatives: GroupFile[], hashes: Uint32Array[], compare: ReturnType<typeof pairComparer>): Edge[] => {
  const byName = new Map<string, number[]>();
  representatives.forEach((p, i) => {
    const name = basename(p.path);
    if (CONVENTIONAL_NAME.test(name)) return;
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });
  const edges: Edge[] = [];
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const related = sharingAHash(group, hashes);
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

/** Union-find over the edges; also records the groups in `wholeFile` so block search skips them. */
const similarityGroups = (count: number, edges: Edge[], wholeFile: UnionFind): SimilarGroup[] => {
  const sets = new UnionFind(count);
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
  for (let i = 0; i < count; i++) groups.get(sets.find(i))?.members.push(i);
  return [...groups.values()];
};

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

/**
 * Block clones between representatives that are not whole-file duplicates of each other. Runs are
 * found pair by pair, trimmed to whole lines, and grouped by their exact token content, so a block
 * copied into five files is one block with five occurrences, not ten pairs.
 */
const blockGroups = (representatives: GroupFile[], index: CandidateIndex, orderOf: OrderOf, wholeFile: UnionFind, minTokens: number): FoundBlock[] => {
  const { k, w } = representatives[0]?.fp ?? { k: 1, w: 1 };
  // Disjoint windows inside a shared run of minTokens tokens each hold a shared fingerprint.
  const minSeeds = Math.max(1, Math.floor((minTokens - k + 1) / w));
  const blocks = new Map<string, { length: number; occurrences: Map<string, { file: number; start: number }> }>();
  // The index lists pairs in key order, the order they are searched in.
  for (let p = 0; p < index.pairs.length; p++) {
    if (index.shared[p] < minSeeds) continue;
    const [a, b] = pairOf(index.pairs[p], index.fileCount);
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
  return [...blocks.values()].map((block) => {
    const occurrences = [...block.occurrences.values()];
    return {
      length: block.length,
      smallest: Math.min(...occurrences.map((o) => representatives[o.file].fp.tokens)),
      occurrences: occurrences.map((o) => {
        const fp = representatives[o.file].fp;
        return { file: o.file, start: lineOfToken(fp, o.start), end: lineOfToken(fp, o.start + block.length - 1) };
      }),
    };
  });
};
