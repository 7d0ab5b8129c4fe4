/** Duplicate clusters: copies, diverged copies, shared blocks and possible overlaps, with the keeper. */
import type { App } from './app-types.js';
import { clear, formatNumber, h } from './dom.js';
import type { PageDuplicateCluster } from '../page-data.js';

export function clusterCard(app: App, c: PageDuplicateCluster): HTMLElement {
  const actions = new Map(c.actions.map((a) => [a.file, a.action]));
  const ranges = new Map((c.ranges ?? []).map((r) => [r.file, `lines ${r.start}–${r.end}`]));
  return h(
    'article',
    { class: 'cluster', 'data-kind': c.kind },
    h('h3', {}, h('span', { class: 'bucket' }, c.kind), ` ${c.files.length} files, ${Math.round(c.similarity * 100)}% alike`),
    h('ul', {}, ...c.files.map((file) =>
      h('li', { class: file === c.keep ? 'keep' : undefined },
        h('a', { href: app.link({ file }) }, file),
        ranges.has(file) ? ` (${ranges.get(file)})` : '',
        actions.has(file) ? h('span', { class: 'sub' }, ` — ${actions.get(file)}`) : ''))),
    h('p', { class: 'sub' }, c.reason),
    c.sharedTerms && c.sharedTerms.length > 0 ? h('p', { class: 'sub' }, `shared terms: ${c.sharedTerms.join(', ')}`) : '',
  );
}

export function renderDuplicates(app: App): void {
  const view = app.viewRoot;
  clear(view);
  const d = app.model.data.duplicates;
  if (!d) {
    view.appendChild(h('p', { class: 'note' }, 'This audit has no duplicate analysis.'));
    return;
  }
  const kinds = [...new Set(d.clusters.map((c) => c.kind))];
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'kinds' }, h('a', { class: `chip${app.state.kind ? '' : ' on'}`, href: app.link({ kind: '' }) }, 'all'));
  for (const kind of kinds) {
    const n = d.clusters.filter((c) => c.kind === kind).length;
    chips.appendChild(h('a', { class: `chip${app.state.kind === kind ? ' on' : ''}`, href: app.link({ kind }), 'data-kind': kind }, `${kind} ${n}`));
  }
  const shown = d.clusters.filter((c) => !app.state.kind || c.kind === app.state.kind);
  view.append(
    h('h2', {}, 'Duplicates'),
    h('p', { class: 'info' }, `${formatNumber(d.totalClusters)} clusters among ${formatNumber(d.filesCompared)} files compared${d.clusters.length < d.totalClusters ? `; the first ${formatNumber(d.clusters.length)} are listed` : ''}. The file to keep is marked.`),
    chips,
    h('div', { class: 'clusters' }, ...shown.map((c) => clusterCard(app, c))),
  );
}
