/** The folder treemap: source files sized by lines of code, coloured by verdict; folders drill in. */
import type { App } from './app-types.js';
import { clear, formatNumber, h, svg } from './dom.js';
import { dominantVerdict } from './graph-model.js';
import { truncate, verdictLegend } from './legend.js';
import type { Model } from './model.js';
import { squarify, type Rect } from './treemap-layout.js';

export interface FolderNode {
  name: string;
  path: string;
  folders: FolderNode[];
  files: number[];
  size: number;
  counts: Record<string, number>;
}

export function treemapGeometry(): { width: number; height: number; header: number; pad: number; maxDepth: number } {
  return { width: 1200, height: 640, header: 17, pad: 2, maxDepth: 3 };
}

export function fileSize(codeLines: number): number {
  return Math.max(1, codeLines);
}

/** Source files (those with a verdict) as a folder tree with sizes and verdict counts. */
export function buildFolderTree(model: Model): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], files: [], size: 0, counts: {} };
  const byPath = new Map<string, FolderNode>([['', root]]);
  const folderFor = (path: string): FolderNode => {
    const known = byPath.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const parent = folderFor(slash < 0 ? '' : path.slice(0, slash));
    const node: FolderNode = { name: path.slice(slash + 1), path, folders: [], files: [], size: 0, counts: {} };
    parent.folders.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const f of model.files) {
    if (f.verdict === 'other') continue;
    folderFor(f.dir).files.push(f.index);
    for (let dir = f.dir; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
      const node = byPath.get(dir)!;
      node.size += fileSize(f.codeLines);
      node.counts[f.verdict] = (node.counts[f.verdict] ?? 0) + 1;
      if (dir === '') break;
    }
  }
  return root;
}

export function findFolder(root: FolderNode, path: string): FolderNode | null {
  if (!path) return root;
  let node: FolderNode | undefined = root;
  const parts = path.split('/');
  for (let i = 0; i < parts.length && node; i++) {
    const prefix = parts.slice(0, i + 1).join('/');
    node = node.folders.find((f) => f.path === prefix);
  }
  return node ?? null;
}

export function countsText(counts: Record<string, number>): string {
  return Object.keys(counts).map((v) => `${counts[v]} ${v}`).join(', ');
}

export function drawTreemapLevel(model: Model, node: FolderNode, rect: Rect, depth: number, into: SVGElement, fileEls: Map<string, SVGElement>): void {
  const geo = treemapGeometry();
  const items = [
    ...node.folders.map((folder) => ({ folder, file: -1, size: folder.size, name: folder.name })),
    ...node.files.map((file) => ({ folder: null, file, size: fileSize(model.files[file].codeLines), name: model.files[file].name })),
  ].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rects = squarify(items.map((it) => it.size), rect);
  items.forEach((it, i) => {
    const r = rects[i];
    if (r.w < 0.5 || r.h < 0.5) return;
    const fits = (text: string) => r.w > 40 && r.h > 12 && truncate(text, Math.floor((r.w - 6) / 6.6));
    if (it.folder === null) {
      const f = model.files[it.file];
      const el = svg(
        'rect',
        { class: `tm-file n-${f.verdict}`, 'data-file': f.path, x: r.x, y: r.y, width: r.w, height: r.h },
        svg('title', {}, `${f.path} — ${f.verdict}, ${formatNumber(f.codeLines)} lines of code`),
      );
      into.appendChild(el);
      fileEls.set(f.path, el);
      const label = fits(f.name);
      if (label) into.appendChild(svg('text', { class: 'tm-label', x: r.x + 3, y: r.y + 12 }, label));
      return;
    }
    const folder = it.folder;
    const title = `${folder.path}/ — ${formatNumber(folder.size)} lines of code; ${countsText(folder.counts)}`;
    const label = fits(`${folder.name}/`);
    if (depth < geo.maxDepth && r.w > 36 && r.h > geo.header + 12) {
      into.appendChild(svg('rect', { class: 'tm-folder', 'data-dir': folder.path, x: r.x, y: r.y, width: r.w, height: r.h }, svg('title', {}, title)));
      if (label) into.appendChild(svg('text', { class: 'tm-folder-label', 'data-dir': folder.path, x: r.x + 3, y: r.y + 12 }, label));
      const inner = { x: r.x + geo.pad, y: r.y + geo.header, w: r.w - geo.pad * 2, h: r.h - geo.header - geo.pad };
      drawTreemapLevel(model, folder, inner, depth + 1, into, fileEls);
      return;
    }
    into.appendChild(svg('rect', { class: `tm-agg n-${dominantVerdict(folder.counts)}`, 'data-dir': folder.path, x: r.x, y: r.y, width: r.w, height: r.h }, svg('title', {}, title)));
    if (label) into.appendChild(svg('text', { class: 'tm-label', 'data-dir': folder.path, x: r.x + 3, y: r.y + 12 }, label));
  });
}

export function breadcrumb(app: App, dir: string): HTMLElement {
  const nav = h('nav', { class: 'breadcrumb', 'aria-label': 'folder' });
  nav.appendChild(h('a', { href: app.link({ dir: '' }) }, app.model.data.meta.root || '.'));
  const parts = dir ? dir.split('/') : [];
  parts.forEach((part, i) => {
    nav.append(' / ', h('a', { href: app.link({ dir: parts.slice(0, i + 1).join('/') }) }, part));
  });
  return nav;
}

export function renderTreemap(app: App): void {
  const view = app.viewRoot;
  clear(view);
  const tree = (app.cache.tree as FolderNode | undefined) ?? buildFolderTree(app.model);
  app.cache.tree = tree;
  const node = findFolder(tree, app.state.dir) ?? tree;
  view.append(
    breadcrumb(app, node.path),
    h('p', { class: 'info' }, `Source files sized by lines of code (${formatNumber(node.size)} in this folder) and coloured by verdict. Click a folder to open it, a file to see why it has its verdict.`),
    verdictLegend(false),
  );
  if (node.size === 0) {
    view.appendChild(h('p', { class: 'note' }, 'No source file here.'));
    return;
  }
  const geo = treemapGeometry();
  const root = svg('svg', { class: 'treemap', viewBox: `0 0 ${geo.width} ${geo.height}`, role: 'img', 'aria-label': 'treemap of folders' }) as SVGSVGElement;
  const fileEls = new Map<string, SVGElement>();
  drawTreemapLevel(app.model, node, { x: 0, y: 0, w: geo.width, h: geo.height }, 0, root, fileEls);
  fileEls.get(app.state.file)?.classList.add('selected');
  root.addEventListener('click', (event) => {
    const el = (event.target as Element).closest('[data-file],[data-dir]');
    if (!el) return;
    const file = el.getAttribute('data-file');
    if (file !== null) app.go({ file });
    else app.go({ dir: el.getAttribute('data-dir') ?? '' });
  });
  view.appendChild(h('div', { class: 'treemap-wrap' }, root));
}
