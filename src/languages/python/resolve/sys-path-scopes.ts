/**
 * Which files see the folders a module puts on sys.path itself. The module's own folder (and
 * below: the scripts beside it run the same way) and the added folder's own files (what the
 * module imports from there imports its neighbours the same way) see it. Extraction found the
 * folders (`importRoots`); this groups them by the folder whose files see them. An absolute folder
 * (`/usr/share/app`) counts where `place` finds it in the tree (absolute-roots.ts), with why.
 * `sysPathAdders` keeps them by the module that adds them, for the files importing it (resolver.ts).
 */
import { dirname } from '../../../util/path.js';
import type { FileFacts } from '../../../model/facts.js';
import type { PlaceAbsolute } from './absolute-roots.js';

/** `mainOnly`: added only under the module's `if __name__ == '__main__':`, so not for the files importing it. */
export type SysPathFolders = Map<string, { dir: string; why: string; mainOnly?: true }[]>;

/** Module → the folders it puts on sys.path (placed in the tree), each with why. */
export const sysPathAdders = (files: readonly { path: string; facts: FileFacts }[], place: PlaceAbsolute | null = null): SysPathFolders => {
  const out: SysPathFolders = new Map();
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
      const list = out.get(path) ?? out.set(path, []).get(path)!;
      const known = list.find((r) => r.dir === dir);
      if (known === undefined) list.push(root.mainOnly ? { dir, why, mainOnly: true } : { dir, why });
      else if (!root.mainOnly && known.mainOnly) delete known.mainOnly;
    }
  }
  return out;
};

/** Folder whose files see them → the folders (sysPathAdders' answer regrouped). */
export const sysPathScopesOf = (adders: SysPathFolders): SysPathFolders => {
  const out: SysPathFolders = new Map();
  const add = (scope: string, dir: string, why: string) => {
    const list = out.get(scope) ?? out.set(scope, []).get(scope)!;
    if (!list.some((r) => r.dir === dir)) list.push({ dir, why });
  };
  for (const [path, roots] of adders) {
    for (const { dir, why } of roots) {
      add(dirname(path), dir, why);
      add(dir, dir, why);
    }
  }
  return out;
};
