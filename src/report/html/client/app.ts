/** The page's entry point: read the embedded data, build the tabs, and render the route. */
import type { PageData } from '../page-data.js';
import type { App } from './app-types.js';
import { renderDetail } from './detail.js';
import { byId, clear, h } from './dom.js';
import { renderDuplicates } from './duplicates-panel.js';
import { renderGraph } from './graph.js';
import { renderImports } from './imports-panel.js';
import { buildModel } from './model.js';
import { renderOverview } from './overview.js';
import { formatFragment, parseFragment, withRoute, type RouteState } from './route.js';
import { renderTable } from './table.js';
import { renderTreemap } from './treemap.js';

export function viewList(app: App): [string, string, (app: App) => void][] {
  const views: [string, string, (app: App) => void][] = [
    ['overview', 'Overview', renderOverview],
    ['treemap', 'Treemap', renderTreemap],
    ['graph', 'Graph', renderGraph],
    ['files', 'Files', renderTable],
  ];
  if (app.model.data.imports) views.push(['imports', 'Imports', renderImports]);
  if (app.model.data.duplicates) views.push(['duplicates', 'Duplicates', renderDuplicates]);
  return views;
}

export function renderTabs(app: App): void {
  const tabs = byId('tabs');
  clear(tabs);
  for (const [id, label] of viewList(app)) {
    const current = app.state.view === id;
    tabs.appendChild(h('a', { href: app.link({ view: id }), class: current ? 'tab on' : 'tab', 'data-view': id, 'aria-current': current ? 'page' : undefined }, label));
  }
}

export function showRoute(app: App): void {
  const state = parseFragment(location.hash);
  const views = viewList(app);
  if (!views.some(([id]) => id === state.view)) state.view = 'overview';
  if (state.file && !app.model.byPath.has(state.file)) state.file = '';
  app.state = state;
  renderTabs(app);
  const render = views.find(([id]) => id === state.view)![2];
  try {
    render(app);
    renderDetail(app);
  } catch (error) {
    app.viewRoot.appendChild(h('p', { class: 'note' }, `This view failed to render: ${String(error)}`));
    throw error;
  }
  document.body.dataset.view = state.view;
  // A render counter lets tests (and scripts) wait for a route to be drawn.
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? '0') + 1);
}

export function censusMain(): void {
  const data = JSON.parse(byId('census-data').textContent ?? '{}') as PageData;
  const app: App = {
    model: buildModel(data),
    state: parseFragment(''),
    go(change: Partial<RouteState>, replace?: boolean) {
      const fragment = formatFragment(withRoute(app.state, change));
      if (replace) {
        history.replaceState(null, '', fragment);
        showRoute(app);
      } else if (fragment !== location.hash) {
        location.hash = fragment;
      }
    },
    link: (change: Partial<RouteState>) => formatFragment(withRoute(app.state, change)),
    viewRoot: byId('view'),
    detailRoot: byId('detail'),
    cache: {},
  };
  window.addEventListener('hashchange', () => showRoute(app));
  showRoute(app);
  document.body.dataset.ready = 'true';
}
