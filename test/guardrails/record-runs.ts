/**
 * A recording process for the concurrency test (not a test itself): records COUNT runs with 300
 * finding keys each into ROOT/.census/history.db. It opens the database at once (so two of them
 * race to create it), waits until START_AT (ms since the epoch) so both write at the same time, and
 * pauses a moment between runs, as real recorders do, so the writers interleave.
 * Usage: node record-runs.js ROOT COUNT LABEL [START_AT]
 */
import { openHistory } from '../../src/store/history-db.js';

const [root, count, label, startAt] = process.argv.slice(2);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const history = openHistory(root, { create: true })!;
await pause(Math.max(0, Number(startAt ?? 0) - Date.now()));
for (let i = 0; i < Number(count); i++) {
  history.record({
    commit: null,
    commitDate: null,
    dirty: true,
    source: label,
    census: '0.0.0',
    files: i,
    sourceFiles: i,
    counts: { 'verdict:dead': i, 'finding:broken-internal': i % 3 },
    findings: Array.from({ length: 300 }, (_, k) => `dead:${label}/run-${i}/file-${k}.py`),
  });
  await pause(2);
}
history.close();
