/**
 * Tiered reachability: for each tier in order, a breadth-first walk from all its roots at once
 * over files no earlier tier has claimed. BFS gives every file its shortest chain; the parent
 * pointers are the evidence. Among equally short chains the first in root order wins, unless a
 * later one starts from evidence in the file's own project and the first does not.
 *
 * Files are numbered (their index in the scan's list) and the walk runs on arrays: keyed by path,
 * it asked several maps and sets about every edge, each ask hashing or comparing a path.
 */
import type { Edge } from '../model/edge.js';
import type { Verdict } from '../model/verdict.js';
import { byString } from '../util/compare.js';
import type { Root } from './roots.js';

/** The files and the edges the walk follows, by number. */
export interface FileGraph {
  /** Path → number: the index of the path's first record. */
  idOf: Map<string, number>;
  /** Per index in the list: the number of its path (its own index but for a path listed twice). */
  firstOf: Int32Array;
  /** Per edge (by its index in the scan's list): the number of its target when a chain may pass along it or a dead file names its importer by it, else -1. */
  targetOf: Int32Array;
  /** Per file: the edges a chain may take out of it, `adjacency[start[f]]` to `adjacency[start[f + 1]]`, by target path then line. */
  start: Int32Array;
  adjacency: Int32Array;
}

/** Whether a chain may pass along the edge (a doc mention is a root, not a hop) and a dead file's importers count it. */
const isFollowable = (e: Edge): boolean => e.to !== null && e.kind !== 'doc-mention' && e.to !== e.from;

/** Segments up to this long are put in order in place; a longer one (a generated file's imports) by `Array.prototype.sort`. */
const INSERTION_SORT_MAX = 32;

/** Path → number (the index of its first record), and per index the number of its path. */
const numberPaths = (paths: readonly string[]): { idOf: Map<string, number>; firstOf: Int32Array } => {
  const n = paths.length;
  const idOf = new Map<string, number>();
  const firstOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const known = idOf.get(paths[i]);
    if (known === undefined) idOf.set(paths[i], i);
    firstOf[i] = known ?? i;
  }
  return { idOf, firstOf };
};

/** Per file number, its place in path order: sorting by it is sorting by byString of the path. */
const pathRanks = (paths: readonly string[], idOf: Map<string, number>): Int32Array => {
  const order = Array.from(idOf.values()).sort((a, b) => byString(paths[a], paths[b]));
  const rank = new Int32Array(paths.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
};

/**
 * Per edge, its target's number (or -1) and, when a chain may take it, its source's (or -1); per
 * file, at `count[f + 1]`, how many edges a chain may take out of it.
 */
const edgeEnds = (idOf: Map<string, number>, reachable: (id: number) => boolean, edges: readonly Edge[], count: Int32Array): { targetOf: Int32Array; sourceOf: Int32Array } => {
  const targetOf = new Int32Array(edges.length).fill(-1);
  const sourceOf = new Int32Array(edges.length).fill(-1);
  // The scan's edges come by importer: one lookup per importer's run of edges, not one per edge.
  let lastFrom: string | undefined;
  let lastFromId: number | undefined;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!isFollowable(e)) continue;
    const to = idOf.get(e.to!);
    if (to === undefined) continue;
    targetOf[i] = to;
    if (!reachable(to)) continue;
    if (e.from !== lastFrom) {
      lastFrom = e.from;
      lastFromId = idOf.get(e.from);
    }
    const from = lastFromId;
    if (from === undefined || !reachable(from)) continue;
    sourceOf[i] = from;
    count[from + 1]++;
  }
  return { targetOf, sourceOf };
};

/** The followable edges by source, in edge order: `start` (counts on entry) becomes each file's first place. */
const groupBySource = (start: Int32Array, sourceOf: Int32Array, n: number): Int32Array => {
  for (let f = 0; f < n; f++) start[f + 1] += start[f];
  const adjacency = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (let i = 0; i < sourceOf.length; i++) if (sourceOf[i] >= 0) adjacency[fill[sourceOf[i]]++] = i;
  return adjacency;
};

/** Each file's edges in `adjacency` put in order by target path, then line, stably. */
const sortBySource = (adjacency: Int32Array, start: Int32Array, n: number, rank: Int32Array, targetOf: Int32Array, edges: readonly Edge[]): void => {
  const before = (a: number, b: number): number => rank[targetOf[a]] - rank[targetOf[b]] || edges[a].line - edges[b].line;
  for (let f = 0; f < n; f++) {
    const lo = start[f];
    const hi = start[f + 1];
    if (hi - lo < 2) continue;
    if (hi - lo > INSERTION_SORT_MAX) {
      adjacency.set(Array.from(adjacency.subarray(lo, hi)).sort(before), lo);
      continue;
    }
    // Insertion sort: stable, as the sort it replaces.
    for (let i = lo + 1; i < hi; i++) {
      const edge = adjacency[i];
      let j = i - 1;
      while (j >= lo && before(adjacency[j], edge) > 0) {
        adjacency[j + 1] = adjacency[j];
        j--;
      }
      adjacency[j + 1] = edge;
    }
  }
};

/**
 * The graph of `files` (paths) and `edges`. `reachable` says which files a chain may start at or
 * pass through: the adjacency holds only edges between two of them, in the order a walk must
 * take them (each file's edges sorted by target path, then line, stably). Each loop is a function
 * of its own: V8 optimizes a long loop while it runs, and the loops after it in one function, not
 * yet run, threw that code away as soon as it ended (three to five compiles of the whole).
 */
