/**
 * Packages that live in the repo, by name, from every package.json census listed. A bare import of
 * one of these names is the repo's own code, whether or not node_modules links it in: after a
 * fresh clone there is no node_modules at all, and the graph must not change because of that.
 */
import { isPackageJson, PACKAGE_JSON_NAME, packageJsonObject } from '../../../manifests/package-json.js';
import type { Manifests } from '../../../manifests/store.js';
import { byString } from '../../../util/compare.js';
import { dirname } from '../../../util/path.js';

export interface WorkspacePackage {
  /** Repo directory of the package ('' for the root). */
  dir: string;
  /** With an `exports` map, only what it exports can be imported by name. */
  hasExports: boolean;
}

/** Packages by name. The first (shortest) path wins a name clash. */
export const findWorkspacePackages = (store: Manifests): Map<string, WorkspacePackage> => {
  const manifests = store.all((p) => isPackageJson(p) && !p.includes('node_modules/'), PACKAGE_JSON_NAME);
  manifests.sort((a, b) => a.length - b.length || byString(a, b));
  const packages = new Map<string, WorkspacePackage>();
  for (const manifest of manifests) {
    const manifestJson = packageJsonObject(store, manifest);
    const name = manifestJson?.name;
    if (typeof name === 'string' && name !== '' && !packages.has(name)) {
      packages.set(name, { dir: dirname(manifest), hasExports: manifestJson?.exports !== undefined && manifestJson?.exports !== null });
    }
  }
  return packages;
};
