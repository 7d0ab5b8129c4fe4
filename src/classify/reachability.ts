/**
 * Tiered reachability: for each tier in order, a breadth-first walk from all its roots at once
 * over files no earlier tier has claimed. BFS gives every file its shortest chain; the parent
 * pointers are the evidence. Among equally short chains the first in root order wins, unless a
 * later one starts from evidence in the file's own project and the first does not.
 */
import type { Edge } from '../model/edge.js';
import type { Verdict } from '../model/verdict.js';
import { byString } from '../util/compare.js';
import type { ProjectOf } from './projects.js';
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
  /** The files a chain may start at or pass through: source files, and docs that import code (MDX). */
  reachable: ReadonlySet<string>,
  adjacency: Map<string, Edge[]>,
  tiers: [Verdict, Root[]][],
  projectOf: ProjectOf,
): Map<string, Reached> => {
  const reached = new Map<string, Reached>();
  const atHome = (file: string, root: Root): boolean => projectOf(root.source) === projectOf(file);
  /** Whether `root` should replace the root of a chain of the same length already found for `file`. */
  const better = (file: string, root: Root): boolean => atHome(file, root) && !atHome(file, reached.get(file)!.root);
  for (const [verdict, roots] of tiers) {
    // Files reached at the current depth of this tier: only their chains may still be swapped.
    let level = new Set<string>();
    for (const root of roots) {
      if (!reachable.has(root.file)) continue;
      if (reached.has(root.file)) {
        if (level.has(root.file) && better(root.file, root)) reached.set(root.file, { verdict, root, path: [] });
        continue;
      }
      reached.set(root.file, { verdict, root, path: [] });
      level.add(root.file);
    }
    while (level.size > 0) {
      const next = new Set<string>();
      for (const file of level) {
        const from = reached.get(file)!;
        for (const edge of adjacency.get(file) ?? []) {
          const to = edge.to!;
          if (!reachable.has(to)) continue;
          if (reached.has(to)) {
            if (next.has(to) && better(to, from.root)) reached.set(to, { verdict, root: from.root, path: [...from.path, edge] });
            continue;
          }
          reached.set(to, { verdict, root: from.root, path: [...from.path, edge] });
          next.add(to);
        }
      }
      level = next;
    }
  }
  return reached;
};
