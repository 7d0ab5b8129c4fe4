/** The overview: what was scanned, verdict counts, utilization, import root causes, duplicates. */
import type { App } from './app-types.js';
import { clear, formatNumber, h } from './dom.js';
import { verdictLabel } from './filters.js';
import { verdictNames } from './model.js';

export function card(title: string, ...children: (HTMLElement | string | null)[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function scanFacts(app: App): HTMLElement {
  const m = app.model.data.meta;
  const t = app.model.data.totals;
  const commit = m.commit ? `${m.commit.slice(0, 12)}${m.branch ? ` on ${m.branch}` : ''}${m.dirty ? ' (uncommitted changes)' : ''}` : 'not a git repository';
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'Repository'), h('dd', {}, m.root || '.'),
    h('dt', {}, 'Commit'), h('dd', { id: 'commit' }, commit),
    h('dt', {}, 'Scanned'), h('dd', {}, `${m.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} by ${m.tool} ${m.version}`),
    h('dt', {}, 'Files'), h('dd', {}, `${formatNumber(t.files)} files, ${formatNumber(t.sourceFiles)} of them source; ${formatNumber(t.edges)} links; ${formatNumber(t.unresolvedImports)} unresolved imports; ${formatNumber(t.warnings)} warnings`),
  );
}

export function verdictSummary(app: App): HTMLElement {
  const counts = new Map<string, { files: number; lines: number }>();
  for (const f of app.model.files) {
    const c = counts.get(f.verdict) ?? { files: 0, lines: 0 };
    c.files++;
    c.lines += f.codeLines;
    counts.set(f.verdict, c);
  }
  const sourceFiles = verdictNames().reduce((n, v) => n + (counts.get(v)?.files ?? 0), 0);
  const bar = h('div', { class: 'verdict-bar', role: 'img', 'aria-label': 'share of source files per verdict' });
  const tiles = h('div', { class: 'tiles' });
  for (const v of verdictNames()) {
    const c = counts.get(v) ?? { files: 0, lines: 0 };
    if (c.files > 0) bar.appendChild(h('span', { class: `b-${v}`, 'data-share': Math.round((c.files / sourceFiles) * 1000) / 10, title: `${v}: ${c.files}` }));
    tiles.appendChild(
      h('a', { class: `tile b-${v}`, href: app.link({ view: 'files', verdict: v, file: '' }), 'data-verdict': v },
        h('span', { class: 'count' }, formatNumber(c.files)), h('span', { class: 'label' }, verdictLabel(v)), h('span', { class: 'sub' }, `${formatNumber(c.lines)} code lines`)),
    );
  }
  // Widths are set through the CSSOM (allowed by the page's style policy), not a style attribute.
  for (const span of [...bar.children] as HTMLElement[]) span.style.width = `${span.dataset.share}%`;
  const production = counts.get('production')?.files ?? 0;
  const headline = sourceFiles === 0 ? 'No source file has a verdict yet.' : `${formatNumber(production)} of ${formatNumber(sourceFiles)} source files are reachable from production.`;
  return card('Verdicts', h('p', { class: 'headline', id: 'headline' }, headline), bar, tiles);
}

export function utilizationCard(app: App): HTMLElement | null {
  const r = app.model.data.runtime;
  if (!r) return null;
  const u = r.utilization;
  const list = h('ul', {}, ...r.runtimeOnly.slice(0, 20).map((o) => h('li', {}, h('a', { href: app.link({ file: o.file }) }, o.file), ` — loaded at runtime; no static edge found${o.hint ? ` (${o.hint})` : ''}`)));
  return card(
    'Runtime evidence',
    h('p', { class: 'headline', id: 'utilization' }, `Utilization ${u.pct}%: ${formatNumber(u.loaded)} of ${formatNumber(u.total)} source files${u.scope ? ` in ${u.scope}/` : ''} were loaded by a traced run.`),
    h('p', {}, `Runs: ${r.sources.map((s) => `${s.label} (${s.format})`).join(', ') || 'none'}. ${formatNumber(r.dormant.length)} production files were never loaded (dormant).`),
    r.byLabel.length > 1 ? h('ul', {}, ...r.byLabel.map((l) => h('li', {}, `${l.label}: ${l.pct}% (${l.loaded} of ${l.total})`))) : null,
    r.runtimeOnly.length > 0 ? h('h3', {}, `Loaded at runtime with no static edge (${r.runtimeOnly.length})`) : null,
    r.runtimeOnly.length > 0 ? list : null,
  );
}

