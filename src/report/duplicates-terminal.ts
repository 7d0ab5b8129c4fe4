/** The `census dupes` terminal view: one block per cluster, keeper first, grouped by kind. */
import type { DuplicateCluster, DuplicatesReport } from '../model/duplicates.js';
import { DUPLICATE_KINDS } from '../model/duplicates.js';
import { clustersOfKind, duplicatesHeadline, keeperReason, KIND_TITLES, optionsLine, similarityText } from './duplicates-labels.js';
import { style } from './text.js';
import type { RenderOptions } from './types.js';

const MAX_CLUSTERS_PER_KIND = 20;

const clusterLines = (c: DuplicateCluster, s: ReturnType<typeof style>): string[] => {
  const what = c.kind === 'block' ? 'shared block' : c.kind === 'overlap' ? 'possible overlap' : `${c.files.length} copies`;
  const lines = [`  ${what}: ${s.dim(similarityText(c))}`];
  if (c.kind === 'block' && c.ranges) {
    for (const r of c.ranges) lines.push(`    ${r.file}:${r.start}-${r.end}`);
    return lines;
  }
  const ordered = [...c.actions].sort((a, b) => Number(b.file === c.keep) - Number(a.file === c.keep));
  const width = Math.max(...ordered.map((a) => a.file.length));
  for (const a of ordered) {
    const action = a.file === c.keep ? s.green('keep') : a.action;
    lines.push(`    ${a.file.padEnd(width)}  ${action}`);
  }
  lines.push(`    ${s.dim(`why: ${keeperReason(c)}`)}`);
  return lines;
};

export const renderDuplicatesTerminal = (report: DuplicatesReport, options: RenderOptions): string => {
  const s = style(options.color);
  const out = [s.bold(`duplicates: ${duplicatesHeadline(report)}`), s.dim(optionsLine(report))];
  for (const kind of DUPLICATE_KINDS) {
    const clusters = clustersOfKind(report, kind);
    if (clusters.length === 0) continue;
    out.push('', s.bold(`${KIND_TITLES[kind]} (${clusters.length})`));
    for (const c of clusters.slice(0, MAX_CLUSTERS_PER_KIND)) out.push(...clusterLines(c, s));
    if (clusters.length > MAX_CLUSTERS_PER_KIND) out.push(s.dim(`  … and ${clusters.length - MAX_CLUSTERS_PER_KIND} more (see --format md or json)`));
  }
  if (report.clusters.length === 0) out.push('', 'No duplicates found.');
  return `${out.join('\n')}\n`;
};
