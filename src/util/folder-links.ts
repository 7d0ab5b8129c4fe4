/**
 * Paths through the folder links discovery records (discover/index.ts FolderLink): a link's files
 * are listed once, where the link leads, so a path a reader builds below the link (an app's
 * `static/x.js` when `static` is a link to `/usr/share/<pkg>/static`) is looked up there.
 */

/** Links followed one after another at most (a target's own subfolder may be a link again). */
const MAX_HOPS = 8;

/**
 * The repo path `path` stands for with the folder links (link path → target folder) followed: the
 * link that is `path` or a folder above it is replaced by its target, as often as one applies (at
 * most MAX_HOPS). A path no link reaches is itself.
 */
export const throughFolderLinks = (links: ReadonlyMap<string, string> | undefined, path: string): string => {
  if (links === undefined || links.size === 0) return path;
  let current = path;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    let next: string | null = null;
    for (let end = current.length; end > 0; end = current.lastIndexOf('/', end - 1)) {
      const target = links.get(current.slice(0, end));
      if (target !== undefined) {
        next = target + current.slice(end);
        break;
      }
    }
    if (next === null) return current;
    current = next;
  }
  return current;
};
