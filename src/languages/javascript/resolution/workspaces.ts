/**
 * Packages that live in the repo, by name, from every package.json census listed. A bare import of
 * one of these names is the repo's own code, whether or not node_modules links it in: after a
 * fresh clone there is no node_modules at all, and the graph must not change because of that.
 */
import { byString } from '../../../util/compare.js';
import { dirname } from '../../../util/path.js';

const isPackageJson = (path: string): boolean => path === 'package.json' || path.endsWith('/package.json');

export interface WorkspacePackage {
  /** Repo directory of the package ('' for the root). */
  dir: string;
  /** With an `exports` map, only what it exports can be imported by name. */
  hasExports: boolean;
}

/** Packages by name. The first (shortest) path wins a name clash. */
export const findWorkspacePackages = (files: ReadonlySet<string>, readText: (path: string) => string | null): Map<string, WorkspacePackage> => {
  const manifests = [...files].filter((p) => isPackageJson(p) && !p.includes('node_modules/'));
  manifests.sort((a, b) => a.length - b.length || byString(a, b));
  const packages = new Map<string, WorkspacePackage>();
  for (const manifest of manifests) {
    const text = readText(manifest);
    if (text === null) continue;
    let manifestJson: { name?: unknown; exports?: unknown } | null;
    try {
      manifestJson = JSON.parse(text) as { name?: unknown; exports?: unknown } | null;
    } catch {
      continue;
    }
    const name = manifestJson?.name;
    if (typeof name === 'string' && name !== '' && !packages.has(name)) {
      packages.set(name, { dir: dirname(manifest), hasExports: manifestJson?.exports !== undefined && manifestJson?.exports !== null });
    }
  }
  return packages;
};
