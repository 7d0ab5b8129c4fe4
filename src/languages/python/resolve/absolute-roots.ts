/**
 * Stop 44: an absolute folder a module puts on sys.path (`sys.path.insert(0,
 * "/usr/share/virt-manager")`; sys-path.ts keeps it as written) placed in the tree, when the tree
 * shows where it lies:
 *
 * - a filesystem image: the module lies in a filesystem tree (its path up to its first top folder
 *   of the FHS, `usr/`, `etc/`, `opt/`, `srv/`, `var/`, as apache-wsgi.ts places a config's
 *   script) and that tree holds the folder: virt-manager's Debian package, `usr/bin/virt-manager`
 *   → `usr/share/virt-manager/` of the tree at the repo root;
 * - an image a Dockerfile builds: a stage's COPY/ADD puts the module in the image and a repo
 *   folder at that path (`COPY . /app` and `sys.path.insert(0, "/app/lib")` → `lib/`). Stages that
 *   disagree place it nowhere.
 *
 * Otherwise the folder is the machine's, not the tree's: nothing is placed. Dockerfiles are read
 * only when some module puts an absolute folder on sys.path.
 */
import type { FileFacts } from '../../../model/facts.js';
import type { Manifests } from '../../../manifests/store.js';
import { inFilesystemTree } from '../../../util/filesystem-tree.js';
import { dockerfileModel, isDockerfile } from '../../../entries/dockerfile.js';
import { allFolders } from '../../../entries/support/deploy-dir.js';
import { isExcluded, mapAbsoluteVia } from '../../../commandline/paths.js';
import type { PathMapping } from '../../../commandline/types.js';
import { listedPaths } from '../../../util/file-index.js';

/** Where an absolute folder lies in the tree, and why. */
interface PlacedRoot {
  dir: string;
  how: string;
}

export type PlaceAbsolute = (absolute: string, from: string) => PlacedRoot | null;

/** Whether a mapping carries the repo path `path` into the image. */
const carries = (m: PathMapping, path: string): boolean => (m.to === '' || path === m.to || path.startsWith(`${m.to}/`)) && !isExcluded(path, m.excluded);

/**
 * The placer for a scan's absolute sys.path folders; null when no module puts one on sys.path
 * (then nothing else is read).
 */
export const absoluteRootPlacer = (
  files: readonly { path: string; facts: FileFacts }[],
  repoFiles: ReadonlySet<string>,
  manifests: Manifests,
): PlaceAbsolute | null => {
  if (!files.some((f) => f.facts.importRoots?.some((r) => r.dir.startsWith('/')))) return null;
  const folders = allFolders(repoFiles);
  let stages: PathMapping[][] | undefined;
  const imageStages = (): PathMapping[][] => {
    if (stages !== undefined) return stages;
    stages = [];
    for (const path of listedPaths(repoFiles)) {
      if (!isDockerfile(path)) continue;
      const model = dockerfileModel(path, { files: repoFiles, manifests });
      for (const s of model?.stages ?? []) if (s.pathMap.length > 0) stages.push(s.pathMap);
    }
    return stages;
  };
  return (absolute, from) => {
    const inTree = inFilesystemTree(from, absolute);
    if (inTree !== null && folders.has(inTree.path)) return { dir: inTree.path, how: `${absolute} is ${inTree.path}/ of the filesystem tree at ${inTree.tree === '' ? 'the repo root' : inTree.tree}` };
    const found = new Map<string, string>();
    for (const pathMap of imageStages()) {
      if (!pathMap.some((m) => carries(m, from))) continue;
      const mapped = mapAbsoluteVia(absolute, pathMap);
      if (mapped?.path === null || mapped?.path === undefined || !folders.has(mapped.path) || found.has(mapped.path)) continue;
      found.set(mapped.path, `${absolute} is ${mapped.path === '' ? 'the repo root' : `${mapped.path}/`}${mapped.label ? ` by ${mapped.label}` : ''}`);
    }
    if (found.size !== 1) return null;
    const [[dir, how]] = found;
    return { dir, how };
  };
};
