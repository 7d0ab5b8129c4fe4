/**
 * `census why`: every chain that reaches a file, from the Audit alone. Walks incoming edges
 * backwards to roots of any tier, shortest chains first, up to a limit.
 */
import type { Audit } from '../model/audit.js';
import type { Edge } from '../model/edge.js';
import type { Verdict } from '../model/verdict.js';
import type { Chain } from '../model/why.js';
import { rootsByTier, type Root } from './roots.js';

const MAX_DEPTH = 16;

const hop = (e: Edge): string => e.label ?? `${e.kind} from ${e.from}:${e.line}`;

export const allChains = (audit: Audit, file: string, limit: number): Chain[] => {
  const incoming = new Map<string, Edge[]>();
  for (const e of audit.edges) {
    if (e.to === null || e.kind === 'doc-mention' || e.to === e.from) continue;
    (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push(e);
  }
  const rootsOf = new Map<string, { tier: Verdict; root: Root }[]>();
  for (const [tier, roots] of rootsByTier(audit.files, audit.edges, audit.entries)) {
    for (const root of roots) (rootsOf.get(root.file) ?? rootsOf.set(root.file, []).get(root.file)!).push({ tier, root });
  }
  // Breadth-first over backward paths so shorter chains come first.
  const chains: Chain[] = [];
  let frontier: { at: string; hops: Edge[]; visited: Set<string> }[] = [{ at: file, hops: [], visited: new Set([file]) }];
  for (let depth = 0; depth <= MAX_DEPTH && frontier.length > 0 && chains.length < limit; depth++) {
    const next: typeof frontier = [];
    for (const state of frontier) {
      for (const { tier, root } of rootsOf.get(state.at) ?? []) {
        if (chains.length >= limit) break;
        chains.push({ tier, sentences: [root.evidence, ...state.hops.map(hop)] });
      }
      for (const e of incoming.get(state.at) ?? []) {
        if (state.visited.has(e.from)) continue;
        next.push({ at: e.from, hops: [e, ...state.hops], visited: new Set([...state.visited, e.from]) });
      }
    }
    frontier = next.slice(0, limit * 50);
  }
  return chains;
};
