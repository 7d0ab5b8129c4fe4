/** The inventory table: every file with its verdict and evidence, filterable and sortable. */
import type { App } from './app-types.js';
import { clear, formatNumber, h } from './dom.js';
import { matchesFilters, renderFilterBar, verdictLabel } from './filters.js';
import type { ClientFile, Model } from './model.js';
import { evidenceOf, verdictNames } from './model.js';

export interface Column {
  key: string;
  label: string;
  /** Sorts ascending; null when the column does not sort. */
  compare: ((a: ClientFile, b: ClientFile) => number) | null;
  numeric?: boolean;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function tableColumns(): Column[] {
  const order = [...verdictNames(), 'other'];
  return [
    { key: 'path', label: 'File', compare: (a, b) => compareText(a.path, b.path) },
    { key: 'lang', label: 'Language', compare: (a, b) => compareText(a.language, b.language) || compareText(a.path, b.path) },
    { key: 'verdict', label: 'Verdict', compare: (a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || compareText(a.path, b.path) },
    { key: 'lines', label: 'Code lines', compare: (a, b) => a.codeLines - b.codeLines || compareText(a.path, b.path), numeric: true },
    { key: 'changed', label: 'Last change', compare: (a, b) => compareText(a.lastChange, b.lastChange) || compareText(a.path, b.path) },
    { key: 'summary', label: 'Summary', compare: null },
    { key: 'evidence', label: 'Evidence', compare: null },
  ];
}

export function tableRowLimit(): number {
  return 500;
}

export function sortedRows(model: Model, app: App): ClientFile[] {
  const rows = model.files.filter((f) => matchesFilters(f, app.state));
  const sort = app.state.sort || 'path';
  const descending = sort.startsWith('-');
  const column = tableColumns().find((c) => c.key === sort.replace(/^-/, '') && c.compare);
  if (column?.compare) {
    const compare = column.compare;
    rows.sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
  }
  return rows;
}

export function evidenceCell(model: Model, f: ClientFile): HTMLElement {
  const cell = h('td', { class: 'evidence' });
  for (const item of evidenceOf(model, f.index)) cell.appendChild(h('span', { class: item.hop ? 'hop' : 'sentence' }, item.hop ? `→ ${item.text}` : item.text));
  return cell;
}

export function tableRow(app: App, f: ClientFile): HTMLElement {
  const row = h(
    'tr',
    { 'data-file': f.path, class: f.path === app.state.file ? 'selected' : undefined },
    h('td', { class: 'path' }, h('a', { href: app.link({ file: f.path }) }, f.path)),
    h('td', {}, f.language),
    h('td', {}, h('span', { class: `badge b-${f.verdict}` }, verdictLabel(f.verdict))),
    h('td', { class: 'num' }, formatNumber(f.codeLines)),
    h('td', {}, f.lastChange),
    h('td', { class: 'summary' }, f.summary),
    evidenceCell(app.model, f),
  );
  return row;
}

export function renderTable(app: App): void {
  const view = app.viewRoot;
  clear(view);
  view.appendChild(renderFilterBar(app, { search: true }));
  const rows = sortedRows(app.model, app);
  const showAll = app.cache.tableShowAll === true;
  const shown = showAll ? rows : rows.slice(0, tableRowLimit());
  const sort = app.state.sort || 'path';
  const head = h('tr');
  for (const c of tableColumns()) {
    if (!c.compare) {
      head.appendChild(h('th', { scope: 'col' }, c.label));
      continue;
    }
    const active = sort.replace(/^-/, '') === c.key;
    const descending = active && sort.startsWith('-');
    const next = active && !descending ? `-${c.key}` : c.key;
    head.appendChild(
      h('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': active ? (descending ? 'descending' : 'ascending') : undefined },
        h('a', { href: app.link({ sort: next === 'path' ? '' : next }), 'data-sort': c.key }, c.label, active ? (descending ? ' ▾' : ' ▴') : '')),
    );
  }
  const body = h('tbody');
  for (const f of shown) body.appendChild(tableRow(app, f));
  view.append(
    h('p', { class: 'info', id: 'table-count' }, `${formatNumber(rows.length)} of ${formatNumber(app.model.files.length)} files${shown.length < rows.length ? `; the first ${formatNumber(shown.length)} are listed` : ''}`),
    h('table', { class: 'inventory' }, h('thead', {}, head), body),
  );
  if (shown.length < rows.length) {
    const more = h('button', { type: 'button', class: 'link-button' }, `list all ${formatNumber(rows.length)}`);
    more.addEventListener('click', () => {
      app.cache.tableShowAll = true;
      renderTable(app);
    });
    view.appendChild(more);
  }
}
