/** A file as the duplicate finder sees it, and how similarities are rounded. */
import type { FileRecord } from '../../model/file.js';
import type { FileFingerprint } from './fingerprint.js';

/** A file taking part in the comparison: its record and its fingerprint. */
export interface Participant {
  record: FileRecord;
  fp: FileFingerprint;
}

/** Similarities are reported with three decimals, so JSON stays stable and readable. */
export const roundSimilarity = (x: number): number => Math.round(x * 1000) / 1000;
