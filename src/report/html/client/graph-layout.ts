/**
 * A layered (left-to-right) layout: each node has a given layer (its distance from an entry
 * point), and rows within a layer are ordered by a few barycentre sweeps so edges cross less.
 * Pure: nodes and edges in, a row per node out. Deterministic for the same input.
 */

export interface LayoutInput {
  /** Layer of each node (0 = leftmost). */
  layers: number[];
  /** Edges as [from, to] node indices. */
  edges: [number, number][];
}

export interface LayoutResult {
  layer: number[];
  row: number[];
  /** Rows in each layer. */
  layerSizes: number[];
}

export function layeredLayout(input: LayoutInput): LayoutResult {
  const n = input.layers.length;
  const layerCount = input.layers.reduce((max, l) => Math.max(max, l + 1), 0);
  const members: number[][] = Array.from({ length: layerCount }, () => []);
  for (let i = 0; i < n; i++) members[input.layers[i]].push(i);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of input.edges) {
    if (a === b) continue;
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  const row = new Array<number>(n).fill(0);
  const place = () => members.forEach((m) => m.forEach((node, r) => (row[node] = r)));
  place();
  // Positions compared across layers of different sizes: the centre of the row, as a share of its layer.
  const position = (node: number) => (row[node] + 0.5) / members[input.layers[node]].length;
  const sweep = (layerOrder: number[], isReference: (node: number, layer: number) => boolean) => {
    for (const l of layerOrder) {
      const key = new Map<number, number>();
      for (const node of members[l]) {
        const refs = neighbours[node].filter((m) => isReference(m, l));
        key.set(node, refs.length === 0 ? position(node) : refs.reduce((s, m) => s + position(m), 0) / refs.length);
      }
      members[l].sort((a, b) => key.get(a)! - key.get(b)! || row[a] - row[b]);
      members[l].forEach((node, r) => (row[node] = r));
    }
  };
  const down = members.map((_, l) => l);
  const up = [...down].reverse();
  for (let i = 0; i < 4; i++) {
    sweep(down, (m, l) => input.layers[m] < l);
    sweep(up, (m, l) => input.layers[m] > l);
  }
  return { layer: [...input.layers], row, layerSizes: members.map((m) => m.length) };
}
