/** `census baseline` for people: what was written, by kind, how it differs from the previous baseline, and what it could not see. */
import type { Baseline, Finding, Incompleteness } from '../../model/findings.js';
import { plural } from '../../util/words.js';
import { incompleteSentence } from './check-view.js';

/** What `census baseline` shows: the baseline it wrote (and where), the findings behind it, the one it replaced. */
export interface BaselineView {
  /** The baseline file, as the user would name it from where they ran census. */
  file: string;
  written: Baseline;
  findings: Finding[];
  previous: Baseline | null;
  incomplete: Incompleteness;
}

const KIND_WORDS: Record<Finding['kind'], string> = { dead: 'dead file', import: 'import finding', duplicate: 'duplicate cluster', 'exec-not-found': 'command running a missing file' };

const INCOMPLETE_LISTED = 5;

const breakdown = (findings: Finding[]): string => {
  const counts = new Map<Finding['kind'], number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const parts = (Object.keys(KIND_WORDS) as Finding['kind'][]).filter((k) => counts.has(k)).map((k) => plural(counts.get(k)!, KIND_WORDS[k]));
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
};

export const renderBaselineTerminal = ({ file, written, findings, previous, incomplete }: BaselineView): string => {
  const keys = written.findings;
  const lines = [`wrote ${file}: ${plural(keys.length, 'accepted finding')}${breakdown(findings)}`];
  if (previous) {
    const before = new Set(previous.findings);
    const now = new Set(keys);
    const added = keys.filter((k) => !before.has(k)).length;
    const dropped = previous.findings.filter((k) => !now.has(k)).length;
    lines.push(`the previous baseline had ${previous.findings.length}: ${added} added, ${dropped} no longer found and dropped`);
  }
  const incompleteText = incompleteSentence(incomplete);
  if (incompleteText) {
    const named = [...incomplete.files, ...incomplete.crashes.map((d) => d.id)];
    lines.push(`warning: ${incompleteText} (${named.slice(0, INCOMPLETE_LISTED).join(', ')}${named.length > INCOMPLETE_LISTED ? ', …' : ''}); findings in them are not in the baseline`);
  }
  return `${lines.join('\n')}\n`;
};
