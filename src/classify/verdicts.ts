/**
 * classify: every source file gets exactly one verdict and the evidence for it — the shortest
 * chain from a root for reachable files, and what was looked for and not found for the rest.
 */
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { isReachableLanguage, isSourceLanguage } from '../languages/registry.js';
import type { Verdict } from '../model/verdict.js';
import { sortedUnique } from '../util/compare.js';
import { aboutFile } from '../util/sentences.js';
import { followableEdges, reachByTier, type Reached } from './reachability.js';
import { projectLocator } from './projects.js';
import { rootsByTier } from './roots.js';

const MAX_NAMED_IMPORTERS = 3;

/** One hop of a chain as a sentence; `census why --all` words its chains the same way. */
export const hopSentence = (edge: Edge): string => {
  if (edge.label) return edge.label;
  const verb = edge.kind === 'exec' ? 'run by' : edge.kind === 'reference' ? 'named in' : 'imported by';
  return aboutFile(edge.to!, `${verb} ${edge.from}:${edge.line}`);
};

/** Every sentence names its subject (the root file, then each file along the way), so the chain reads on its own. */
const chainEvidence = (reached: Reached): string[] => [reached.root.evidence, ...reached.path.map(hopSentence)];

const lastChangeNote = (file: FileRecord): string[] => (file.lastChange ? [`last commit ${file.lastChange}`] : []);

/** Why nothing reaches a file: its importers (if any, all unreached) and the kinds of root checked. */
const deadEvidence = (file: FileRecord, incoming: Edge[]): string[] => {
  const importers = sortedUnique(incoming.filter((e) => e.kind !== 'doc-mention').map((e) => e.from));
  const first = importers.length === 0
    ? `${file.path} is not imported, run or referenced by any file`
    : `${file.path} is only used by files that are dead themselves: ${importers.slice(0, MAX_NAMED_IMPORTERS).join(', ')}${importers.length > MAX_NAMED_IMPORTERS ? ` and ${importers.length - MAX_NAMED_IMPORTERS} more` : ''}`;
  return [first, 'no entry point, test rule, docs mention or runnable marker reaches it', ...lastChangeNote(file)];
};

export interface Classification {
  verdicts: Map<string, { verdict: Verdict; evidence: string[] }>;
}

export const classify = (files: FileRecord[], edges: Edge[], entries: Entry[]): Classification => {
  const sourceFiles = new Set(files.filter((f) => isSourceLanguage(f.language)).map((f) => f.path));
  const reachable = new Set(files.filter((f) => isReachableLanguage(f.language)).map((f) => f.path));
  const adjacency = followableEdges(edges);
  const reached = reachByTier(reachable, adjacency, rootsByTier(files, edges, entries), projectLocator(files));
  const incoming = new Map<string, Edge[]>();
  for (const e of edges) if (e.to !== null && e.to !== e.from) (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push(e);

  const verdicts: Classification['verdicts'] = new Map();
  for (const file of files) {
    if (!sourceFiles.has(file.path)) continue;
    const r = reached.get(file.path);
    if (r) {
      const evidence = chainEvidence(r);
      if (r.verdict === 'manual' || r.verdict === 'documented') evidence.push(...lastChangeNote(file));
      verdicts.set(file.path, { verdict: r.verdict, evidence });
    } else {
      verdicts.set(file.path, { verdict: 'dead', evidence: deadEvidence(file, incoming.get(file.path) ?? []) });
    }
  }
  return { verdicts };
};
