/** The verdict colour key shown beside the treemap and the graph. */
import { h } from './dom.js';
import { verdictLabel } from './filters.js';
import { verdictNames } from './model.js';

export function verdictLegend(includeOther: boolean): HTMLElement {
  const legend = h('div', { class: 'legend', 'aria-label': 'colour key' });
  for (const v of includeOther ? [...verdictNames(), 'other'] : verdictNames()) {
    legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: `swatch b-${v}` }), verdictLabel(v)));
  }
  return legend;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
