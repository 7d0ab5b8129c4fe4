/**
 * A recording process for the history tests (not a test itself): records COUNT runs with 300
 * finding keys each into ROOT/.census/history.db. It opens the database at once (so two of them
 * race to create it). Given the OTHER writer's label, it records in step with it: before run i it
 * waits until the other has recorded i runs (or finished), so the two write at the same time and
 * interleave however slow or busy the machine is, with no clock involved. After each committed
 * run it writes how many it has committed to ROOT/progress-LABEL, which the tests wait on.
 * Usage: node record-runs.js ROOT COUNT LABEL [OTHER]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHistory } from '../../src/store/history-db.js';

const [root, count, label, other] = process.argv.slice(2);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progressFile = (who: string) => join(root, `progress-${who}`);
const report = (text: string): void => writeFileSync(progressFile(label), text);
const progressOf = (who: string): number => {
  if (!existsSync(progressFile(who))) return -1;
  const text = readFileSync(progressFile(who), 'utf8');
  return text === 'done' ? Infinity : text === '' ? -1 : Number(text);
};
const history = openHistory(root, { create: true })!;
report('0');
for (let i = 0; i < Number(count); i++) {
  // A guard against hanging when the other writer died, not a time budget: ten idle minutes.
  for (let waited = 0; other !== undefined && progressOf(other) < i; waited++) {
    if (waited > 600_000) throw new Error(`${label}: ${other} made no progress`);
    await pause(1);
  }
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
  report(String(i + 1));
}
report('done');
history.close();
