/**
 * Paths through the folder links discovery records (discover/index.ts FolderLink): a link's files
 * are listed once, where the link leads, so a path a reader builds below the link (an app's
 * `static/x.js` when `static` is a link to `/usr/share/<pkg>/static`, or a `vendor` link below that
 * folder) is looked up there.
 */

/** Links followed one after another at most (a target's own subfolder may be a link again). */
const MAX_HOPS = 8;

/** One link followed: its path and the folder it leads to. */
export interface FolderHop {
  link: string;
  target: string;
}

/**
 * The repo path `path` stands for with the folder links (link path → target folder) followed: the
 * link that is `path` or a folder above it is replaced by its target, as often as one applies (at
 * most MAX_HOPS), and the links followed, in order. A path no link reaches is itself.
 */
export const throughFolderLinks = (links: ReadonlyMap<string, string> | undefined, path: string): { path: string; hops: FolderHop[] } => {
  const hops: FolderHop[] = [];
  if (links === undefined || links.size === 0) return { path, hops };
  let current = path;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    let next: string | null = null;
    for (let end = current.length; end > 0; end = current.lastIndexOf('/', end - 1)) {
      const link = current.slice(0, end);
      const target = links.get(link);
      if (target !== undefined) {
        next = target + current.slice(end);
        hops.push({ link, target });
        break;
      }
    }
    if (next === null) break;
    current = next;
  }
  return { path: current, hops };
};

/** The links followed, for evidence: `by the folder link a/static → share/a/static`. */
export const shownHops = (hops: readonly FolderHop[]): string => `by the folder link${hops.length > 1 ? 's' : ''} ${hops.map((h) => `${h.link}, which points to ${h.target}`).join(', then ')}`;
