/** Two recorded runs compared: which finding keys appeared and went, and which counts moved. Pure. */
import type { RecordedRun, RunDiff } from '../model/findings.js';
import { byString } from '../util/compare.js';

export const diffRuns = (from: RecordedRun, to: RecordedRun, fromKeys: string[], toKeys: string[]): RunDiff => {
  const before = new Set(fromKeys);
  const after = new Set(toKeys);
  const names = [...new Set([...Object.keys(from.counts), ...Object.keys(to.counts)])].sort(byString);
  return {
    from,
    to,
    added: [...after].filter((k) => !before.has(k)).sort(byString),
    removed: [...before].filter((k) => !after.has(k)).sort(byString),
    changes: names
      .filter((n) => n in from.counts && n in to.counts && from.counts[n] !== to.counts[n])
      .map((name) => ({ name, before: from.counts[name], after: to.counts[name] })),
  };
};
