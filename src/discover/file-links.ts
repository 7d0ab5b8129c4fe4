/**
 * The symlinks to files discovery followed, link path → the file it finally leads to. Readers that
 * ask where a linked script really is use it: Python puts the real folder of the script it runs at
 * sys.path[0] (`usr/bin/app` → `../share/app/app.bin` imports from `usr/share/app`).
 */
import type { DiscoveredFile } from './index.js';

export const fileLinksOf = (files: readonly DiscoveredFile[]): ReadonlyMap<string, string> | undefined => {
  let links: Map<string, string> | undefined;
  for (const f of files) {
    if (f.linkTarget === undefined || f.linkTarget === f.path) continue;
    (links ??= new Map()).set(f.path, f.linkTarget);
  }
  return links;
};
