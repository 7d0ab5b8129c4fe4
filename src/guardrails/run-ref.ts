/** `census diff [A] [B]`: a run named by its number (`12`, `#12`) or a commit prefix (the latest run of that commit, clean runs first). */
import type { RecordedRun } from '../model/findings.js';
import { UsageError } from '../util/errors.js';

export const findRun = (runs: RecordedRun[], ref: string): RecordedRun => {
  const id = /^#?(\d+)$/.exec(ref);
  const byId = id ? runs.find((r) => r.id === Number(id[1])) : undefined;
  if (byId) return byId;
  if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    const matches = runs.filter((r) => r.commit?.startsWith(ref.toLowerCase()));
    const commits = new Set(matches.map((r) => r.commit));
    if (commits.size > 1) throw new UsageError(`"${ref}" matches runs of ${commits.size} commits; give more of the commit hash`);
    // The commit itself before a working tree that had changes on top of it.
    const clean = matches.filter((r) => !r.dirty);
    if (clean.length > 0) return clean[clean.length - 1];
    if (matches.length > 0) return matches[matches.length - 1];
  }
  throw new UsageError(`no recorded run "${ref}": give a run number (census history lists them) or a commit prefix of a recorded run`);
};

/** The two runs to compare: none given = the last two; one = that run against the latest. */
export const pickRuns = (runs: RecordedRun[], refs: string[]): [RecordedRun, RecordedRun] => {
  if (refs.length > 2) throw new UsageError(`census diff compares two runs; got ${refs.length}: ${refs.join(' ')}`);
  if (refs.length === 2) return [findRun(runs, refs[0]), findRun(runs, refs[1])];
  if (runs.length < 2 && refs.length === 0) throw new UsageError(`census diff needs two recorded runs; the history has ${runs.length} (record with --record, or backfill with census history --commits N)`);
  // "The last two" and "the latest" are by when the runs were recorded (run numbers grow with it), not
  // by commit date: a backfill of old commits, or a run of an old checkout, does not hide the newest run.
  const recorded = [...runs].sort((a, b) => a.id - b.id);
  if (refs.length === 1) return [findRun(runs, refs[0]), recorded[recorded.length - 1]];
  return [recorded[recorded.length - 2], recorded[recorded.length - 1]];
};
