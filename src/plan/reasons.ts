/**
 * The sentences a plan item gives as its reasons, each from one piece of evidence (verdict chain,
 * users, docs, runtime, change date, duplicate cluster), so a reviewer can check every claim.
 */
import type { DuplicateCluster } from '../model/duplicates.js';
import type { Edge } from '../model/edge.js';
import type { FileRecord } from '../model/file.js';
import { sortedUnique } from '../util/compare.js';
import { splitLastCommit } from '../util/last-commit.js';

const MAX_NAMED = 5;

/** `a, b, c and 4 more`. */
export const named = (items: string[], max = MAX_NAMED): string =>
  items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');

/** The verdict and the evidence chain that decided it, as one sentence. */
export const verdictReason = (file: FileRecord): string => {
  // The last commit date is a reason of its own (lastChangeReason), not a hop of the chain.
  const evidence = splitLastCommit(file).sentences;
  if (evidence.length === 0) return `${file.verdict}`;
  return file.verdict === 'dead' ? `dead: ${evidence.join('; ')}` : `${file.verdict}: ${evidence.join(' → ')}`;
};

const VERBS: Record<string, string> = {
  import: 'imported by',
  'type-import': 'imported for types by',
  'dynamic-import': 'imported dynamically by',
  exec: 'run by',
  reference: 'named as a string in',
};

const where = (e: Edge): string => `${e.from}:${e.line}`;

/** `imported by a.py:3, b.py:7; run by deploy.sh:2` (one clause per kind of edge). */
export const usersReason = (users: Edge[]): string | null => {
  if (users.length === 0) return null;
  const clauses: string[] = [];
  for (const kind of Object.keys(VERBS)) {
    const of = users.filter((e) => e.kind === kind);
    if (of.length > 0) clauses.push(`${VERBS[kind]} ${named(sortedUnique(of.map(where)))}`);
  }
  return clauses.join('; ');
};

export const docsReason = (mentions: Edge[]): string | null =>
  mentions.length === 0 ? null : `mentioned in the docs: ${named(sortedUnique(mentions.map(where)))}`;

export const runtimeReason = (labels: string[] | null): string | null =>
  labels === null ? null : labels.length > 0 ? `loaded at runtime (run ${named(labels)})` : 'loaded at runtime (in the merged runtime evidence)';

export const lastChangeReason = (file: FileRecord): string | null => (file.lastChange ? `last changed ${file.lastChange}` : null);

export const percent = (similarity: number): string => `${Math.round(similarity * 1000) / 10}%`;

const KIND_WORDS: Record<DuplicateCluster['kind'], string> = {
  exact: 'an exact copy of',
  renamed: 'a renamed copy of',
  'same-name': 'a same-name file that diverged from',
  near: 'a near-duplicate of',
  block: 'shares a block of code with',
  overlap: 'may do the same job as',
};

/** `an exact copy of lib/a.py (keep lib/a.py: it is reachable from production ...)`. */
export const clusterReason = (path: string, c: DuplicateCluster): string => {
  const others = c.files.filter((f) => f !== path);
  const similarity = c.kind === 'exact' || c.kind === 'renamed' ? '' : `, ${percent(c.similarity)} alike`;
  const target = c.keep !== null && c.keep !== path ? c.keep : named(others, 3);
  const keeper = c.keep === path ? '; this is the copy to keep' : '';
  return `${KIND_WORDS[c.kind]} ${target}${similarity}${keeper} (${c.reason})`;
};
