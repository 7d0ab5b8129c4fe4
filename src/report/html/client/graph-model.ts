/**
 * Which nodes and edges the graph view draws for the current filters: one node per file, or —
 * when more files pass the filters than a graph can show legibly — one node per folder, at the
 * deepest folder level that still fits, with edges counted between folders.
 */
import { matchesFilters } from './filters.js';
import type { Model } from './model.js';
import { verdictNames } from './model.js';
import type { RouteState } from './route.js';

export interface GraphNode {
  /** A file path, or a folder path for folder nodes. */
  key: string;
  label: string;
  folder: boolean;
  files: number[];
  /** Files per verdict (folder nodes), for the stacked bar and the tooltip. */
  counts: Record<string, number>;
  /** The verdict that colours the node: the file's own, or the folder's most reached one. */
  verdict: string;
  layer: number;
}

export interface GraphEdge {
  from: number;
  to: number;
  kind: string;
  /** Model edges this graph edge stands for. */
  edges: number[];
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  nodeOfFile: Map<number, number>;
  edgeOfModelEdge: Map<number, number>;
  /** Files that passed the filters. */
  fileCount: number;
  aggregated: boolean;
}

export function graphLimits(): { files: number; folders: number } {
  return { files: 300, folders: 150 };
}

/** Folder of `path` at most `depth` levels below `base` (the file's own folder when shallower). */
export function groupKey(path: string, base: string, depth: number): string {
  const rest = base ? path.slice(base.length + 1) : path;
  const dirs = rest.split('/').slice(0, -1);
  const own = dirs.slice(0, depth).join('/');
  return base && own ? `${base}/${own}` : base || own;
}

export function dominantVerdict(counts: Record<string, number>): string {
  // The first tier in verdict order with any file: a folder with one production file "is" production.
  for (const v of verdictNames()) if ((counts[v] ?? 0) > 0) return v;
  return 'other';
}

export function buildGraphModel(model: Model, state: RouteState): GraphModel {
  const limits = graphLimits();
  const shown = model.files.filter((f) => matchesFilters(f, state) && (f.verdict !== 'other' || f.incoming.length + f.outgoing.length > 0));
  const maxDepth = shown.reduce((m, f) => Math.max(m, f.depth), 0);
  const layerOf = (fileIndex: number) => {
    const f = model.files[fileIndex];
    if (f.verdict === 'other') return 0;
    return f.depth < 0 ? maxDepth + 2 : f.depth + 1;
  };
  let groupOf: (path: string) => string = (path) => path;
  const aggregated = shown.length > limits.files;
  if (aggregated) {
    let depth = 1;
    const count = (d: number) => new Set(shown.map((f) => groupKey(f.path, state.folder, d))).size;
    while (depth < 12 && count(depth + 1) <= limits.folders && count(depth + 1) > count(depth)) depth++;
    groupOf = (path) => groupKey(path, state.folder, depth);
  }

  const nodes: GraphNode[] = [];
  const nodeByKey = new Map<string, number>();
  const nodeOfFile = new Map<number, number>();
  for (const f of shown) {
    const key = groupOf(f.path);
    let n = nodeByKey.get(key);
    if (n === undefined) {
      n = nodes.length;
      nodeByKey.set(key, n);
      nodes.push({ key, label: aggregated ? `${key || '(root)'}/` : f.name, folder: aggregated, files: [], counts: {}, verdict: f.verdict, layer: 0 });
    }
    const node = nodes[n];
    node.files.push(f.index);
    node.counts[f.verdict] = (node.counts[f.verdict] ?? 0) + 1;
    nodeOfFile.set(f.index, n);
  }
  for (const node of nodes) {
    // A folder sits at the median depth of its reached files (its dead and wiring files do not pull
    // it), so folders spread out the way their files do; a file node sits at its own depth.
    const reached = node.files.filter((i) => model.files[i].verdict !== 'other' && model.files[i].verdict !== 'dead');
    const layers = (reached.length > 0 ? reached : node.files).map(layerOf).sort((a, b) => a - b);
    node.layer = layers[Math.floor((layers.length - 1) / 2)];
    if (aggregated) {
      node.verdict = dominantVerdict(node.counts);
      node.label = `${node.label} ${node.files.length}`;
    }
  }

  const edges: GraphEdge[] = [];
  const edgeByPair = new Map<string, number>();
  const edgeOfModelEdge = new Map<number, number>();
  for (const e of model.edges) {
    const a = nodeOfFile.get(e.from);
    const b = nodeOfFile.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    const pair = `${a}>${b}`;
    let g = edgeByPair.get(pair);
    if (g === undefined) {
      g = edges.length;
      edgeByPair.set(pair, g);
      edges.push({ from: a, to: b, kind: e.kind, edges: [] });
    }
    edges[g].edges.push(e.index);
    edgeOfModelEdge.set(e.index, g);
  }
  return { nodes, edges, nodeOfFile, edgeOfModelEdge, fileCount: shown.length, aggregated };
}
