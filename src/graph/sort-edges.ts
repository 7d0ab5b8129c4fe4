/**
 * The Audit's order of edges: by importer (`from`), then line, specifier, target and kind, ties in
 * the order the stages made them (a stable sort). One `sort` of every edge compared the importers'
 * paths at each step: at 100k files (1.17 M edges, most of them between files whose paths share a
 * long prefix) that sort was about 2 s of the main thread, most of it string comparisons whose
 * strings lay scattered in the heap. Here each distinct importer is compared only while its own
 * names are sorted (one path per file); the edges are then placed by importer in one stable pass,
 * and each importer's few edges are sorted alone, only when the stages did not already make them
 * in order (an importer's imports come in line order from its facts).
 *
 * The result is the one `edges.sort(compare)` gives, for a `compare` that orders by `from`
 * (`byString`) first and is consistent: a stable sort orders equal keys by input order, the pass keeps input order
 * within an importer, and each importer's run is sorted stably by the same comparator.
 */
import type { Edge } from '../model/edge.js';
import { byString } from '../util/compare.js';

/** A run this short is sorted in place by insertion (stable); a longer one by `Array.prototype.sort`. */
const INSERTION_RUN = 16;

/**
 * Below this many edges one `sort` is cheaper: saleor's 53,443 edges took 16-18 ms to sort, this
 * function 26-28 ms on its first run (interpreted; 11 ms warm); at 1.17 M edges 2,058 ms against 395.
 */
const PLACED_FROM = 200_000;

/** The Audit's order of edges. */
export const compareEdges = (a: Edge, b: Edge): number =>
  byString(a.from, b.from) || a.line - b.line || byString(a.specifier, b.specifier) || byString(a.to ?? '', b.to ?? '') || byString(a.kind, b.kind);

/** `edges.sort(compareEdges)`'s order (the list itself is sorted when it is short, a new list made when long). */
export const sortEdges = (edges: Edge[]): Edge[] => (edges.length < PLACED_FROM ? edges.sort(compareEdges) : placedByImporter(edges, compareEdges));

/** Exported for the test that holds it to `sort`'s order at any size. */
export const placedByImporter = (edges: Edge[], compare: (a: Edge, b: Edge) => number): Edge[] => {
  const n = edges.length;
  // Each edge's importer as the index of its first appearance; the importers in that order.
  const indexOf = new Map<string, number>();
  const importers: string[] = [];
  const importerOf = new Int32Array(n);
  let lastFrom: string | undefined;
  let lastAt = -1;
  for (let i = 0; i < n; i++) {
    const from = edges[i].from;
    // an importer's edges mostly come together (its imports, then its code edges): one lookup for each stretch
    if (from === lastFrom) {
      importerOf[i] = lastAt;
      continue;
    }
    let at = indexOf.get(from);
    if (at === undefined) {
      at = importers.length;
      indexOf.set(from, at);
      importers.push(from);
    }
    importerOf[i] = at;
    lastFrom = from;
    lastAt = at;
  }
  // Where each importer's run starts in the sorted list.
  const order = importers.map((_, i) => i).sort((a, b) => byString(importers[a], importers[b]));
  const start = new Int32Array(importers.length + 1);
  const count = new Int32Array(importers.length);
  for (let i = 0; i < n; i++) count[importerOf[i]]++;
  let offset = 0;
  for (const at of order) {
    start[at] = offset;
    offset += count[at];
  }
  const runStarts = order.map((at) => start[at]);
  runStarts.push(n);
  const sorted = new Array<Edge>(n);
  for (let i = 0; i < n; i++) sorted[start[importerOf[i]]++] = edges[i];
  for (let r = 0; r + 1 < runStarts.length; r++) sortRun(sorted, runStarts[r], runStarts[r + 1], compare);
  return sorted;
};

/** Sorts `list[from..to)` stably by `compare`, leaving a run that is already in order as it is. */
const sortRun = (list: Edge[], from: number, to: number, compare: (a: Edge, b: Edge) => number): void => {
  let ordered = true;
  for (let i = from + 1; i < to && ordered; i++) {
    // one importer's edges: a lower line orders the pair as `compare` would, without the call
    const byLine = list[i - 1].line - list[i].line;
    if (byLine < 0) continue;
    if (byLine > 0 || compare(list[i - 1], list[i]) > 0) ordered = false;
  }
  if (ordered) return;
  if (to - from <= INSERTION_RUN) {
    for (let i = from + 1; i < to; i++) {
      const edge = list[i];
      let j = i - 1;
      while (j >= from && compare(list[j], edge) > 0) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = edge;
    }
    return;
  }
  const run = list.slice(from, to).sort(compare);
  for (let i = 0; i < run.length; i++) list[from + i] = run[i];
};
