/**
 * Tiered reachability: for each tier in order, a breadth-first walk from all its roots at once
 * over files no earlier tier has claimed. BFS gives every file its shortest chain; the parent
 * pointers are the evidence.
 */
import type { Edge } from '../model/edge.js';
import type { Verdict } from '../model/verdict.js';
import { byString } from '../util/compare.js';
import type { Root } from './roots.js';

export interface Reached {
  verdict: Verdict;
  /** The root that starts the chain. */
  root: Root;
  /** Edges from the root's file to this file, in order (empty for the root itself). */
  path: Edge[];
}

/** Outgoing edges per file that carry reachability (a doc mention is a root, not a hop). */
export const followableEdges = (edges: Edge[]): Map<string, Edge[]> => {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    if (e.to === null || e.kind === 'doc-mention' || e.to === e.from) continue;
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  for (const list of out.values()) list.sort((a, b) => byString(a.to!, b.to!) || a.line - b.line);
  return out;
};

export const reachByTier = (
  sourceFiles: ReadonlySet<string>,
  adjacency: Map<string, Edge[]>,
  tiers: [Verdict, Root[]][],
): Map<string, Reached> => {
  const reached = new Map<string, Reached>();
  for (const [verdict, roots] of tiers) {
    let frontier: string[] = [];
    for (const root of roots) {
      if (reached.has(root.file) || !sourceFiles.has(root.file)) continue;
      reached.set(root.file, { verdict, root, path: [] });
      frontier.push(root.file);
    }
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const file of frontier) {
        const from = reached.get(file)!;
        for (const edge of adjacency.get(file) ?? []) {
          const to = edge.to!;
          if (reached.has(to) || !sourceFiles.has(to)) continue;
          reached.set(to, { verdict, root: from.root, path: [...from.path, edge] });
          next.push(to);
        }
      }
      frontier = next;
    }
  }
  return reached;
};
