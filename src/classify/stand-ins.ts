/**
 * The chain a reached file's evidence shows. A root that stands in for a launcher the tree lacks
 * (an installed console script whose launcher another Debian package ships: roots.ts `standsIn`)
 * starts the shortest chain of the module it names, and of what that module imports; but when a
 * file the tree holds reaches the same module in the same tier (Debian's usr/bin/heat-all imports
 * heat.cmd.all, which imports heat.cmd.api), that chain is evidence one can open, where the stand-in
 * only says that a launcher elsewhere exists. It takes the stand-in sentence's place, and the rest
 * of the chain from the module on is kept. Verdicts do not change: both chains are of one tier.
 */
import type { Edge } from '../model/edge.js';
import type { Root } from './roots.js';
import { pathOf, reachByTier, type FileGraph, type Reach } from './reachability.js';

export interface Chain {
  root: Root;
  /** The edges from the root's file to the file, in order. */
  path: Edge[];
}

/**
 * Roots that name a module for whoever imports it, not a file the tree runs: another line of the
 * installed metadata (cinder's `[oslo.config.opts] list_opts`, which imports cinder.cmd.backup), or
 * an installed package taken as a library because nothing in the tree runs it. A chain from one of
 * them is no stronger evidence than the stand-in's own line.
 */
const NAMING_DETECTORS = new Set(['installed-entry-points', 'python-library']);

/** Whether each hop runs when its importer is loaded: an import inside a function runs only when something calls it. */
const runsOnLoad = (path: readonly Edge[]): boolean => path.every((e) => e.guard !== 'function');

export const chainsOf = (
  graph: FileGraph,
  reachable: (id: number) => boolean,
  tiers: readonly (readonly Root[])[],
  atHome: (file: number, root: Root) => boolean,
  held: Parameters<typeof reachByTier>[4],
  reach: Reach,
  edges: readonly Edge[],
): ((file: number) => Chain) => {
  const plain = (file: number): Chain => ({ root: reach.rootOf[file]!, path: pathOf(reach, edges, file) });
  // The walk again from the roots the tree runs, only in a tree that has stand-ins (Debian packages' metadata).
  if (!tiers.some((roots) => roots.some((r) => r.standsIn === true))) return plain;
  const inTree = reachByTier(graph, reachable, tiers.map((roots) => roots.filter((r) => r.standsIn !== true && !NAMING_DETECTORS.has(r.detector ?? ''))), atHome, held);
  return (file) => {
    const root = reach.rootOf[file]!;
    if (root.standsIn !== true) return plain(file);
    const start = graph.idOf.get(root.file)!;
    if (inTree.tierOf[start] !== reach.tierOf[file]) return plain(file);
    const rest = pathOf(reach, edges, file);
    const prefix = pathOf(inTree, edges, start);
    // An in-tree chain to the module that passes through the file, or a file after the module, reaches that file itself on the way: its own in-tree chain is shown.
    const after = new Set(rest.map((e) => e.to!));
    after.add(root.file);
    const through = prefix.some((e) => after.has(e.from));
    const chain = through ? { root: inTree.rootOf[file]!, path: pathOf(inTree, edges, file) } : { root: inTree.rootOf[start]!, path: prefix };
    // barman's launcher reaches barman/clients/ only through an import inside a function: the stand-in's command is surer.
    if (!runsOnLoad(chain.path)) return plain(file);
    return through ? chain : { root: chain.root, path: [...prefix, ...rest] };
  };
};