export const fileGraph = (paths: readonly string[], reachable: (id: number) => boolean, edges: readonly Edge[]): FileGraph => {
  const n = paths.length;
  const { idOf, firstOf } = numberPaths(paths);
  const rank = pathRanks(paths, idOf);
  const start = new Int32Array(n + 1);
  const { targetOf, sourceOf } = edgeEnds(idOf, reachable, edges, start);
  const adjacency = groupBySource(start, sourceOf, n);
  sortBySource(adjacency, start, n, rank, targetOf, edges);
  return { idOf, firstOf, targetOf, start, adjacency };
};

/** Where the walk got: per file number, the tier (its index in the tiers given, -1 when none) and the chain. */
export interface Reach {
  tierOf: Int8Array;
  /** The root that starts the file's chain. */
  rootOf: (Root | undefined)[];
  /** The file the chain comes from (-1 at the root) and the edge (its index) it takes from there. */
  parentOf: Int32Array;
  viaOf: Int32Array;
}

/** The edges from the root's file to `file`, in order (empty for the root itself). */
export const pathOf = (reach: Reach, edges: readonly Edge[], file: number): Edge[] => {
  const path: Edge[] = [];
  for (let f = file; reach.parentOf[f] >= 0; f = reach.parentOf[f]) path.push(edges[reach.viaOf[f]]);
  return path.reverse();
};

export const reachByTier = (
  graph: FileGraph,
  /** The files a chain may start at or pass through: source files, and docs that import code (MDX). */
  reachable: (id: number) => boolean,
  tiers: readonly (readonly Root[])[],
  /** Whether `root`'s evidence lies in the project of file `file`. */
  atHome: (file: number, root: Root) => boolean,
  /**
   * Edges (by index, 1) a chain may take only from tier `from` on: taken from a file an earlier
   * tier reached, they wait, and once tier `from`'s own walk ends, the targets it left go on from
   * there, their chains kept (an import a test swaps a fake into: test at most, nothing from a
   * dead importer, and a test's own chain to the fake first).
   */
  held?: { edges: Uint8Array; from: number },
): Reach => {
  const n = graph.start.length - 1;
  const { idOf, targetOf, start, adjacency } = graph;
  const reach: Reach = { tierOf: new Int8Array(n).fill(-1), rootOf: new Array<Root | undefined>(n), parentOf: new Int32Array(n).fill(-1), viaOf: new Int32Array(n).fill(-1) };
  const { tierOf, rootOf, parentOf, viaOf } = reach;
  /** Whether `root` should replace the root of a chain of the same length already found for `file`. */
  const better = (file: number, root: Root): boolean => atHome(file, root) && !atHome(file, rootOf[file]!);
  // The files reached at the current depth of a tier carry its stamp: only their chains may still be swapped.
  const stampOf = new Int32Array(n);
  let stamp = 0;
  const waiting: { file: number; edge: number }[] = [];
  for (let tier = 0; tier < tiers.length; tier++) {
    let level: number[] = [];
    stamp++;
    for (const root of tiers[tier]) {
      const file = idOf.get(root.file);
      if (file === undefined || !reachable(file)) continue;
      if (tierOf[file] >= 0) {
        if (stampOf[file] === stamp && better(file, root)) rootOf[file] = root;
        continue;
      }
      tierOf[file] = tier;
      rootOf[file] = root;
      stampOf[file] = stamp;
      level.push(file);
    }
    let released = held === undefined || tier !== held.from;
    for (;;) {
      if (level.length === 0) {
        if (released) break;
        // After the tier's own chains: a fake a test file reaches keeps that chain, not the swap's.
        released = true;
        stamp++;
        releaseHeld(reach, targetOf, waiting, level, tier, stampOf, stamp);
        continue;
      }
      const next: number[] = [];
      stamp++;
      for (const file of level) {
        const root = rootOf[file]!;
        // A root that claims only its own file (a module augmentation a tsconfig applies) starts no chain.
        if (root.ownFileOnly === true) continue;
        for (let k = start[file]; k < start[file + 1]; k++) {
          const edge = adjacency[k];
          const to = targetOf[edge];
          if (held !== undefined && tier < held.from && held.edges[edge] === 1) {
            waiting.push({ file, edge });
            continue;
          }
          if (tierOf[to] >= 0) {
            if (stampOf[to] === stamp && better(to, root)) {
              rootOf[to] = root;
              parentOf[to] = file;
              viaOf[to] = edge;
            }
            continue;
          }
          tierOf[to] = tier;
          rootOf[to] = root;
          parentOf[to] = file;
          viaOf[to] = edge;
          stampOf[to] = stamp;
          next.push(to);
        }
      }
      level = next;
    }
  }
  return reach;
};

/** The held edges' targets no earlier tier reached join `level` at `tier`, each by the first held edge that names it. */
const releaseHeld = (reach: Reach, targetOf: Int32Array, waiting: readonly { file: number; edge: number }[], level: number[], tier: number, stampOf: Int32Array, stamp: number): void => {
  for (const { file, edge } of waiting) {
    const to = targetOf[edge];
    if (reach.tierOf[to] >= 0) continue;
    reach.tierOf[to] = tier;
    reach.rootOf[to] = reach.rootOf[file];
    reach.parentOf[to] = file;
    reach.viaOf[to] = edge;
    stampOf[to] = stamp;
    level.push(to);
  }
};
