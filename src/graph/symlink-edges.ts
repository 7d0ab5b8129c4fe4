/**
 * A symlink is its target: running `usr/bin/beet` runs `usr/share/beets/beet`, importing a linked
 * module loads the file it leads to. Discovery lists both (each read through its own path); an
 * edge from the link to the target carries whatever reaches the link on to the file that holds
 * the code, so the target is not left dead or manual while its link is an entry. A document's
 * link (`CLAUDE.md` → `AGENTS.md`) is read, not run, and docs have no verdict: no edge.
 */
import type { DiscoveredFile } from '../discover/index.js';
import type { Edge } from '../model/edge.js';
import { isDocLanguage } from '../languages/registry.js';

const NO_NAMES: string[] = [];

export const buildSymlinkEdges = (files: readonly DiscoveredFile[], listed: ReadonlySet<string>): Edge[] => {
  const edges: Edge[] = [];
  for (const f of files) {
    const target = f.linkTarget;
    if (target === undefined || target === f.path || !listed.has(target) || (f.language !== null && isDocLanguage(f.language))) continue;
    edges.push({ from: f.path, to: target, kind: 'reference', line: 1, specifier: target, names: NO_NAMES, guard: null, via: 'symlink', label: `${target} is what the symlink ${f.path} leads to: running or loading the link runs this file` });
  }
  return edges;
};
