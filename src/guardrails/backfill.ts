/**
 * `census history --commits N`: audits the last N commits (each one's files read from git into a temporary folder) and records
 * each one, oldest first. Commits already in the history are skipped, so it can be re-run.
 */
import { deriveFindings } from './findings.js';
import { recordAudit } from './record.js';
import { scan, type ScanOptions } from '../pipeline.js';
import { recentCommits, repoPrefix, withCommitSnapshots } from '../store/git-history.js';
import type { HistoryDb } from '../store/history-db.js';
import { errorMessage, isKnownError, UsageError } from '../util/errors.js';
import { isDirectory } from '../util/fs.js';
import { joinAbsolute } from '../util/path.js';
import { plural } from '../util/words.js';

/** `say` hears one line per step (skips, each recorded commit); the caller decides whether to show it. */
export const backfillHistory = async (history: HistoryDb, rootAbs: string, count: number, options: ScanOptions, say: (text: string) => void): Promise<number> => {
  const prefix = repoPrefix(rootAbs);
  const commits = prefix === null ? null : recentCommits(rootAbs, count);
  if (prefix === null || commits === null) throw new UsageError('--commits needs a git repository with commits');
  const todo = commits.filter((c) => !history.hasCommit(c.commit));
  if (todo.length < commits.length) say(`${commits.length - todo.length} of the last ${commits.length} commits are already recorded; skipping them`);
  if (todo.length === 0) return 0;
  say(`auditing ${plural(todo.length, 'commit')} from git into a temporary folder (your working tree is not touched)`);
  let recorded = 0;
  await withCommitSnapshots(rootAbs, async (snapshots) => {
    for (const c of todo) {
      const short = c.commit.slice(0, 10);
      if (!snapshots.load(c.commit)) {
        say(`git could not read ${short}; skipped`);
        continue;
      }
      const dir = joinAbsolute(snapshots.dir, prefix);
      if (!isDirectory(dir)) {
        say(`${short} has no ${prefix}; skipped`);
        continue;
      }
      let audit;
      try {
        ({ audit } = await scan({ ...options, root: dir, cwd: dir, duplicates: options.duplicates ?? {} }));
      } catch (e) {
        // An old commit with an invalid census config is that commit's problem, not the backfill's.
        if (!isKnownError(e)) throw e;
        say(`${short} could not be audited (${errorMessage(e)}); skipped`);
        continue;
      }
      const findings = deriveFindings(audit);
      const id = recordAudit(history, audit, { commit: c.commit, commitDate: c.date, dirty: false, source: 'backfill' }, findings);
      recorded++;
      say(`${short} (${c.date.slice(0, 10)}): ${plural(findings.length, 'finding')}, recorded as run #${id}`);
    }
  });
  return recorded;
};
