/**
 * Opening the run history for a command: `--reset-history` first moves the old database aside
 * (and says where), then the database is opened; recording a run says which run it became.
 */
import type { Audit } from '../../model/audit.js';
import { deriveFindings, runCounts } from '../../analyses/findings.js';
import type { Finding } from '../../model/findings.js';
import { commitDate, differsFromCommit } from '../../store/git-history.js';
import { HISTORY_FILE, moveHistoryAside, openHistory, type HistoryDb } from '../../store/history-db.js';
import type { ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';

export const openHistoryFor = (rootAbs: string, args: ParsedArgs, io: CliIo, create: boolean): HistoryDb | null => {
  if (args.values['reset-history'] === true) {
    const moved = moveHistoryAside(rootAbs);
    io.stderr(moved.length > 0 ? `census: moved ${moved.join(', ')} aside (nothing deleted); starting a new ${HISTORY_FILE}\n` : `census: there was no ${HISTORY_FILE} to reset\n`);
  }
  return openHistory(rootAbs, { create });
};

/** Records one run of the working tree; returns its id. */
export const recordRun = (audit: Audit, rootAbs: string, source: 'scan' | 'check', args: ParsedArgs, io: CliIo, findings: Finding[] = deriveFindings(audit)): number => {
  const history = openHistoryFor(rootAbs, args, io, true)!;
  try {
    const commit = audit.git?.commit ?? null;
    const id = history.record({
      commit,
      commitDate: commit ? commitDate(rootAbs, commit) : null,
      dirty: commit !== null && (audit.git?.dirty === true || differsFromCommit(rootAbs)),
      source,
      census: audit.tool.version,
      files: audit.summary.files,
      sourceFiles: audit.summary.sourceFiles,
      counts: runCounts(audit, findings),
      findings: findings.map((f) => f.key),
    });
    if (args.values.quiet !== true) io.stderr(`census: recorded run #${id} in ${history.file}\n`);
    return id;
  } finally {
    history.close();
  }
};
