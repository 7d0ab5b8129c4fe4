/**
 * A record's evidence as a report shows it: a reached file's chain (the root's sentence, then one
 * per hop), joined by arrows; a dead file's sentences, which say what was looked for and are no
 * chain; and the last-commit note, which ends a manual or documented file's evidence without being
 * a hop. `census why` and the markdown report both split it here.
 */
import type { FileRecord } from '../model/file.js';
import { splitLastCommit } from '../util/last-commit.js';

export interface EvidenceParts {
  /** The root's sentence, then one per hop (empty for a dead file). */
  chain: string[];
  /** Sentences that are no hop: a dead file's (what was looked for, a caveat). */
  notes: string[];
  /** `last commit …`, when the evidence carries it. */
  lastCommit: string | null;
}

export const evidenceParts = (record: Pick<FileRecord, 'verdict' | 'evidence' | 'lastChange'>): EvidenceParts => {
  const { sentences: rest, lastCommit } = splitLastCommit(record);
  return record.verdict === 'dead' ? { chain: [], notes: rest, lastCommit } : { chain: rest, notes: [], lastCommit };
};

/** The file a chain starts at, as its root sentence names it first ("scripts/fix.py is runnable …", "usr/bin/x: an installed command"), or null. */
export const chainRootFile = (chain: readonly string[]): string | null => /^(\S+?)(?::\s| is )/.exec(chain[0] ?? '')?.[1] ?? null;
