/**
 * A relative import that names a listed file by its extension (`./styles.css`), or by the
 * extension TypeScript maps it to (`./a.js` → `a.ts`), answered from the discovered file list
 * instead of asking oxc: payload's 12,373 relative lookups were about 55 % of the resolve stage's
 * main-thread CPU, and nearly all name `./x.js`. The answer is oxc's by its own order
 * (factories.ts): for an extension with an `extensionAlias` list, each alias in turn, else the
 * path itself, the first that is a file wins. So a candidate is taken only when it is a listed
 * file that is no link (oxc answers a link's real path), and every candidate before it must hold
 * nothing on disk (an excluded file, a folder named `x.ts`): anything else (no extension, a
 * trailing slash, a query, a folder link on the way, a candidate on disk but not listed, none
 * found) is left to oxc, which then decides as before.
 */
import type { ImporterKind } from './factories.js';
import { EXTENSION_ALIAS } from './factories.js';

export interface ListedRelativeContext {
  files: ReadonlySet<string>;
  /** Listed files that are symlinks. */
  linkedFiles: ReadonlySet<string>;
  /** Symlinks to folders inside the root, by link path (a path through one is not what it says). */
  folderLinks: ReadonlyMap<string, string> | undefined;
  /** Whether anything (a link included, not followed) is at the repo path on disk. */
  onDisk(path: string): boolean;
}

/** Characters that make oxc read a specifier as more than a path (`?query`, `#fragment`, escapes). */
const NOT_PLAIN = /[?#%\\]|\/\/|\/$/;

const inNodeModules = (path: string): boolean => path.startsWith('node_modules/') || path.includes('/node_modules/');

/**
 * Whether a folder of `path` is a folder link: each of its few folders looked up, not every link
 * walked per import (a tree of 5,000 folder links and 50,000 relative imports cost 850 ms so;
 * review s60-rv3).
 */
export const throughFolderLink = (path: string, links: ReadonlyMap<string, string> | undefined): boolean => {
  if (links === undefined || links.size === 0) return false;
  for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) if (links.has(path.slice(0, slash))) return true;
  return false;
};

/**
 * The listed file oxc would answer for the relative `specifier` joined to `joined` (its repo path),
 * or null to ask oxc.
 */
export const listedRelative = (ctx: ListedRelativeContext, joined: string, specifier: string, kind: ImporterKind): string | null => {
  if (NOT_PLAIN.test(specifier) || inNodeModules(joined) || throughFolderLink(joined, ctx.folderLinks)) return null;
  const slash = joined.lastIndexOf('/');
  const dot = joined.lastIndexOf('.');
  if (dot <= slash + 1) return null; // no extension (or a dot file): oxc tries extensions and folders
  const ext = joined.slice(dot);
  const aliases = EXTENSION_ALIAS[kind][ext];
  const stem = joined.slice(0, dot);
  const count = aliases === undefined ? 1 : aliases.length;
  for (let i = 0; i < count; i++) {
    const candidate = aliases === undefined ? joined : stem + aliases[i];
    if (ctx.files.has(candidate)) return ctx.linkedFiles.has(candidate) ? null : candidate;
    if (ctx.onDisk(candidate)) return null;
  }
  return null;
};
