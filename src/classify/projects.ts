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

export const projectLocator = (files: FileRecord[]): ProjectOf => {
  const roots = new Set<string>();
  for (const f of files) if (namedOneOf(f.path, PROJECT_MANIFESTS)) roots.add(dirname(f.path));
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
