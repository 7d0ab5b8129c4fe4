/**
 * Which files see the folders a module puts on sys.path itself. The module's own folder (and
 * below: the scripts beside it run the same way) and the added folder's own files (what the
 * module imports from there imports its neighbours the same way) see it. Extraction found the
 * folders (`importRoots`); this groups them by the folder whose files see them. An absolute folder
 * (`/usr/share/app`) counts where `place` finds it in the tree (absolute-roots.ts), with why.
 */
import { dirname } from '../../../util/path.js';
import type { FileFacts } from '../../../model/facts.js';
import type { PlaceAbsolute } from './absolute-roots.js';

export const sysPathScopes = (files: readonly { path: string; facts: FileFacts }[], place: PlaceAbsolute | null = null): Map<string, { dir: string; why: string }[]> => {
  const out = new Map<string, { dir: string; why: string }[]>();
  const add = (scope: string, dir: string, why: string) => {
    const list = out.get(scope) ?? out.set(scope, []).get(scope)!;
    if (!list.some((r) => r.dir === dir)) list.push({ dir, why });
  };
  for (const { path, facts } of files) {
    for (const root of facts.importRoots ?? []) {
      let dir = root.dir;
      let why = `sys-path:${path}:${root.line}`;
      if (dir.startsWith('/')) {
        const placed = place === null ? null : place(dir, path);
        if (placed === null) continue;
        dir = placed.dir;
        why += ` (${placed.how})`;
      }
      add(dirname(path), dir, why);
      add(dir, dir, why);
    }
  }
  return out;
};
