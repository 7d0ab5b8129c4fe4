/** What every `census check` format says, worded once: the verdict line, limits, incompleteness. */
import type { CategoryCount, CheckResult, Finding, Incompleteness, ThresholdBreach } from '../../model/findings.js';

/** What every check format renders: the result and what a file format needs besides it. */
export interface CheckView {
  result: CheckResult;
  /** The census version (SARIF names its driver). */
  version: string;
  /** Prefix that turns root-relative paths into repository-relative ones (`sub/` when the scan root is a subfolder). */
  pathPrefix: string;
}

import { plural } from '../../util/words.js';

export const shortCommit = (commit: string | null): string => (commit ? commit.slice(0, 10) : 'no commit');

export const breachText = (b: ThresholdBreach): string =>
  b.limit === 'maxNew' ? `${b.category}: ${b.actual} new, at most ${b.allowed} allowed (check.maxNew)` : `${b.category}: ${b.actual} in total, at most ${b.allowed} allowed (check.max)`;

export const limitText = (c: CategoryCount, result: CheckResult): string => {
  const own = result.breaches.filter((b) => b.category === c.category);
  if (own.length > 0) return own.map((b) => `${b.limit} ${b.allowed} exceeded`).join(', ');
  return c.gated ? 'ok' : 'not gated';
};

/** New findings that count against a limit that was exceeded, and the rest. */
export const splitNew = (result: CheckResult): { failing: Finding[]; other: Finding[] } => {
  const breached = new Set(result.breaches.filter((b) => b.limit === 'maxNew').map((b) => b.category));
  return { failing: result.new.filter((f) => breached.has(f.category)), other: result.new.filter((f) => !breached.has(f.category)) };
};

/** "2 files could not be read or parsed fully and 1 analysis step crashed", or null for a complete analysis. */
export const incompleteParts = ({ files, crashes }: Incompleteness): string | null => {
  const parts = [
    ...(files.length > 0 ? [`${plural(files.length, 'file')} could not be read or parsed fully`] : []),
    ...(crashes.length > 0 ? [`${plural(crashes.length, 'analysis step')} crashed`] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : null;
};

export const incompleteSentence = (incomplete: Incompleteness): string | null => {
  const parts = incompleteParts(incomplete);
  return parts === null ? null : `the analysis is incomplete: ${parts}`;
};

export const verdictLine = (result: CheckResult): string => {
  if (result.status === 'incomplete') return `census check: INCOMPLETE — ${incompleteParts(result.incomplete)}; a clean result cannot be trusted (exit 2)`;
  if (result.status === 'regression') {
    const failing = splitNew(result).failing.length;
    return `census check: FAILED — ${failing > 0 ? `${plural(failing, 'new finding')} over the limits` : 'a limit is exceeded'} (${result.breaches.map(breachText).join('; ')})`;
  }
  const extra = result.new.length > 0 ? `; ${plural(result.new.length, 'new finding')} within the limits` : '';
  return `census check: passed — nothing new over the limits${extra}${result.fixed.length > 0 ? `, ${result.fixed.length} fixed` : ''}`;
};

export const baselineLine = (result: CheckResult): string =>
  result.baselineFound
    ? `baseline ${result.baselineFile} (${[result.baselineCommit ? `commit ${shortCommit(result.baselineCommit)}` : '', result.baselineDate ? `made ${result.baselineDate.slice(0, 10)}` : ''].filter((s) => s !== '').join(', ') || 'no commit recorded'})`
    : `no baseline at ${result.baselineFile}: every finding counts as new. Accept today's findings with: census baseline`;

export const incompleteAdvice = (result: CheckResult): string =>
  result.allowIncomplete
    ? 'accepted by the census config (check.allowIncomplete: true)'
    : 'fix or exclude these files, or accept incomplete runs with check.allowIncomplete: true in the census config';

export const repoPath = (path: string, view: CheckView): string => `${view.pathPrefix}${path}`;
