/**
 * Absolute deploy folders (systemd WorkingDirectory=/opt/lakehouse, supervisord directory=,
 * a Kubernetes workingDir) mapped back into the repo. The rule, the same everywhere:
 *
 * - when the repo has a folder named like the deploy folder's last segment, the deploy folder is
 *   that folder (the shallowest one; ties by name): /srv/app/web → web/;
 * - otherwise it is the repo root: /opt/lakehouse → '' (a checkout deployed as a whole);
 * - the deploy folder's ancestors map to the repo folder's ancestors as long as their names agree,
 *   and the one above the repo folder's top maps to the root: /srv/app/web → web, /srv/app → ''.
 *
 * Relative or templated folders (`~`, `%h/app`, `$HOME`) map nowhere: the command runs at the root.
 */
import { byString } from '../../util/compare.js';
import { basename, dirname, foldersOf } from '../../util/path.js';

export interface DeployDir {
  /** Repo-relative folder the command runs in. */
  cwd: string;
  pathMap: { from: string; to: string }[];
}

const foldersByName = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
const folderSets = new WeakMap<ReadonlySet<string>, Set<string>>();

/** Every folder of the repo ('' included). Built once per file list. */
export const allFolders = (files: ReadonlySet<string>): Set<string> => {
  let all = folderSets.get(files);
  if (all) return all;
  all = foldersOf(files);
  folderSets.set(files, all);
  return all;
};

/** Every folder of the repo, by its last segment. Built once per file list. */
const repoFolders = (files: ReadonlySet<string>): Map<string, string[]> => {
  let byName = foldersByName.get(files);
  if (byName) return byName;
  const all = allFolders(files);
  byName = new Map();
  for (const d of all) {
    if (d === '') continue;
    const name = basename(d);
    const list = byName.get(name) ?? [];
    list.push(d);
    byName.set(name, list);
  }
  for (const list of byName.values()) list.sort((a, b) => a.split('/').length - b.split('/').length || byString(a, b));
  foldersByName.set(files, byName);
  return byName;
};

const normalise = (dir: string): string => {
  const cleaned = dir.replace(/\/+$/, '').replace(/\/+/g, '/');
  return cleaned === '' ? '/' : cleaned;
};

export const isAbsoluteDeployPath = (p: string): boolean => p.startsWith('/') && !/[$%`]/.test(p);

export const mapDeployDir = (dir: string, files: ReadonlySet<string>): DeployDir => {
  if (!isAbsoluteDeployPath(dir)) return { cwd: '', pathMap: [] };
  const abs = normalise(dir);
  if (abs === '/') return { cwd: '', pathMap: [] };
  const match = repoFolders(files).get(basename(abs))?.[0] ?? '';
  const pathMap: { from: string; to: string }[] = [{ from: abs, to: match }];
  let from = abs;
  let to = match;
  while (to !== '') {
    from = dirname(from);
    const parent = dirname(to);
    if (from === '/' || from === '') break;
    if (parent !== '' && basename(parent) !== basename(from)) break;
    pathMap.push({ from, to: parent });
    to = parent;
  }
  return { cwd: match, pathMap };
};
