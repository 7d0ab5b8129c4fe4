/** Draws a graph model as SVG: nodes in layered columns, curved edges, click and keyboard to select. */
import type { App } from './app-types.js';
import { h, svg } from './dom.js';
import { layeredLayout } from './graph-layout.js';
import type { GraphModel } from './graph-model.js';
import { truncate } from './legend.js';
import { verdictNames } from './model.js';
import { enablePanZoom } from './pan-zoom.js';

export function graphGeometry(): { column: number; row: number; width: number; height: number; margin: number } {
  return { column: 226, row: 30, width: 176, height: 22, margin: 20 };
}

export interface DrawnGraph {
  key: string;
  model: GraphModel;
  wrap: HTMLElement;
  svg: SVGSVGElement;
  edgeLayer: SVGElement;
  nodeEls: SVGElement[];
  edgeEls: SVGElement[];
  pos: { x: number; y: number }[];
  box: { width: number; height: number };
}

/** From the right side of one node to the left side of another; within one column, an arc on the right. */
export function edgePath(x1: number, y1: number, x2: number, y2: number, sameColumn: boolean): string {
  if (sameColumn) {
    const bulge = 30 + Math.min(120, Math.abs(y2 - y1) / 4);
    return `M${x1},${y1} C${x1 + bulge},${y1} ${x2 + bulge},${y2} ${x2},${y2}`;
  }
  const dx = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
}

export function arrowMarker(id: string): SVGElement {
  return svg(
    'marker',
    { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    svg('path', { d: 'M0,0L10,5L0,10z' }),
  );
}

export function drawGraph(app: App, g: GraphModel, key: string): DrawnGraph {
  const geo = graphGeometry();
  const distinct = [...new Set(g.nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const layers = g.nodes.map((n) => distinct.indexOf(n.layer));
  const layout = layeredLayout({ layers, edges: g.edges.map((e): [number, number] => [e.from, e.to]) });
  const maxRows = layout.layerSizes.reduce((m, s) => Math.max(m, s), 1);
  const pos = g.nodes.map((_, i) => ({
    x: geo.margin + layout.layer[i] * geo.column,
    y: geo.margin + (layout.row[i] + (maxRows - layout.layerSizes[layout.layer[i]]) / 2) * geo.row,
  }));
  const box = { width: geo.margin * 2 + Math.max(0, distinct.length - 1) * geo.column + geo.width, height: geo.margin * 2 + maxRows * geo.row };
  const root = svg('svg', { class: g.aggregated ? 'graph aggregated' : 'graph', viewBox: `0 0 ${box.width} ${box.height}`, role: 'img', 'aria-label': 'graph of files and their links' }) as SVGSVGElement;
  root.appendChild(svg('defs', {}, arrowMarker('arrow'), arrowMarker('arrow-chain')));
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(edgeLayer, nodeLayer);

  const edgeEls = g.edges.map((e, i) => {
    const a = pos[e.from];
    const b = pos[e.to];
    const sentences = e.edges.slice(0, 3).map((m) => `${app.model.files[app.model.edges[m].from].path} → ${app.model.files[app.model.edges[m].to].path}`);
    const title = e.edges.length > 3 ? `${sentences.join('\n')}\n… ${e.edges.length} links` : sentences.join('\n');
    const el = svg('path', { class: `edge e-${e.kind}`, 'data-edge': i, d: edgePath(a.x + geo.width, a.y + geo.height / 2, a.x === b.x ? b.x + geo.width : b.x, b.y + geo.height / 2, a.x === b.x), 'marker-end': 'url(#arrow)' }, svg('title', {}, title));
    edgeLayer.appendChild(el);
    return el;
  });
  const nodeEls = g.nodes.map((n, i) => {
    const title = n.folder
      ? `${n.key || '(root)'}/ — ${n.files.length} files: ${Object.keys(n.counts).map((v) => `${n.counts[v]} ${v}`).join(', ')}`
      : `${n.key} — ${n.verdict === 'other' ? 'config or docs' : n.verdict}`;
    const el = svg(
      'g',
      { class: `node n-${n.verdict}${n.folder ? ' folder' : ''}`, 'data-node': i, [n.folder ? 'data-folder' : 'data-file']: n.key, transform: `translate(${pos[i].x},${pos[i].y})`, tabindex: 0, role: 'button' },
      svg('title', {}, title),
      svg('rect', { width: geo.width, height: geo.height, rx: 4 }),
      svg('text', { x: 6, y: 15 }, truncate(n.label, 27)),
    );
    if (n.folder) {
      let x = 0;
      for (const v of [...verdictNames(), 'other']) {
        const w = ((n.counts[v] ?? 0) / n.files.length) * geo.width;
        if (w > 0) el.appendChild(svg('rect', { class: `bar b-${v}`, x, y: geo.height - 4, width: w, height: 4 }));
        x += w;
      }
    }
    nodeLayer.appendChild(el);
    return el;
  });

  const activate = (target: EventTarget | null) => {
    const el = (target as Element | null)?.closest?.('[data-node]');
    if (!el) return;
    const node = g.nodes[Number(el.getAttribute('data-node'))];
    if (node.folder) app.go({ folder: node.key, file: '' });
    else app.go({ file: node.key });
  };
  root.addEventListener('click', (event) => activate(event.target));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') activate(event.target);
  });
  enablePanZoom(root);
  const wrap = h('div', { class: 'graph-wrap' });
  wrap.appendChild(root);
  return { key, model: g, wrap, svg: root, edgeLayer, nodeEls, edgeEls, pos, box };
}