export function importsCard(app: App): HTMLElement | null {
  const imports = app.model.data.imports;
  if (!imports) return null;
  const causes = imports.rootCauses.slice(0, 6);
  return card(
    'Import findings',
    h('p', {}, `${formatNumber(imports.totalFindings)} imports would fail or are suspect, from ${formatNumber(imports.rootCauses.length)} root causes. `, h('a', { href: app.link({ view: 'imports' }) }, 'all findings')),
    causes.length > 0 ? h('ol', { class: 'causes' }, ...causes.map((c) => h('li', {}, h('span', { class: `bucket k-${c.bucket}` }, c.bucket), ` ${c.message}`))) : null,
  );
}

export function duplicatesCard(app: App): HTMLElement | null {
  const d = app.model.data.duplicates;
  if (!d) return null;
  const byKind = new Map<string, number>();
  for (const c of d.clusters) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  return card(
    'Duplicates',
    h('p', {}, `${formatNumber(d.totalClusters)} clusters among ${formatNumber(d.filesCompared)} files compared${byKind.size ? `: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}. `, h('a', { href: app.link({ view: 'duplicates' }) }, 'all clusters')),
  );
}

export function warningsCard(app: App): HTMLElement | null {
  const warnings = app.model.data.warnings;
  if (warnings.length === 0) return null;
  const total = app.model.data.totals.warnings;
  return card(
    'Warnings',
    h('details', {}, h('summary', {}, `${formatNumber(total)} files or manifests could not be read fully${warnings.length < total ? ` (the first ${warnings.length} are listed)` : ''}`),
      h('ul', { class: 'warnings' }, ...warnings.map((w) => h('li', {}, w[3] ? h('a', { href: app.link({ file: w[3] }) }, `${w[3]}${w[4] ? `:${w[4]}` : ''}`) : '', ` ${w[1]} ${w[0]}: ${w[2]}`)))),
  );
}

export function languagesCard(app: App): HTMLElement {
  const rows = new Map<string, { files: number; lines: number }>();
  for (const f of app.model.files) {
    const r = rows.get(f.language) ?? { files: 0, lines: 0 };
    r.files++;
    r.lines += f.codeLines;
    rows.set(f.language, r);
  }
  const sorted = [...rows].sort((a, b) => b[1].lines - a[1].lines || b[1].files - a[1].files);
  return card(
    'Languages',
    h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, h('th', {}, 'language'), h('th', { class: 'num' }, 'files'), h('th', { class: 'num' }, 'code lines'))),
      h('tbody', {}, ...sorted.map(([lang, r]) => h('tr', {}, h('td', {}, h('a', { href: app.link({ view: 'files', lang, file: '' }) }, lang)), h('td', { class: 'num' }, formatNumber(r.files)), h('td', { class: 'num' }, formatNumber(r.lines)))))),
  );
}

export function renderOverview(app: App): void {
  const view = app.viewRoot;
  clear(view);
  const grid = h('div', { class: 'overview-grid' });
  for (const part of [utilizationCard(app), importsCard(app), duplicatesCard(app), languagesCard(app), warningsCard(app)]) if (part) grid.appendChild(part);
  view.append(card('Scan', scanFacts(app)), verdictSummary(app), grid);
}
