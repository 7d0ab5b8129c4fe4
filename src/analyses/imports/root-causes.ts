/**
 * Findings grouped under their root cause, with the cascade each cause sets off, ranked by how
 * much of the repo it takes down: the one line a user reads instead of a hundred errors.
 */
import { IMPORT_BUCKETS, type ImportBucket, type ImportFinding, type RootCause } from '../../model/imports.js';
import { byString } from '../../util/compare.js';
import { spreadFailure, type ReverseGraph } from './cascade.js';
import type { Failure } from './types.js';
import { plural } from '../../util/words.js';

export const MAX_FILES_PER_CAUSE = 20;

/** A finding plus the classifier's words about its cause. */
export interface ClassifiedFinding {
  finding: ImportFinding;
  failure: Failure;
}


const realityOf = (bucket: ImportBucket, failure: Failure): string =>
  bucket === 'optional' ? `optional (the import is guarded), ${failure.reality}`
  : bucket === 'type-only' ? `type-only (never imported at run time), ${failure.reality}`
  : failure.reality;

const actionOf = (bucket: ImportBucket, failure: Failure): string =>
  bucket === 'optional' ? `none needed: the code handles its absence; to enable it, ${failure.action}`
  : bucket === 'type-only' ? `none at run time; for type checking, ${failure.action}`
  : failure.action;

const messageOf = (name: string, reality: string, direct: number, affected: number, breaking: number): string => {
  const head = `${name} — ${reality}`;
  if (affected > 0) {
    return `${head}: ${plural(direct, 'import fails', 'imports fail')} directly, ${plural(affected, 'repo module fails', 'repo modules fail')} through ${direct === 1 ? 'it' : 'them'}`;
  }
  if (breaking === 0 && direct > 0) return `${head}: ${plural(direct, 'import', 'imports')}, no module fails to load because of ${direct === 1 ? 'it' : 'them'}`;
  return `${head}: ${plural(direct, 'import', 'imports')}`;
};

const bucketRank = (b: ImportBucket): number => IMPORT_BUCKETS.indexOf(b);

export const compareRootCauses = (a: RootCause, b: RootCause): number =>
  b.affectedFiles - a.affectedFiles || b.directImports - a.directImports || bucketRank(a.bucket) - bucketRank(b.bucket) || byString(a.name, b.name);

export interface RootCauseResult {
  rootCauses: RootCause[];
  /** File → the root causes (by name) that make it fail to load, for --verify and explanations. */
  causesByFile: Map<string, string[]>;
}

/** `loadGraph` is asked only when some finding breaks its module (the graph is one pass over every edge). */
export const buildRootCauses = (classified: readonly ClassifiedFinding[], loadGraph: () => ReverseGraph): RootCauseResult => {
  let reverse: ReverseGraph | undefined;
  const groups = new Map<string, { first: ClassifiedFinding; direct: number; breakingFiles: Set<string> }>();
  for (const c of classified) {
    const key = `${c.finding.bucket}\0${c.finding.rootCause}`;
    let g = groups.get(key);
    if (!g) {
      g = { first: c, direct: 0, breakingFiles: new Set() };
      groups.set(key, g);
    }
    g.direct++;
    if (c.finding.breaksModule) g.breakingFiles.add(c.finding.file);
  }
  const causesByFile = new Map<string, string[]>();
  const rootCauses: RootCause[] = [];
  for (const g of groups.values()) {
    const { bucket, rootCause: name } = g.first.finding;
    const depth = g.breakingFiles.size > 0 ? spreadFailure((reverse ??= loadGraph()), g.breakingFiles) : new Map<string, number>();
    for (const file of depth.keys()) {
      const list = causesByFile.get(file);
      if (list) list.push(name);
      else causesByFile.set(file, [name]);
    }
    const files = [...depth].sort((a, b) => a[1] - b[1] || byString(a[0], b[0])).slice(0, MAX_FILES_PER_CAUSE).map(([f]) => f);
    const reality = realityOf(bucket, g.first.failure);
    rootCauses.push({
      name, bucket,
      directImports: g.direct,
      affectedFiles: depth.size,
      ...(files.length > 0 ? { files } : {}),
      message: messageOf(name, reality, g.direct, depth.size, g.breakingFiles.size),
      action: actionOf(bucket, g.first.failure),
    });
  }
  for (const list of causesByFile.values()) list.sort(byString);
  return { rootCauses: rootCauses.sort(compareRootCauses), causesByFile };
};
