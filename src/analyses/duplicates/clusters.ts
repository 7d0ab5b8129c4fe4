/**
 * The keeper half of findDuplicates: a Grouping (group.ts) and the file records with their verdicts
 * and dates, and the edges' callers, to the Audit's clusters, each with the copy to keep and what to
 * do with the others. Cheap next to the grouping: it runs on the main thread after classification.
 */
import type { DuplicateCluster, DuplicateKind, DuplicateRange } from '../../model/duplicates.js';
import { DUPLICATE_KINDS } from '../../model/duplicates.js';
import type { FileRecord } from '../../model/file.js';
import { byString } from '../../util/compare.js';
import type { FoundBlock, Grouping, SimilarGroup } from './group.js';
import { chooseKeeper, removeAction } from './keeper.js';

export interface ClusterContext {
  /** The record of every grouped path. */
  recordOf: (path: string) => FileRecord;
  /** Files that import, run or reference a path (for "switch its callers" actions). */
  importersOf: (path: string) => string[];
}

/** Similarities are reported with three decimals, so JSON stays stable and readable. */
const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The clusters of a grouping; null when an exact class whose copies do not group alike is kept by
 * another copy than the one that represented it (the grouping must then be made again with
 * `keepersOf`'s choices).
 */
export const clustersOf = (grouping: Grouping, context: ClusterContext): DuplicateCluster[] | null => {
  const { recordOf, importersOf } = context;
  const callersOf = (path: string): string[] => [...new Set(importersOf(path))].filter((p) => p !== path).sort(byString);
  const clusters: DuplicateCluster[] = [];
  // Each representative's path as the keeper rules choose it, by number.
  const pathOf = [...grouping.representatives];
  const numberOf = new Map(grouping.representatives.map((path, i) => [path, i]));
  for (const group of grouping.exact) {
    const records = group.files.map(recordOf);
    const choice = chooseKeeper(records)!;
    if (choice.keep !== group.representative) {
      if (!group.uniform) return null;
      pathOf[numberOf.get(group.representative)!] = choice.keep;
    }
    if (group.conventional) continue;
    clusters.push({
      kind: group.renamed ? 'renamed' : 'exact',
      files: group.files,
      similarity: 1,
      keep: choice.keep,
      reason: choice.reason,
      actions: group.files.map((file) => ({ file, action: file === choice.keep ? 'keep' : removeAction(callersOf(file)) })),
    });
  }
  for (const group of grouping.sameName) clusters.push(similarCluster('same-name', group, pathOf, recordOf, callersOf));
  for (const group of grouping.near) clusters.push(similarCluster('near', group, pathOf, recordOf, callersOf));
  for (const block of grouping.blocks) clusters.push(blockCluster(block, pathOf));
  for (const o of grouping.overlaps) {
    const a = pathOf[o.a];
    const b = pathOf[o.b];
    if (importersOf(a).includes(b) || importersOf(b).includes(a)) continue;
    clusters.push(overlapCluster(recordOf(a), recordOf(b), o.cosine, o.sharedTerms, callersOf));
  }
  return clusters.sort(compareClusters);
};

/** The keeper of each class of exact copies by the full rules (verdict, date, then paths). */
export const keepersOf = (grouping: Grouping, recordOf: (path: string) => FileRecord): Set<string> =>
  new Set(grouping.exact.map((group) => chooseKeeper(group.files.map(recordOf))!.keep));

const similarCluster = (kind: DuplicateKind, group: SimilarGroup, pathOf: string[], recordOf: (path: string) => FileRecord, callersOf: (p: string) => string[]): DuplicateCluster => {
  const files = group.members.map((i) => pathOf[i]).sort(byString);
  const choice = chooseKeeper(files.map(recordOf))!;
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

const PLACES_LISTED = 4;

const blockCluster = (block: FoundBlock, pathOf: string[]): DuplicateCluster => {
  const ranges: DuplicateRange[] = block.occurrences
    .map((o) => ({ file: pathOf[o.file], start: o.start, end: o.end }))
    .sort((x, y) => byString(x.file, y.file) || x.start - y.start);
  const files = [...new Set(ranges.map((r) => r.file))];
  const where = (r: DuplicateRange) => `${r.file}:${r.start}-${r.end}`;
  const list = (rs: DuplicateRange[]) => (rs.length > PLACES_LISTED ? `${rs.slice(0, PLACES_LISTED).map(where).join(', ')} and ${rs.length - PLACES_LISTED} more` : rs.map(where).join(', '));
  return {
    kind: 'block',
    files,
    similarity: round(block.length / block.smallest),
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

const overlapCluster = (a: FileRecord, b: FileRecord, cosine: number, sharedTerms: string[], callersOf: (p: string) => string[]): DuplicateCluster => {
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
