/**
 * Framework references → `reference` edges. The reader's sentence is the edge's evidence, so a
 * chain reads "named in INSTALLED_APPS in shop/settings.py:41"; a string that names nothing in
 * the repo (a third-party app, say) gives no edge.
 */
import type { Edge } from '../model/edge.js';
import type { ReferenceInput } from '../frameworks/types.js';
import { resolveNamed } from '../frameworks/strings.js';
import type { TargetResolver } from './targets.js';
import { NO_NAMES } from './import-edges.js';
import { isPackageInit } from '../util/python-package.js';
import { ReferenceEdge } from './lazy-label-edges.js';

export const buildFrameworkEdges = (references: readonly (ReferenceInput & { reader: string })[], targets: TargetResolver): Edge[] => {
  const edges: Edge[] = [];
  const seen = new Set<string>();
  for (const ref of references) {
    const files = resolveNamed(targets, ref, ref.from);
    for (let i = 0; i < files.length; i++) {
      const to = files[i];
      if (to === ref.from) continue;
      const key = `${ref.from}\0${to}\0${ref.line ?? 0}\0${ref.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Besides the named module come the packages above it (targets.ts moduleFiles): named by a deeper module's name, each says why it runs, as an import's package-init edge does. The named module's own file is files[0], a package's __init__.py when the name is the package's.
      // The sentence is made when read, from the reader's (graph/lazy-label-edges.ts).
      const packageNote = to !== files[0] && ref.targetKind !== 'file' && isPackageInit(to);
      edges.push(new ReferenceEdge(ref.from, to, ref.line ?? 1, ref.target, NO_NAMES, ref.reader, ref.label, packageNote));
    }
  }
  return edges;
};
