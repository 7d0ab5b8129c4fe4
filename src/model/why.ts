/** What `census why` explains about one file: types shared by the chain search (classify/) and its reporters. */
import type { FileRecord } from './file.js';
import type { Verdict } from './verdict.js';

export interface Chain {
  tier: Verdict;
  /** Root sentence first, then one sentence per hop, ending at the file. */
  sentences: string[];
}

export interface WhyExplanation {
  /** The file's record from the Audit (verdict, evidence, last change). */
  file: FileRecord;
  /** `census why --all`: every chain found, shortest first, and the limit the search stopped at. */
  all?: { chains: Chain[]; limit: number };
}
