/** The filters the graph and the table share: folder, language, verdicts and a text query. */
import type { App } from './app-types.js';
import { formatNumber, h } from './dom.js';
import type { ClientFile } from './model.js';
import { verdictNames } from './model.js';
import type { RouteState } from './route.js';

export function verdictSet(state: RouteState): string[] {
  return state.verdict ? state.verdict.split(',').filter(Boolean) : [];
}

export function inFolder(path: string, folder: string): boolean {
  return !folder || path === folder || path.startsWith(`${folder}/`);
}

export function matchesFilters(f: ClientFile, state: RouteState): boolean {
  if (!inFolder(f.path, state.folder)) return false;
  if (state.lang && f.language !== state.lang) return false;
  const verdicts = verdictSet(state);
  if (verdicts.length > 0 && !verdicts.includes(f.verdict)) return false;
  if (state.q) {
    const q = state.q.toLowerCase();
    if (!f.path.toLowerCase().includes(q) && !f.summary.toLowerCase().includes(q)) return false;
  }
  return true;
}

export function toggleVerdict(state: RouteState, verdict: string): string {
  const set = verdictSet(state);
  const next = set.includes(verdict) ? set.filter((v) => v !== verdict) : [...set, verdict];
  const order = [...verdictNames(), 'other'];
  return next.sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(',');
}

export function verdictLabel(verdict: string): string {
  return verdict === 'other' ? 'config & docs' : verdict;
}

export function selectOf(name: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void): HTMLElement {
  const select = h('select', { name, 'aria-label': label }) as HTMLSelectElement;
  for (const [v, text] of options) {
    const option = h('option', { value: v }, text) as HTMLOptionElement;
    if (v === value) option.selected = true;
    select.appendChild(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { class: 'field' }, `${label} `, select);
}

export function renderFilterBar(app: App, options: { search: boolean }): HTMLElement {
  const { model, state } = app;
  const counts = new Map<string, number>();
  for (const f of model.files) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
  const selected = verdictSet(state);
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'verdicts' });
  for (const v of [...verdictNames(), 'other']) {
    const n = counts.get(v) ?? 0;
    if (n === 0) continue;
    const on = selected.includes(v);
    const chip = h(
      'button',
      { type: 'button', class: `chip${on ? ' on' : ''}`, 'data-verdict': v, 'aria-pressed': on ? 'true' : 'false' },
      h('span', { class: `swatch b-${v}` }),
      ` ${verdictLabel(v)} ${formatNumber(n)}`,
    );
    chip.addEventListener('click', () => app.go({ verdict: toggleVerdict(state, v) }));
    chips.appendChild(chip);
  }
  const bar = h(
    'div',
    { class: 'filters' },
    selectOf('folder', 'Folder', state.folder, [['', 'all folders'], ...model.folders.map((d): [string, string] => [d, `${d}/`])], (v) => app.go({ folder: v })),
    selectOf('lang', 'Language', state.lang, [['', 'all languages'], ...model.languages.map((l): [string, string] => [l, l])], (v) => app.go({ lang: v })),
    chips,
  );
  if (options.search) {
    const input = h('input', { type: 'search', name: 'q', placeholder: 'search paths and summaries', 'aria-label': 'search', value: state.q }) as HTMLInputElement;
    input.addEventListener('input', () => {
      app.cache.refocusSearch = true;
      app.go({ q: input.value }, true);
    });
    bar.appendChild(input);
    // Typing re-renders the view; keep the caret in the new box.
    if (app.cache.refocusSearch) {
      app.cache.refocusSearch = false;
      queueMicrotask(() => {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      });
    }
  }
  if (state.folder || state.lang || state.verdict || state.q) {
    const reset = h('button', { type: 'button', class: 'link-button' }, 'clear filters');
    reset.addEventListener('click', () => app.go({ folder: '', lang: '', verdict: '', q: '' }));
    bar.appendChild(reset);
  }
  return bar;
}
