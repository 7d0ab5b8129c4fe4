/**
 * Which project a repo file belongs to: the folder of the nearest package.json or pyproject.toml at
 * or above it ('' when none, i.e. the repo itself). Classification uses it to break ties between
 * equally short chains: a nested example's workflow should not be the evidence for the outer
 * project's own files when the outer project's manifest says the same thing.
 */
import type { FileRecord } from '../model/file.js';
import { dirname } from '../util/path.js';

const PROJECT_MANIFESTS = ['package.json', 'pyproject.toml'];

/** Whether the path's last segment is one of the names, without slicing it out (asked of every listed path). */
const namedOneOf = (path: string, names: readonly string[]): boolean =>
  names.some((name) => path.endsWith(name) && (path.length === name.length || path.charCodeAt(path.length - name.length - 1) === 47 /* / */));

export type ProjectOf = (path: string) => string;

/** The project of every file, when there is one only (no manifest below the repo's own): each file's is the repo's. */
const REPO_ONLY: ProjectOf = () => '';

/** The folders of the projects' manifests ('' for the repo's own). */
const projectRoots = (files: readonly FileRecord[]): Set<string> => {
  const roots = new Set<string>();
  for (const f of files) if (namedOneOf(f.path, PROJECT_MANIFESTS)) roots.add(dirname(f.path));
  return roots;
};

/** Whether every file is of one project, the repo's own: no manifest lies below the root. */
export const oneProject = (locate: ProjectOf): boolean => locate === REPO_ONLY;

export const projectLocator = (files: FileRecord[]): ProjectOf => {
  const roots = projectRoots(files);
  // ofDir's walk up ends at '' for every folder: saleor's 500 folders were each walked and cached.
  if (roots.size === 0 || (roots.size === 1 && roots.has(''))) return REPO_ONLY;
  const cache = new Map<string, string>();
  const ofDir = (dir: string): string => {
    if (dir === '' || roots.has(dir)) return dir;
    const known = cache.get(dir);
    if (known !== undefined) return known;
    const found = ofDir(dirname(dir));
    cache.set(dir, found);
    return found;
  };
  return (path) => ofDir(dirname(path));
};
