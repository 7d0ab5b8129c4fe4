/**
 * The duplicates analysis as the pipeline runs it: fingerprints come from the extraction workers,
 * verdicts and dates from classification, callers from the edges; the result is the Audit's
 * `duplicates` section.
 */
import type { DuplicatesOptions, DuplicatesReport } from '../../model/duplicates.js';
import type { Edge } from '../../model/edge.js';
import type { FileRecord } from '../../model/file.js';
import type { FingerprintThread } from '../../extract/fingerprint-thread.js';
import { familyOf } from '../../languages/registry.js';
import { clustersOf, keepersOf } from './clusters.js';
import { DEFAULT_FINGERPRINT_OPTIONS, isFingerprinted, type FileFingerprint, type FingerprintOptions } from './fingerprint.js';
import { DEFAULT_DUPLICATES_OPTIONS, findDuplicates } from './find.js';
import type { GroupOptions } from './group.js';

export { DEFAULT_DUPLICATES_OPTIONS } from './find.js';

/** What the extraction workers need to fingerprint files for these options. */
export const fingerprintOptionsFor = (options: Partial<DuplicatesOptions>): FingerprintOptions => ({
  ...DEFAULT_FINGERPRINT_OPTIONS,
  abstractIdentifiers: options.abstractIdentifiers ?? DEFAULT_DUPLICATES_OPTIONS.abstractIdentifiers,
});

/** Files that import, run or reference each file; doc mentions are not callers. */
const callersFrom = (edges: Edge[]): ((path: string) => string[]) => {
  const callers = new Map<string, string[]>();
  for (const e of edges) {
    if (e.to === null || e.kind === 'doc-mention' || e.from === e.to) continue;
    const list = callers.get(e.to);
    if (list) list.push(e.from);
    else callers.set(e.to, [e.from]);
  }
  return (path) => callers.get(path) ?? [];
};

export const analyseDuplicates = (input: {
  files: FileRecord[];
  edges: Edge[];
  fingerprints: Map<string, FileFingerprint>;
  options: Partial<DuplicatesOptions>;
}): DuplicatesReport => {
  const options = { ...DEFAULT_DUPLICATES_OPTIONS, ...input.options };
  const clusters = findDuplicates({ files: input.files, fingerprints: input.fingerprints, options, importersOf: callersFrom(input.edges) });
  return { clusters, options, filesCompared: input.fingerprints.size };
};

/** The grouping started on the thread that holds the fingerprints, and what to do if it cannot finish. */
export interface HeldGrouping {
  thread: FingerprintThread;
  files: [path: string, family: string][];
  options: DuplicatesOptions;
  groupOptions: GroupOptions;
  answer: ReturnType<FingerprintThread['group']>;
  /** The fingerprints on the main thread, made again (the thread died). */
  recover: () => Map<string, FileFingerprint>;
}

/**
 * Asks the fingerprint thread to group its fingerprints now, before classification: `files` are
 * the scan's files (junk left out), each with its language family.
 */
export const startHeldGrouping = (thread: FingerprintThread, files: FileRecord[], wanted: Partial<DuplicatesOptions>, recover: HeldGrouping['recover']): HeldGrouping => {
  const options = { ...DEFAULT_DUPLICATES_OPTIONS, ...wanted };
  const posted = files.flatMap((f): [string, string][] => (isFingerprinted(f.language) ? [[f.path, familyOf(f.language)]] : []));
  const groupOptions: GroupOptions = { minSimilarity: options.minSimilarity, minBlockTokens: options.minBlockTokens, minOverlap: options.minOverlap };
  const answer = thread.group({ files: posted, options: groupOptions });
  return { thread, files: posted, options, groupOptions, answer, recover };
};

/**
 * analyseDuplicates over a grouping made on the fingerprint thread: the keepers, actions and
 * callers here. When a class of exact copies that do not group alike is kept by another copy than
 * the thread chose, the thread groups again with the keepers named; if the thread died, the
 * fingerprints are made again here and everything runs on this thread. The same report either way.
 */
export const analyseHeldDuplicates = async (input: { files: FileRecord[]; edges: Edge[]; held: HeldGrouping }): Promise<DuplicatesReport> => {
  const { held } = input;
  const importersOf = callersFrom(input.edges);
  const records = new Map(input.files.map((f) => [f.path, f]));
  const recordOf = (path: string): FileRecord => records.get(path)!;
  let answer = await held.answer;
  if (answer) {
    let clusters = clustersOf(answer.grouping, { recordOf, importersOf });
    if (clusters === null) {
      answer = await held.thread.group({ files: held.files, options: held.groupOptions, keepers: [...keepersOf(answer.grouping, recordOf)] });
      clusters = answer && clustersOf(answer.grouping, { recordOf, importersOf });
    }
    if (answer && clusters) return { clusters, options: held.options, filesCompared: answer.compared };
  }
  return analyseDuplicates({ files: input.files, edges: input.edges, fingerprints: held.recover(), options: held.options });
};
