/**
 * The one importer of node:path. Repo paths in census are POSIX and relative to the root
 * (display paths); absolute paths stay inside the stages that touch the disk.
 */
import nodePath from 'node:path';

export const resolveAbsolute = (...segments: string[]): string => nodePath.resolve(...segments);
export const joinAbsolute = (...segments: string[]): string => nodePath.join(...segments);
export const relativeNative = (from: string, to: string): string => nodePath.relative(from, to);
export const dirnameAbsolute = (p: string): string => nodePath.dirname(p);
export const isAbsolute = (p: string): boolean => nodePath.isAbsolute(p);
/** Separator of PATH-like environment variables (PYTHONPATH): ':' or ';'. */
export const PATH_LIST_SEPARATOR = nodePath.delimiter;

/** Native relative path → POSIX. */
export const toPosix = (p: string): string => (nodePath.sep === '/' ? p : p.split(nodePath.sep).join('/'));

/** Repo-relative POSIX path of an absolute path, or null when it lies outside the root. */
export const toRepoPath = (root: string, absolute: string): string | null => {
  const rel = toPosix(nodePath.relative(root, absolute));
  if (rel === '' ) return '';
  if (rel.startsWith('../') || rel === '..' || nodePath.isAbsolute(rel)) return null;
  return rel;
};

/** POSIX operations on repo paths. */
export const posix = nodePath.posix;

export const dirname = (repoPath: string): string => {
  const d = nodePath.posix.dirname(repoPath);
  return d === '.' ? '' : d;
};
export const basename = (repoPath: string): string => nodePath.posix.basename(repoPath);
export const extname = (repoPath: string): string => nodePath.posix.extname(repoPath);

/** Join repo path segments and normalise `.`/`..`; returns null if the result escapes the root. */
export const joinRepo = (...segments: string[]): string | null => {
  const joined = nodePath.posix.normalize(nodePath.posix.join(...segments.filter((s) => s !== '')));
  if (joined === '.' || joined === './') return '';
  if (joined.startsWith('../') || joined === '..' || joined.startsWith('/')) return null;
  return joined.replace(/\/$/, '');
};

/** Top folder of a repo path ('' for root files). */
export const topFolder = (repoPath: string): string => {
  const i = repoPath.indexOf('/');
  return i < 0 ? '' : repoPath.slice(0, i);
};
