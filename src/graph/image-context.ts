/**
 * The image a repo file is copied into, as the commands in that file see it: a script that a
 * Dockerfile COPYs and runs (an ENTRYPOINT script) runs with the image's ENV, and the absolute
 * paths it names (`exec python /app/shop/main.py`) are container paths that map back through the
 * image's COPY lines. Built from the command inputs of the images found (Dockerfiles, compose
 * services built from them): a file is covered by an image when one of its labelled COPY mappings
 * holds it; the production commands' map (the final stage) is preferred, then the fuller one.
 */
import type { PathMapping } from '../commandline/types.js';
import { isExcluded } from '../commandline/paths.js';
import type { Detected } from '../entries/run.js';

export interface ImageContext {
  pathMap: PathMapping[];
  env?: Record<string, string>;
}

const covers = (m: PathMapping, path: string): boolean => (m.to === '' || path === m.to || path.startsWith(`${m.to}/`)) && !isExcluded(path, m.excluded);

export const createImageContexts = (detected: Detected): ((path: string) => ImageContext | undefined) => {
  const images = detected.commands
    .map((d) => d.input)
    .filter((input) => (input.pathMap ?? []).some((m) => m.label !== undefined))
    .sort((a, b) => Number(b.kind === 'production') - Number(a.kind === 'production') || (b.pathMap?.length ?? 0) - (a.pathMap?.length ?? 0));
  const cache = new Map<string, ImageContext | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    const image = images.find((input) => (input.pathMap ?? []).some((m) => m.label !== undefined && covers(m, path)));
    const context = image ? { pathMap: image.pathMap ?? [], ...(image.env ? { env: image.env } : {}) } : undefined;
    cache.set(path, context);
    return context;
  };
};
