/**
 * Paths as an agent gives them (repo-relative, `./x`, absolute inside the repo, a folder with or
 * without a trailing slash) turned into the Audit's repo paths, or a ToolError that says what is
 * wrong: outside the repo, not in the census, or no such folder.
 */
import type { Audit } from '../model/audit.js';
import { byString } from '../util/compare.js';
import { realpathOrNull } from '../util/fs.js';
import { indexOf } from './audit-index.js';
import { isAbsolute, posix, resolveAbsolute, toPosix, toRepoPath } from '../util/path.js';

/** A mistake in a tool call: the server answers with it as a tool error and goes on. */
export class ToolError extends Error {}

/** The repo path of `asked` ('' = the root), or a ToolError when it leaves the repo. */
export const repoPathOf = (rootAbs: string, asked: string): string => {
  const text = asked.trim();
  if (text.includes('\0')) throw new ToolError('a path may not contain NUL characters');
  if (isAbsolute(text)) {
    // The root as named or as resolved (a /tmp that is a link, a home under /private): either will do.
    const asked = resolveAbsolute(text);
    const inside = toRepoPath(rootAbs, asked) ?? toRepoPath(realpathOrNull(rootAbs) ?? rootAbs, realpathOrNull(asked) ?? asked);
    if (inside === null) throw new ToolError(`${text} is outside the repository (${toPosix(rootAbs)}); give a path inside it, relative to its root`);
    return inside;
  }
  const normal = posix.normalize(toPosix(text)).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) throw new ToolError(`${asked} is outside the repository; give a path relative to its root`);
  return normal === '.' ? '' : normal;
};

/** Files whose name is closest to the asked path: a hint in "not in the census" errors. */
const similar = (audit: Audit, path: string): string[] => {
  const name = posix.basename(path);
  return audit.files
    .map((f) => f.path)
    .filter((p) => posix.basename(p) === name || p.endsWith(`/${path}`))
    .sort(byString)
    .slice(0, 5);
};

/** A file of the census, by repo path; ToolError when the census does not have it. */
export const censusFile = (audit: Audit, rootAbs: string, asked: string): string => {
  const path = repoPathOf(rootAbs, asked);
  if (path === '') throw new ToolError(`${asked} is the repository root, not a file`);
  const index = indexOf(audit);
  if (index.byPath.has(path)) return path;
  if (index.folders.has(path)) throw new ToolError(`${asked} is a folder; this tool takes one file`);
  const hints = similar(audit, path);
  throw new ToolError(`${asked} is not in the census of this repository (not there, excluded, ignored or misspelt?)${hints.length > 0 ? `; did you mean ${hints.join(', ')}?` : ''}`);
};

/** A file or a folder of the census ('' = everything); ToolError when nothing in the census is there. */
export const censusPath = (audit: Audit, rootAbs: string, asked: string): { path: string; folder: boolean } => {
  const path = repoPathOf(rootAbs, asked);
  if (path === '') return { path, folder: true };
  const index = indexOf(audit);
  if (index.byPath.has(path)) return { path, folder: false };
  if (index.folders.has(path)) return { path, folder: true };
  const hints = similar(audit, path);
  throw new ToolError(`${asked} is neither a file nor a folder of the census of this repository${hints.length > 0 ? `; did you mean ${hints.join(', ')}?` : ''}`);
};

/** Whether repo path `p` is `under` or inside it ('' = the root holds everything). */
export const isUnder = (p: string, under: string, folder: boolean): boolean => (folder ? under === '' || p.startsWith(`${under}/`) : p === under);
