/** `census history` and `census diff` for people (their JSON is in json-views.ts): the trend per verdict and finding category, and what moved between two runs. */
import { FINDING_CATEGORIES, type RecordedRun, type RunDiff } from '../../model/findings.js';
import { VERDICTS } from '../../model/verdict.js';
import { textTable } from '../text.js';
import { plural } from '../../util/words.js';
import { shortCommit } from './check-view.js';

const UNKNOWN = '-';

export const runLabel = (run: RecordedRun): string =>
  `#${run.id} (${run.commit ? `${shortCommit(run.commit)}${run.dirty ? '+changes' : ''}` : 'no git'}, ${runDate(run)}, ${run.source})`;

const runDate = (run: RecordedRun): string => (run.dirty || !run.commitDate ? run.recordedAt : run.commitDate).slice(0, 10);

const value = (run: RecordedRun, name: string): string => (name in run.counts ? String(run.counts[name]) : UNKNOWN);

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** Finding categories worth a column: non-zero in at least one shown run (dead files already have the verdict's). */
const shownCategories = (runs: RecordedRun[]): string[] =>
  FINDING_CATEGORIES.filter((c) => c !== 'dead' && runs.some((r) => (r.counts[`finding:${c}`] ?? 0) > 0));

/** What `census history` shows: the last runs of the history file, and how many it holds in all. */
export interface HistoryView {
  file: string;
  runs: RecordedRun[];
  total: number;
}

export const renderHistoryTerminal = ({ runs, file, total }: HistoryView): string => {
  if (runs.length === 0) return `census history — no runs recorded in ${file} yet\n`;
  const categories = shownCategories(runs);
  const table = textTable(
    ['run', 'commit', 'date', 'source', 'source files', ...VERDICTS, ...categories],
    runs.map((r) => [
      `#${r.id}`,
      r.commit ? `${shortCommit(r.commit)}${r.dirty ? '+' : ''}` : UNKNOWN,
      runDate(r),
      r.source,
      String(r.sourceFiles),
      ...VERDICTS.map((v) => value(r, `verdict:${v}`)),
      ...categories.map((c) => value(r, `finding:${c}`)),
    ]),
  );
  const out = [`census history — ${plural(total, 'run')} in ${file}${total > runs.length ? `, the last ${runs.length} shown` : ''}`, '', table];
  if (runs.some((r) => r.dirty)) out.push('', '+ = recorded on a working tree with uncommitted changes');
  if (runs.length > 1) {
    const first = runs[0];
    const last = runs[runs.length - 1];
    const moved = [...VERDICTS.map((v) => `verdict:${v}`), ...FINDING_CATEGORIES.map((c) => `finding:${c}`)]
      .filter((n) => n in first.counts && n in last.counts && first.counts[n] !== last.counts[n])
      .map((n) => `${n.replace(/^(verdict|finding):/, '')} ${first.counts[n]} → ${last.counts[n]} (${signed(last.counts[n] - first.counts[n])})`);
    out.push('', moved.length > 0 ? `from #${first.id} to #${last.id}: ${moved.join(', ')}` : `from #${first.id} to #${last.id}: no change in the counts`);
  }
  out.push('', 'Compare two runs with: census diff [A] [B]');
  return `${out.join('\n')}\n`;
};

const MAX_KEYS = 100;

const keyList = (title: string, keys: string[]): string[] =>
  keys.length === 0 ? [] : ['', `${title} (${keys.length}):`, ...keys.slice(0, MAX_KEYS).map((k) => `  ${k}`), ...(keys.length > MAX_KEYS ? [`  … and ${keys.length - MAX_KEYS} more (see --format json)`] : [])];

export const renderRunDiffTerminal = (diff: RunDiff): string => {
  const out = [`census diff — run ${runLabel(diff.from)} → run ${runLabel(diff.to)}`];
  if (diff.changes.length > 0) {
    out.push('', textTable(['count', 'before', 'after', 'change'], diff.changes.map((c) => [c.name, String(c.before), String(c.after), signed(c.after - c.before)])));
  } else out.push('', 'no count changed');
  out.push(...keyList('new findings', diff.added), ...keyList('findings gone', diff.removed));
  if (diff.added.length === 0 && diff.removed.length === 0) out.push('', 'the same findings in both runs');
  return `${out.join('\n')}\n`;
};
