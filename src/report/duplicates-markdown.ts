/**
 * The `census dupes` Markdown view: one table per kind with an Evidence column, in the shape of
 * the hand-made script audits ("2 copies - DUPLICATE") that it replaces.
 */
import type { DuplicateCluster, DuplicatesReport } from '../model/duplicates.js';
import { DUPLICATE_KINDS } from '../model/duplicates.js';
import { clustersOfKind, duplicatesHeadline, keeperReason, KIND_TITLES, optionsLine, percent, similarityText } from './duplicates-labels.js';
import { cell } from './markdown.js';
import { mdCodeCell } from './md-escape.js';

const table = (header: string[], rows: string[][]): string[] => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.map((c) => (c.startsWith(CODE) ? c.slice(CODE.length) : cell(c))).join(' | ')} |`),
];

/**
 * Marks a cell that is already a safe code span, so the table does not escape it again. NUL never
 * comes from the repo: text formats show control characters as escapes (display-safe.ts).
 */
const CODE = '\u0000code:';
const code = (path: string): string => `${CODE}${mdCodeCell(path)}`;

/** One row per file: the keeper first with the reason, the others with their action. */
const copyRows = (c: DuplicateCluster, n: number): string[][] => {
  const ordered = [...c.actions].sort((a, b) => Number(b.file === c.keep) - Number(a.file === c.keep));
  return ordered.map((a) => [
    String(n),
    code(a.file),
    a.file === c.keep ? '**keep**' : a.action,
    a.file === c.keep || !c.keep ? `${keeperReason(c)}; ${similarityText(c)}` : similarityText(c),
  ]);
};

const blockRows = (c: DuplicateCluster, n: number): string[] => {
  const where = `${CODE}${(c.ranges ?? []).map((r) => mdCodeCell(`${r.file}:${r.start}-${r.end}`)).join(' ↔ ')}`;
  return [String(n), where, String(c.sharedTokens ?? ''), percent(c.similarity), c.actions.map((a) => `${a.file}: ${a.action}`).join('; ')];
};

export const renderDuplicatesMarkdown = (report: DuplicatesReport): string => {
  const out = ['# Duplicates', '', `${duplicatesHeadline(report)}.`, '', `Settings: ${optionsLine(report)}.`, ''];
  for (const kind of DUPLICATE_KINDS) {
    const clusters = clustersOfKind(report, kind);
    if (clusters.length === 0) continue;
    out.push(`## ${KIND_TITLES[kind]} (${clusters.length})`, '');
    if (kind === 'overlap') out.push('These files may do the same job in different languages. The score is a hint from names, comments and identifiers, never proof: read both before removing either.', '');
    if (kind === 'block') out.push(...table(['#', 'Where', 'Tokens', 'Share of smaller file', 'Suggestion'], clusters.map((c, i) => blockRows(c, i + 1))));
    else out.push(...table(['#', 'File', 'Action', 'Evidence'], clusters.flatMap((c, i) => copyRows(c, i + 1))));
    out.push('');
  }
  if (report.clusters.length === 0) out.push('No duplicates found.', '');
  return out.join('\n');
};
