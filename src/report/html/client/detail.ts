/** The side panel for the selected file: verdict, evidence chain, importers and imports, findings. */
import type { App } from './app-types.js';
import { clear, formatNumber, h } from './dom.js';
import { verdictLabel } from './filters.js';
import { chainOf, evidenceOf, fileFlags, type ClientFile } from './model.js';

export function fileLink(app: App, path: string, text?: string): HTMLElement {
  return h('a', { href: app.link({ file: path }), 'data-file': path }, text ?? path);
}

export function section(title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), ...children);
}

export function edgeList(app: App, file: ClientFile, direction: 'in' | 'out'): HTMLElement | null {
  // Entry edges are listed as "Entry point" / "Starts" instead.
  const edges = (direction === 'in' ? file.incoming : file.outgoing).filter((e) => app.model.edges[e].kind !== 'entry');
  if (edges.length === 0) return null;
  const list = h('ul', { class: `links links-${direction}` });
  for (const e of edges) {
    const edge = app.model.edges[e];
    const other = app.model.files[direction === 'in' ? edge.from : edge.to];
    const where = direction === 'in' && edge.line > 0 ? `:${edge.line}` : '';
    const how = direction === 'out' && edge.line > 0 ? ` (line ${edge.line})` : '';
    list.appendChild(h('li', {}, fileLink(app, other.path, `${other.path}${where}`), h('span', { class: 'kind' }, ` ${edge.kind}${how}`)));
  }
  return section(direction === 'in' ? `Used by (${edges.length})` : `Uses (${edges.length})`, list);
}

export function chainSection(app: App, file: ClientFile): HTMLElement {
  const list = h('ol', { class: 'chain', id: 'chain' });
  for (const item of evidenceOf(app.model, file.index)) list.appendChild(h('li', { class: item.hop ? 'hop' : 'sentence' }, item.text));
  const chain = chainOf(app.model, file.index);
  const path = h('p', { class: 'chain-path' });
  if (chain.files.length > 1) {
    chain.files.forEach((f, i) => {
      if (i > 0) path.append(' → ');
      path.appendChild(fileLink(app, app.model.files[f].path));
    });
  }
  const title = file.verdict === 'other' ? 'Wiring' : file.verdict === 'dead' ? 'Why dead' : `Why ${file.verdict}`;
  return section(title, list, chain.files.length > 1 ? path : null);
}

export function entriesSection(app: App, file: ClientFile): HTMLElement | null {
  const entries = app.model.data.entries.filter((e) => e[0] === file.index);
  if (entries.length === 0) return null;
  return section(`Entry point (${entries.length})`, h('ul', {}, ...entries.map((e) => h('li', {}, `${e[2]}: ${e[3]}`))));
}

/** For a manifest, unit or workflow: the files it starts. */
export function startsSection(app: App, file: ClientFile): HTMLElement | null {
  const entries = app.model.data.entries.filter((e) => e[1] === file.index && e[0] !== file.index);
  if (entries.length === 0) return null;
  return section(
    `Starts (${entries.length})`,
    h('ul', {}, ...entries.map((e) => h('li', {}, fileLink(app, app.model.files[e[0]].path), h('span', { class: 'kind' }, ` ${e[2]}${e[4] ? `, line ${e[4]}` : ''}`)))),
  );
}

export function findingsSection(app: App, file: ClientFile): HTMLElement | null {
  const findings = (app.model.data.imports?.findings ?? []).filter((f) => f[0] === file.index);
  if (findings.length === 0) return null;
  return section(
    `Import findings (${findings.length})`,
    h('ul', {}, ...findings.map((f) => h('li', {}, `line ${f[1]}: ${f[2]}${f[3] ? ` (${f[3]})` : ''} — ${f[4]}${f[7] ? `: ${f[7]}` : ''}`))),
  );
}

export function duplicatesSection(app: App, file: ClientFile): HTMLElement | null {
  const clusters = (app.model.data.duplicates?.clusters ?? []).filter((c) => c.files.includes(file.path));
  if (clusters.length === 0) return null;
  return section(
    `Duplicates (${clusters.length})`,
    h(
      'ul',
      {},
      ...clusters.map((c) =>
        h('li', {}, `${c.kind} (${Math.round(c.similarity * 100)}%) with `, ...c.files.filter((p) => p !== file.path).flatMap((p, i) => [i > 0 ? ', ' : '', fileLink(app, p)]), c.keep ? ` — keep ${c.keep}` : ''),
      ),
    ),
  );
}

export function runtimeSection(app: App, file: ClientFile): HTMLElement | null {
  const runtime = app.model.data.runtime;
  if (!runtime) return null;
  const only = runtime.runtimeOnly.find((r) => r.file === file.path);
  const loaded = (file.flags & fileFlags().loaded) !== 0;
  const lines = [loaded ? `loaded at runtime (${only ? only.labels.join(', ') : 'traced run'})` : 'not loaded by any traced run'];
  if (only) lines.push(`no static edge found${only.hint ? `: ${only.hint}` : ''}`);
  if (runtime.dormant.includes(file.path)) lines.push('statically production, but no run loaded it (dormant)');
  return section('Runtime', h('ul', {}, ...lines.map((l) => h('li', {}, l))));
}

export function renderDetail(app: App): void {
  const panel = app.detailRoot;
  clear(panel);
  const index = app.state.file ? app.model.byPath.get(app.state.file) : undefined;
  if (index === undefined) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const f = app.model.files[index];
  const flags = fileFlags();
  const close = h('a', { class: 'close', href: app.link({ file: '' }), 'aria-label': 'close' }, '×');
  const facts = [
    f.language,
    `${formatNumber(f.codeLines)} code lines of ${formatNumber(f.lines)}`,
    f.lastChange ? `last change ${f.lastChange}` : '',
    (f.flags & flags.executable) !== 0 ? 'executable' : '',
    (f.flags & flags.incomplete) !== 0 ? 'not fully read (see warnings)' : '',
  ].filter(Boolean);
  panel.append(
    close,
    h('h2', { id: 'detail-path' }, f.path),
    h('p', {}, h('span', { class: `badge b-${f.verdict}`, id: 'detail-verdict' }, verdictLabel(f.verdict)), ` ${facts.join(' · ')}`),
    f.summary ? h('p', { class: 'summary' }, f.summary) : '',
    app.model.data.evidence[index]?.length ? chainSection(app, f) : '',
  );
  for (const part of [entriesSection(app, f), startsSection(app, f), edgeList(app, f, 'in'), edgeList(app, f, 'out'), findingsSection(app, f), duplicatesSection(app, f), runtimeSection(app, f)]) {
    if (part) panel.appendChild(part);
  }
  if (f.verdict !== 'other') panel.appendChild(h('p', { class: 'hint' }, 'On the command line: ', h('code', {}, `census why ${f.path}`)));
}
