/**
 * The history options of a command: `--reset-history` first moves the old database aside (and
 * says where), then the database is opened; `--record` records the run and says which run it became.
 */
import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/findings.js';
import { recordAudit, workingTreeOrigin } from '../guardrails/record.js';
import { HISTORY_FILE, moveHistoryAside, openHistory, type HistoryDb } from '../store/history-db.js';
import { UsageError } from '../util/errors.js';
import type { ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

export const openHistoryFor = (rootAbs: string, args: ParsedArgs, io: CliIo, create: boolean): HistoryDb | null => {
  if (args.values['reset-history'] === true) {
    const moved = moveHistoryAside(rootAbs);
    io.stderr(moved.length > 0 ? `census: moved ${moved.join(', ')} aside (nothing deleted); starting a new ${HISTORY_FILE}\n` : `census: there was no ${HISTORY_FILE} to reset\n`);
  }
  return openHistory(rootAbs, { create });
};

/** Records one run of the working tree; returns its id. */
export const recordRun = (audit: Audit, rootAbs: string, source: 'scan' | 'check', args: ParsedArgs, io: CliIo, findings?: Finding[]): number => {
  const history = openHistoryFor(rootAbs, args, io, true)!;
  try {
    const id = recordAudit(history, audit, workingTreeOrigin(audit, rootAbs, source), findings);
    if (args.values.quiet !== true) io.stderr(`census: recorded run #${id} in ${history.file}\n`);
    return id;
  } finally {
    history.close();
  }
};

/** --reset-history only means something for a command that writes the history. */
export const requireRecordForReset = (args: ParsedArgs): void => {
  if (args.values['reset-history'] === true && args.values.record !== true) throw new UsageError('--reset-history goes with --record (or census history --reset-history)');
};
