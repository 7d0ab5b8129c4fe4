/**
 * The duplicates analysis as the pipeline runs it: fingerprints come from the extraction workers,
 * verdicts and dates from classification, callers from the edges; the result is the Audit's
 * `duplicates` section.
 */
import type { DuplicatesOptions, DuplicatesReport } from '../../model/duplicates.js';
import type { Edge } from '../../model/edge.js';
import type { FileRecord } from '../../model/file.js';
import { DEFAULT_FINGERPRINT_OPTIONS, type FileFingerprint, type FingerprintOptions } from './fingerprint.js';
import { DEFAULT_DUPLICATES_OPTIONS, findDuplicates } from './find.js';

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
