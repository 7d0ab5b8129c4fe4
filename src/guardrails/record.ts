/**
 * One audited run into the history: the counts per verdict and finding category and the finding
 * keys, whether it is the working tree now (`census scan|check --record`) or an old commit (backfill).
 */
import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/findings.js';
import { commitDate, differsFromCommit } from '../store/git-history.js';
import type { HistoryDb } from '../store/history-db.js';
import { deriveFindings, runCounts } from './findings.js';

export type RunSource = 'scan' | 'check' | 'backfill';

export interface RunOrigin {
  commit: string | null;
  commitDate: string | null;
  dirty: boolean;
  source: RunSource;
}

/** Records the run; returns its id. */
export const recordAudit = (history: HistoryDb, audit: Audit, origin: RunOrigin, findings: Finding[] = deriveFindings(audit)): number =>
  history.record({
    ...origin,
    census: audit.tool.version,
    files: audit.summary.files,
    sourceFiles: audit.summary.sourceFiles,
    counts: runCounts(audit, findings),
    findings: findings.map((f) => f.key),
  });

/** Where a run of the working tree at `rootAbs` comes from: its commit, and whether it had changes on top. */
export const workingTreeOrigin = (audit: Audit, rootAbs: string, source: RunSource): RunOrigin => {
  const commit = audit.git?.commit ?? null;
  return {
    commit,
    commitDate: commit ? commitDate(rootAbs, commit) : null,
    dirty: commit !== null && (audit.git?.dirty === true || differsFromCommit(rootAbs)),
    source,
  };
};
