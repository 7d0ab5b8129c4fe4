/**
 * Framework references → `reference` edges. The reader's sentence is the edge's evidence, so a
 * chain reads "named in INSTALLED_APPS in shop/settings.py:41"; a string that names nothing in
 * the repo (a third-party app, say) gives no edge.
 *
 * Stop 63: the references are many and repetitive (saleor: 8,099 from 1,276 files, 14,151
 * candidate edges). What a name resolves to depends on the naming file's folder, the name and its
 * kind only (frameworks/strings.ts resolveNamed), so it is asked once per folder (1,663 times on
 * saleor). An edge is one per (from, to, line, name): that was a Set of ~130-character key
 * strings, made and hashed per candidate; now the names a file has named are kept by file, and a
 * name's (line, to) pairs compared in place (file-named-refs.ts).
 */
import type { Edge } from '../model/edge.js';
import type { ReferenceInput } from '../frameworks/types.js';
import { resolveNamed } from '../frameworks/strings.js';
import type { TargetResolver } from './targets.js';
import { NO_NAMES } from './import-edges.js';
import { isPackageInit } from '../util/python-package.js';
import { ReferenceEdge } from './lazy-label-edges.js';
import { dirname } from '../util/path.js';
import { NamedInFile } from './file-named-refs.js';

/** A name's files by its kind, as resolved from one folder. */
type ByKind = Partial<Record<ReferenceInput['targetKind'], readonly string[]>>;

/** A naming file's state: the resolutions of its folder (shared by the folder's files) and the edges it has given. */
interface FromState {
  resolved: Map<string, ByKind>;
  named: NamedInFile;
}

export const buildFrameworkEdges = (references: readonly (ReferenceInput & { reader: string })[], targets: TargetResolver): Edge[] => {
  const edges: Edge[] = [];
  const byFrom = new Map<string, FromState>();
  const byDir = new Map<string, Map<string, ByKind>>();
  for (const ref of references) {
    let state = byFrom.get(ref.from);
    if (state === undefined) {
      const dir = dirname(ref.from);
      let resolved = byDir.get(dir);
      if (resolved === undefined) byDir.set(dir, (resolved = new Map()));
      byFrom.set(ref.from, (state = { resolved, named: new NamedInFile() }));
    }
    let byKind = state.resolved.get(ref.target);
    if (byKind === undefined) state.resolved.set(ref.target, (byKind = {}));
    // resolveNamed reads only the naming file's folder: the answer holds for every file there.
    const files = (byKind[ref.targetKind] ??= resolveNamed(targets, ref, ref.from));
    for (let i = 0; i < files.length; i++) {
      const to = files[i];
      if (to === ref.from) continue;
      if (!state.named.add(ref.target, ref.line ?? 0, to)) continue;
      // Besides the named module come the packages above it (targets.ts moduleFiles): named by a deeper module's name, each says why it runs, as an import's package-init edge does. The named module's own file is files[0], a package's __init__.py when the name is the package's.
      // The sentence is made when read, from the reader's (graph/lazy-label-edges.ts).
      const packageNote = to !== files[0] && ref.targetKind !== 'file' && isPackageInit(to);
      edges.push(new ReferenceEdge(ref.from, to, ref.line ?? 1, ref.target, NO_NAMES, ref.reader, ref.label, packageNote));
    }
  }
  return edges;
};
