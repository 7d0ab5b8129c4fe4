/**
 * Which files see the folders a module puts on sys.path itself. The module's own folder (and
 * below: the scripts beside it run the same way) and the added folder's own files (what the
 * module imports from there imports its neighbours the same way) see it. Extraction found the
 * folders (`importRoots`); this groups them by the folder whose files see them.
 */
import { dirname } from '../../../util/path.js';
import type { FileFacts } from '../../../model/facts.js';

export const sysPathScopes = (files: readonly { path: string; facts: FileFacts }[]): Map<string, { dir: string; why: string }[]> => {
  const out = new Map<string, { dir: string; why: string }[]>();
  const add = (scope: string, dir: string, why: string) => {
    const list = out.get(scope) ?? out.set(scope, []).get(scope)!;
    if (!list.some((r) => r.dir === dir)) list.push({ dir, why });
  };
  for (const { path, facts } of files) {
    for (const root of facts.importRoots ?? []) {
      const why = `sys-path:${path}:${root.line}`;
      add(dirname(path), root.dir, why);
      add(root.dir, root.dir, why);
    }
  }
  return out;
};
