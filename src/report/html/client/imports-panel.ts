/** Import findings: the environment checked, root causes ranked, and every finding by bucket. */
import type { App } from './app-types.js';
import { clear, formatNumber, h } from './dom.js';

export function bucketChips(app: App, counts: Record<string, number>): HTMLElement {
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'buckets' });
  const all = h('a', { class: `chip${app.state.bucket ? '' : ' on'}`, href: app.link({ bucket: '' }) }, 'all');
  chips.appendChild(all);
  for (const bucket of Object.keys(counts)) {
    if (!counts[bucket]) continue;
    chips.appendChild(h('a', { class: `chip k-${bucket}${app.state.bucket === bucket ? ' on' : ''}`, href: app.link({ bucket }), 'data-bucket': bucket }, `${bucket} ${formatNumber(counts[bucket])}`));
  }
  return chips;
}

export function renderImports(app: App): void {
  const view = app.viewRoot;
  clear(view);
  const imports = app.model.data.imports;
  if (!imports) {
    view.appendChild(h('p', { class: 'note' }, 'This audit has no import findings.'));
    return;
  }
  const env = imports.environment;
  view.append(
    h('h2', {}, 'Import findings'),
    h('p', { class: 'info' }, `Python: ${env.note}`),
    env.javascript ? h('p', { class: 'info' }, `JavaScript/TypeScript: ${env.javascript.note}`) : '',
    bucketChips(app, imports.counts),
  );
  const bucket = app.state.bucket;
  const causes = imports.rootCauses.filter((c) => !bucket || c.bucket === bucket);
  if (causes.length > 0) {
    view.append(
      h('h3', {}, `Root causes (${causes.length})`),
      h('table', { class: 'causes-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'root cause'), h('th', {}, 'bucket'), h('th', { class: 'num' }, 'imports'), h('th', { class: 'num' }, 'files affected'), h('th', {}, 'what to do'))),
        h('tbody', {}, ...causes.map((c) => h('tr', {}, h('td', {}, h('strong', {}, c.name), h('br'), h('span', { class: 'sub' }, c.message)), h('td', {}, h('span', { class: `bucket k-${c.bucket}` }, c.bucket)), h('td', { class: 'num' }, formatNumber(c.directImports)), h('td', { class: 'num' }, formatNumber(c.affectedFiles)), h('td', {}, c.action))))),
    );
  }
  const findings = imports.findings.filter((f) => !bucket || f[4] === bucket);
  const files = app.model.files;
  view.append(
    h('h3', {}, `Findings (${formatNumber(findings.length)}${imports.findings.length < imports.totalFindings ? ` of the first ${formatNumber(imports.findings.length)}; ${formatNumber(imports.totalFindings)} in the audit` : ''})`),
    h('table', { class: 'findings' },
      h('thead', {}, h('tr', {}, h('th', {}, 'file'), h('th', {}, 'import'), h('th', {}, 'bucket'), h('th', {}, 'root cause'), h('th', {}, 'detail'))),
      h('tbody', {}, ...findings.map((f) => {
        const path = f[0] >= 0 ? files[f[0]].path : '';
        return h('tr', {},
          h('td', {}, path ? h('a', { href: app.link({ file: path }) }, `${path}:${f[1]}`) : `?:${f[1]}`),
          h('td', {}, h('code', {}, f[2]), f[3] ? ` (${f[3]})` : ''),
          h('td', {}, h('span', { class: `bucket k-${f[4]}` }, f[4]), f[6] ? '' : ' (does not break loading)'),
          h('td', {}, f[5]),
          h('td', {}, f[7]));
      }))),
  );
}
