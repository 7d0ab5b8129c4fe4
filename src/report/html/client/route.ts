/**
 * The page state lives in the URL fragment, so every view is a link:
 * `#view=files&verdict=dead,manual&lang=python&folder=scripts&q=ingest&sort=-lines`,
 * `#view=treemap&dir=sidecar`, `#file=sidecar/admin.py` (opens the graph with that file selected).
 */

export interface RouteState {
  view: string;
  /** Selected file (repo path). */
  file: string;
  /** Treemap folder being shown. */
  dir: string;
  /** Filters shared by the graph and the table. */
  folder: string;
  lang: string;
  /** Comma-separated verdicts ('' = all). */
  verdict: string;
  q: string;
  /** Table sort column, `-` prefix for descending. */
  sort: string;
  /** Imports panel bucket filter. */
  bucket: string;
  /** Duplicates panel kind filter. */
  kind: string;
}

export function routeKeys(): (keyof RouteState)[] {
  return ['view', 'file', 'dir', 'folder', 'lang', 'verdict', 'q', 'sort', 'bucket', 'kind'];
}

export function emptyRoute(): RouteState {
  return { view: '', file: '', dir: '', folder: '', lang: '', verdict: '', q: '', sort: '', bucket: '', kind: '' };
}

export function decodePart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function parseFragment(hash: string): RouteState {
  const state = emptyRoute();
  const keys = routeKeys() as string[];
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = decodePart(part.slice(0, eq));
    if (keys.includes(key)) (state as unknown as Record<string, string>)[key] = decodePart(part.slice(eq + 1));
  }
  if (!state.view) state.view = state.file ? 'graph' : 'overview';
  return state;
}

/** Readable fragments: `/` and `,` stay as they are. */
export function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/').replace(/%2C/g, ',');
}

export function formatFragment(state: RouteState): string {
  const parts: string[] = [];
  for (const key of routeKeys()) if (state[key]) parts.push(`${key}=${encodePart(state[key])}`);
  return `#${parts.join('&')}`;
}

export function withRoute(state: RouteState, change: Partial<RouteState>): RouteState {
  return { ...state, ...change };
}
