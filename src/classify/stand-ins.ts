/**
 * The chain a reached file's evidence shows. A root that stands in for a launcher the tree lacks
 * (an installed console script whose launcher another Debian package ships: roots.ts `standsIn`)
 * starts the shortest chain of the module it names, and of what that module imports; but when a
 * file the tree holds reaches the same module in the same tier (Debian's usr/bin/heat-all imports
 * heat.cmd.all, which imports heat.cmd.api), that chain is evidence one can open, where the stand-in
 * only says that a launcher elsewhere exists. The in-tree walk's own chain to the file is shown
 * (the shortest: heat-all reaches heat/common/messaging.py through cmd/all.py:41, not through
 * cmd/api.py), when every hop of it runs as its importer loads; else the in-tree chain to the
 * module followed by the module's own, when that one does. Verdicts do not change: the chains are of one tier.
 *
 * Stop 54: any chain, in-tree or not, yields to a launcher's (LAUNCHERS) that runs on load and is
 * at most one hop longer: a user starts usr/bin/heat-all, not the PasteDeploy filter that heat's API
 * pipeline loads. More hops than that and the shortest chain stays: it is easier to check.
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

/**
 * Readers whose reference is a call the naming file makes as it runs, not a name it holds: an
 * easy_install launcher calls load_entry_point() at its top level (barman's usr/bin/barman).
 */
const CALLED_ON_LOAD = new Set(['entry-point-scripts']);

/**
 * Whether each hop runs when its importer is loaded. An import inside a function runs only when
 * something calls it (stop 55: also one in a `try` inside a def, which the edge's `within` names),
 * one under `if TYPE_CHECKING:` (or an `import type`) never; another reader's
 * reference carries no guard (importutils.import_object("svc.cmd.api.Server") inside `def main()`
 * looks the same as one at the top), so it is not taken.
 */
const runsOnLoad = (path: readonly Edge[]): boolean =>
  path.every((e) => ((e.kind === 'import' || e.kind === 'dynamic-import') && (e.guard === null || (e.guard === 'try' && e.within === undefined))) || (e.kind === 'reference' && CALLED_ON_LOAD.has(e.via ?? '')));

/**
 * Stop 54: detectors whose root is a program someone starts (an installed command, a service
 * unit, an init script, a process supervisor's entry), not a module a host loads by name
 * (a PasteDeploy filter, a plugin group). heat's cmd/all.py serves the API whose PasteDeploy
 * pipeline loads heat/common/context.py: a chain from usr/bin/heat-all says what a user runs.
 */
const LAUNCHERS = new Set(['installed-commands', 'systemd', 'init-scripts', 'supervisord', 'runit', 's6-overlay', 'procfile', 'dbus-services', 'crontab']);

/**
 * A chain that already starts at a command someone runs keeps its place: a launcher's, or any root
 * a command line runs (a Dockerfile CMD, a package.json script: entrySentence's "is run by").
 */
const runByCommand = (root: Root): boolean => LAUNCHERS.has(root.detector ?? '') || root.evidence.startsWith(`${root.file} is run by `);

/** How many hops more than the shortest in-tree chain a launcher's chain may take and still be shown. */
const LAUNCHER_SLACK = 1;

export const chainsOf = (
  graph: FileGraph,
  reachable: (id: number) => boolean,
  tiers: readonly (readonly Root[])[],
  atHome: (file: number, root: Root) => boolean,
  held: Parameters<typeof reachByTier>[4],
  reach: Reach,
  edges: readonly Edge[],
): ((file: number) => Chain) => {
  // The walk from launchers only, made the first time a chain starts elsewhere.
  let launched: Reach | undefined;
  const launcherChain = (file: number, tier: number, longest: number): Chain | null => {
    launched ??= reachByTier(graph, reachable, tiers.map((roots) => roots.filter((r) => r.standsIn !== true && LAUNCHERS.has(r.detector ?? ''))), atHome, held);
    if (launched.tierOf[file] !== tier) return null;
    const path = pathOf(launched, edges, file);
    return path.length <= longest && runsOnLoad(path) ? { root: launched.rootOf[file]!, path } : null;
  };
  /** The in-tree chain, or a launcher's when one reaches the file, on load, in at most one hop more. */
  const preferLauncher = (file: number, tier: number, chain: Chain): Chain =>
    runByCommand(chain.root) ? chain : launcherChain(file, tier, chain.path.length + LAUNCHER_SLACK) ?? chain;
  const shortest = (file: number): Chain => ({ root: reach.rootOf[file]!, path: pathOf(reach, edges, file) });
  const plain = tiers.some((roots) => roots.some((r) => r.standsIn !== true && LAUNCHERS.has(r.detector ?? '')))
    ? (file: number): Chain => preferLauncher(file, reach.tierOf[file], shortest(file))
    : shortest;
  // The walk again from the roots the tree runs, only in a tree that has stand-ins (Debian packages' metadata).
  if (!tiers.some((roots) => roots.some((r) => r.standsIn === true))) return plain;
  const inTree = reachByTier(graph, reachable, tiers.map((roots) => roots.filter((r) => r.standsIn !== true && !NAMING_DETECTORS.has(r.detector ?? ''))), atHome, held);
  return (file) => {
    const root = reach.rootOf[file]!;
    if (root.standsIn !== true) return plain(file);
    const tier = reach.tierOf[file];
    const start = graph.idOf.get(root.file)!;
    if (inTree.tierOf[start] !== tier) return plain(file);
    // Reaching the module in the file's tier, the in-tree walk reaches the file in it too, by its shortest chain.
    const own = inTree.tierOf[file] === tier ? pathOf(inTree, edges, file) : null;
    if (own !== null && runsOnLoad(own)) return preferLauncher(file, tier, { root: inTree.rootOf[file]!, path: own });
    // That chain passes a hop that may not run (an import inside a function): the in-tree chain to the module, then the module's own, when the first runs on load and does not pass the file or a file after the module.
    const prefix = pathOf(inTree, edges, start);
    const rest = pathOf(reach, edges, file);
    const between = new Set(rest.map((e) => e.to!));
    between.add(root.file);
    if (!runsOnLoad(prefix) || prefix.some((e) => between.has(e.from))) return plain(file);
    return preferLauncher(file, tier, { root: inTree.rootOf[start]!, path: [...prefix, ...rest] });
  };
};
