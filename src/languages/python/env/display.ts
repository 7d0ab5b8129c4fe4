/**
 * How environment paths are shown: repo-relative when inside the scanned root (a `.venv` in the
 * repo), otherwise with the home folder abbreviated, so a diagnostic names a file the user can open.
 */
import { homedir } from 'node:os';
import { toPosix, toRepoPath } from '../../../util/path.js';

export const displayEnvPath = (rootAbs: string, absPath: string): string => {
  const inRepo = toRepoPath(rootAbs, absPath);
  if (inRepo !== null) return inRepo === '' ? '.' : inRepo;
  const home = homedir();
  if (home && home !== '/' && (absPath === home || absPath.startsWith(`${home}/`) || absPath.startsWith(`${home}\\`))) {
    return `~${toPosix(absPath.slice(home.length))}`;
  }
  return toPosix(absPath);
};
