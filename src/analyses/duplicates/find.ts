/**
 * findDuplicates: from per-file fingerprints to clusters, each with a keeper and actions, in one
 * call on one thread: group.ts finds which files are alike (exact copies collapse to one
 * representative; representatives are compared through an inverted fingerprint index, never all
 * pairs, for same-name, near and block clones; then possible cross-language overlaps), clusters.ts
 * adds keepers and actions. The pipeline runs the two halves apart when the fingerprints stay on
 * the fingerprint thread. Pure and deterministic.
 */
import type { DuplicateCluster, DuplicatesOptions } from '../../model/duplicates.js';
import type { FileRecord } from '../../model/file.js';
import { familyOf } from '../../languages/registry.js';
import { clustersOf } from './clusters.js';
import type { FileFingerprint } from './fingerprint.js';
import { groupDuplicates } from './group.js';
import { chooseKeeper } from './keeper.js';

export const DEFAULT_DUPLICATES_OPTIONS: DuplicatesOptions = { minSimilarity: 0.8, minBlockTokens: 50, abstractIdentifiers: false, minOverlap: 0.5 };

export interface FindDuplicatesInput {
  /** File records; `verdict` and `lastChange` decide keepers when present. */
  files: FileRecord[];
  fingerprints: Map<string, FileFingerprint>;
  options?: Partial<DuplicatesOptions>;
  /** Files that import, run or reference a path (for "switch its callers" actions). */
  importersOf?: (path: string) => string[];
}

export const findDuplicates = (input: FindDuplicatesInput): DuplicateCluster[] => {
  const options = { ...DEFAULT_DUPLICATES_OPTIONS, ...input.options };
  const importersOf = input.importersOf ?? (() => []);
  const records = new Map(input.files.map((f) => [f.path, f]));
  const recordOf = (path: string): FileRecord => records.get(path)!;
  const files = input.files.flatMap((record) => {
    const fp = input.fingerprints.get(record.path);
    return fp ? [{ path: record.path, family: familyOf(record.language), fp }] : [];
  });
  // The keeper rules in full choose each class's representative: the grouping needs no second pass.
  const grouping = groupDuplicates(files, options, (paths) => chooseKeeper(paths.map(recordOf))!.keep);
  return clustersOf(grouping, { recordOf, importersOf })!;
};
