/** The graph view: filters, the drawn graph, and the highlight of the selected file's chain and links. */
import type { App } from './app-types.js';
import { clear, formatNumber, h } from './dom.js';
import { renderFilterBar } from './filters.js';
import { drawGraph, graphGeometry, type DrawnGraph } from './graph-draw.js';
import { buildGraphModel } from './graph-model.js';
import { verdictLegend } from './legend.js';
import { chainOf } from './model.js';
import { revealPoint, zoomAround } from './pan-zoom.js';

/** Marks the selected file, its evidence chain and its direct links; returns a note when it is not drawn. */
export function highlightGraph(app: App, drawn: DrawnGraph): string {
  for (const el of [...drawn.svg.querySelectorAll('.on-chain, .neighbour, .selected')]) el.classList.remove('on-chain', 'neighbour', 'selected');
  for (const el of drawn.edgeEls) el.setAttribute('marker-end', 'url(#arrow)');
  drawn.svg.classList.remove('focus');
  const fileIndex = app.state.file ? app.model.byPath.get(app.state.file) : undefined;
  if (fileIndex === undefined) return '';
  const g = drawn.model;
  const node = g.nodeOfFile.get(fileIndex);
  if (node === undefined) return `${app.state.file} is not drawn with the current filters.`;
  const file = app.model.files[fileIndex];
  for (const e of [...file.incoming, ...file.outgoing]) {
    const ge = g.edgeOfModelEdge.get(e);
    if (ge === undefined) continue;
    drawn.edgeEls[ge].classList.add('neighbour');
    drawn.nodeEls[g.edges[ge].from].classList.add('neighbour');
    drawn.nodeEls[g.edges[ge].to].classList.add('neighbour');
  }
  const chain = chainOf(app.model, fileIndex);
  for (const f of chain.files) {
    const n = g.nodeOfFile.get(f);
    if (n !== undefined) drawn.nodeEls[n].classList.add('on-chain');
  }
  for (const e of chain.edges) {
    const ge = g.edgeOfModelEdge.get(e);
    if (ge === undefined) continue;
    const el = drawn.edgeEls[ge];
    el.classList.add('on-chain');
    el.setAttribute('marker-end', 'url(#arrow-chain)');
    drawn.edgeLayer.appendChild(el);
  }
  drawn.nodeEls[node].classList.add('selected');
  drawn.svg.classList.add('focus');
  const geo = graphGeometry();
  revealPoint(drawn.svg, drawn.pos[node].x + geo.width / 2, drawn.pos[node].y + geo.height / 2);
  return '';
}

export function graphToolbar(drawn: DrawnGraph): HTMLElement {
  const button = (label: string, title: string, act: () => void) => {
    const b = h('button', { type: 'button', class: 'tool', title }, label);
    b.addEventListener('click', act);
    return b;
  };
  const centre = () => {
    const box = drawn.svg.viewBox.baseVal;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  return h(
    'div',
    { class: 'toolbar' },
    button('+', 'zoom in', () => zoomAround(drawn.svg, 1 / 1.3, centre().x, centre().y)),
    button('−', 'zoom out', () => zoomAround(drawn.svg, 1.3, centre().x, centre().y)),
    button('fit', 'show the whole graph', () => drawn.svg.setAttribute('viewBox', `0 0 ${drawn.box.width} ${drawn.box.height}`)),
  );
}

export function renderGraph(app: App): void {
  const view = app.viewRoot;
  clear(view);
  view.appendChild(renderFilterBar(app, { search: true }));
  const { folder, lang, verdict, q } = app.state;
  const key = JSON.stringify([folder, lang, verdict, q]);
  let drawn = app.cache.graph as DrawnGraph | undefined;
  if (!drawn || drawn.key !== key) {
    drawn = drawGraph(app, buildGraphModel(app.model, app.state), key);
    app.cache.graph = drawn;
  }
  const g = drawn.model;
  const info = g.nodes.length === 0
    ? 'No file matches the filters.'
    : g.aggregated
      ? `${formatNumber(g.fileCount)} files are too many to draw one by one: each box is a folder (the bar shows its verdicts). Click a folder to open it, or narrow the filters.`
      : `${formatNumber(g.nodes.length)} files and ${formatNumber(g.edges.length)} links, entry points on the left, dead files on the right. Click a file for its evidence chain.`;
  view.appendChild(h('p', { class: 'info', id: 'graph-info' }, info));
  const note = h('p', { class: 'note', id: 'graph-note' });
  view.append(note, h('div', { class: 'graph-head' }, verdictLegend(true), graphToolbar(drawn)), drawn.wrap);
  // As tall as the graph needs at the view's width, within reason.
  const scale = drawn.wrap.clientWidth / drawn.box.width;
  drawn.svg.style.height = `${Math.round(Math.min(720, Math.max(360, drawn.box.height * Math.min(1, scale))))}px`;
  note.textContent = highlightGraph(app, drawn);
}
