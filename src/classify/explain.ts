/**
 * `census why`: every chain that reaches a file, from the Audit alone. Walks incoming edges
 * backwards to roots of any tier, shortest chains first, up to a limit; the chain that decided
 * the verdict (the record's evidence) always comes first, even when the search would not reach it.
 */
import type { Audit } from '../model/audit.js';
import type { Edge } from '../model/edge.js';
import type { Verdict } from '../model/verdict.js';
import type { Chain } from '../model/why.js';
import { rootsByTier, type Root } from './roots.js';
import { splitLastCommit } from '../util/last-commit.js';
import { hopSentence } from './verdicts.js';

const MAX_DEPTH = 16;

const sameSentences = (a: string[], b: string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/** The record's evidence as a chain: its sentences without the `last commit` note manual and documented files carry. */
const decidingChain = (audit: Pick<Audit, 'files'>, file: string): Chain | null => {
  const record = audit.files.find((f) => f.path === file);
  if (!record?.verdict || record.verdict === 'dead' || !record.evidence?.length) return null;
  const { sentences } = splitLastCommit(record);
  return sentences.length > 0 ? { tier: record.verdict, sentences } : null;
};

/** The deciding chain first, then the others in search order. */
const decidingFirst = (chains: Chain[], deciding: Chain | null, limit: number): Chain[] => {
  if (deciding === null || limit <= 0) return chains.slice(0, limit);
  const rest = chains.filter((c) => !(c.tier === deciding.tier && sameSentences(c.sentences, deciding.sentences)));
  return [deciding, ...rest].slice(0, limit);
};

/** What the chain search needs from an Audit, built once: a long-lived reader (census mcp) keeps it. */
export interface ChainIndex {
  incoming: Map<string, Edge[]>;
  rootsOf: Map<string, { tier: Verdict; root: Root }[]>;
}

export const chainIndex = (audit: Pick<Audit, 'files' | 'edges' | 'entries'>): ChainIndex => {
  const incoming = new Map<string, Edge[]>();
  for (const e of audit.edges) {
    if (e.to === null || e.kind === 'doc-mention' || e.to === e.from) continue;
    (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push(e);
  }
  const rootsOf = new Map<string, { tier: Verdict; root: Root }[]>();
  for (const [tier, roots] of rootsByTier(audit.files, audit.edges, audit.entries)) {
    for (const root of roots) (rootsOf.get(root.file) ?? rootsOf.set(root.file, []).get(root.file)!).push({ tier, root });
  }
  return { incoming, rootsOf };
};

export const allChains = (audit: Pick<Audit, 'files' | 'edges' | 'entries'>, file: string, limit: number, index: ChainIndex = chainIndex(audit)): Chain[] => {
  const { incoming, rootsOf } = index;
  // Breadth-first over backward paths so shorter chains come first.
  const chains: Chain[] = [];
  let frontier: { at: string; hops: Edge[]; visited: Set<string> }[] = [{ at: file, hops: [], visited: new Set([file]) }];
  // Only the first `width` states of each level are followed: building more (a hub file has
  // thousands of importers) would be work thrown away.
  const width = limit * 50;
  for (let depth = 0; depth <= MAX_DEPTH && frontier.length > 0 && chains.length < limit; depth++) {
    const next: typeof frontier = [];
    for (const state of frontier) {
      for (const { tier, root } of rootsOf.get(state.at) ?? []) {
        if (chains.length >= limit) break;
        // A root that claims only its own file (roots.ts ownFileOnly) starts no chain to another file.
        if (root.ownFileOnly === true && state.hops.length > 0) continue;
        chains.push({ tier, sentences: [root.evidence, ...state.hops.map(hopSentence)] });
      }
      for (const e of incoming.get(state.at) ?? []) {
        if (next.length >= width) break;
        if (state.visited.has(e.from)) continue;
        next.push({ at: e.from, hops: [e, ...state.hops], visited: new Set([...state.visited, e.from]) });
      }
    }
    frontier = next;
  }
  return decidingFirst(chains, decidingChain(audit, file), limit);
};
