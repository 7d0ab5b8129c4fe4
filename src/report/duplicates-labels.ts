/** Words the duplicates reporters share: section titles and the one-line summary. */
import type { DuplicateCluster, DuplicateKind, DuplicatesReport } from '../model/duplicates.js';
import { DUPLICATE_KINDS } from '../model/duplicates.js';
import { plural } from '../util/words.js';

export const KIND_TITLES: Record<DuplicateKind, string> = {
  exact: 'Exact copies',
  renamed: 'Renamed copies',
  'same-name': 'Same name, diverged',
  near: 'Near-duplicates',
  block: 'Shared blocks',
  overlap: 'Possible overlap across languages',
};

const KIND_WORDS: Record<DuplicateKind, string> = {
  exact: 'exact',
  renamed: 'renamed',
  'same-name': 'same-name',
  near: 'near',
  block: 'block',
  overlap: 'possible overlap',
};

export const clustersOfKind = (report: DuplicatesReport, kind: DuplicateKind): DuplicateCluster[] => report.clusters.filter((c) => c.kind === kind);

/** "9 clusters among 24 compared files: 4 exact, 1 renamed, ..." */
export const duplicatesHeadline = (report: DuplicatesReport): string => {
  const counts = DUPLICATE_KINDS.map((k) => [k, clustersOfKind(report, k).length] as const).filter(([, n]) => n > 0);
  const total = report.clusters.length;
  const kinds = counts.map(([k, n]) => `${n} ${KIND_WORDS[k]}`).join(', ');
  return `${plural(total, 'cluster')} among ${report.filesCompared} compared files${kinds ? `: ${kinds}` : ''}`;
};

export const optionsLine = (report: DuplicatesReport): string => {
  const o = report.options;
  return `near-duplicates at similarity ≥ ${o.minSimilarity}, blocks of ≥ ${o.minBlockTokens} tokens, overlap at cosine ≥ ${o.minOverlap}${o.abstractIdentifiers ? ', identifiers and literals abstracted' : ''}`;
};

export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** What the similarity number means for a kind, for a reader who does not know the analysis. */
export const similarityText = (c: DuplicateCluster): string => {
  switch (c.kind) {
    case 'exact':
    case 'renamed':
      return 'identical after normalising line endings and trailing whitespace';
    case 'same-name':
    case 'near':
      return `${percent(c.similarity)} of their tokens in shared runs`;
    case 'block':
      return `${c.sharedTokens ?? '?'} shared tokens, ${percent(c.similarity)} of the smaller file`;
    case 'overlap':
      return `term similarity ${c.similarity.toFixed(2)}; shared terms: ${(c.sharedTerms ?? []).join(', ')}`;
  }
};

/** The reason without its leading "keep <file>: " (the row already names the file). */
export const keeperReason = (c: DuplicateCluster): string => (c.keep && c.reason.startsWith(`keep ${c.keep}: `) ? c.reason.slice(`keep ${c.keep}: `.length) : c.reason);
