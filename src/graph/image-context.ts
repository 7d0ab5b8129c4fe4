/**
 * The image a repo file is copied into, as the commands in that file see it: a script that a
 * Dockerfile COPYs and runs (an ENTRYPOINT script) runs with the image's ENV, and the absolute
 * paths it names (`exec python /app/shop/main.py`) are container paths that map back through the
 * image's COPY lines. Built from the command inputs of the images found (Dockerfiles, compose
 * services built from them): a file is covered by an image when one of its labelled COPY mappings
 * holds it; the production commands' map (the final stage) is preferred, then the fuller one.
 *
 * Stop 56: a file no image covers that lies in a file-system image the repo is (a Debian package
 * unpacked, a rootfs overlay: util/filesystem-tree.ts' imageTrees) sees `/` as that tree's root, as
 * the tree's systemd units do: kupfer's usr/share/kupfer/kupfer-activate.sh:67 `exec ${PYTHON}
 * "$PYTHONDIR/kupfer.py"` with `PYTHONDIR="/usr/share/kupfer"` runs the tree's
 * usr/share/kupfer/kupfer.py. A file outside such a tree (a repo's scripts/ naming
 * `/usr/share/app/x.py`), or in a tree kept as a fixture or an example, keeps `/` the machine's.
 */
import type { PathMapping } from '../commandline/types.js';
import { isExcluded } from '../commandline/paths.js';
import type { Detected } from '../entries/run.js';
import { filesystemRoot } from '../entries/support/filesystem-root.js';
import { filesystemTreeOf, imageTrees } from '../util/filesystem-tree.js';
import { installsNothing } from '../util/installs-nothing.js';

export interface ImageContext {
  pathMap: PathMapping[];
  env?: Record<string, string>;
}

const covers = (m: PathMapping, path: string): boolean => (m.to === '' || path === m.to || path.startsWith(`${m.to}/`)) && !isExcluded(path, m.excluded);

/** `/` as the file-system image `path` lies in, or undefined when it lies in none (or in a fixture's). */
const imageTreeContext = (trees: ReadonlySet<string>, path: string): ImageContext | undefined => {
  const tree = filesystemTreeOf(path);
  if (tree === null || !trees.has(tree) || installsNothing(tree)) return undefined;
  return { pathMap: [filesystemRoot(path, tree.replace(/\/$/, ''), 'a file-system image installs it')] };
};

export const createImageContexts = (detected: Detected, files: Iterable<string> = []): ((path: string) => ImageContext | undefined) => {
  const trees = imageTrees(files);
  const images = detected.commands
    .map((d) => d.input)
    .filter((input) => (input.pathMap ?? []).some((m) => m.label !== undefined))
    .sort((a, b) => Number(b.kind === 'production') - Number(a.kind === 'production') || (b.pathMap?.length ?? 0) - (a.pathMap?.length ?? 0));
  const cache = new Map<string, ImageContext | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    const image = images.find((input) => (input.pathMap ?? []).some((m) => m.label !== undefined && covers(m, path)));
    const context = image ? { pathMap: image.pathMap ?? [], ...(image.env ? { env: image.env } : {}) } : trees.size > 0 ? imageTreeContext(trees, path) : undefined;
    cache.set(path, context);
    return context;
  };
};
