/**
 * classify: every source file gets exactly one verdict and the evidence for it — the shortest
 * chain from a root for reachable files, and what was looked for and not found for the rest.
 */
import { keptLabel, TEST_FLAG, TEST_SWAP, type Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import type { FileNote } from '../entries/types.js';
import { isReachableLanguage, isSourceLanguage } from '../languages/registry.js';
import type { Verdict } from '../model/verdict.js';
import { sortedUnique } from '../util/compare.js';
import { lastCommitNote } from '../util/last-commit.js';
import { aboutFile } from '../util/sentences.js';
import { fileGraph, reachByTier, type FileGraph, type Reach } from './reachability.js';
import { chainsOf, type Chain } from './stand-ins.js';
import { oneProject, projectLocator } from './projects.js';
import { rootsByTier, type Root } from './roots.js';

const MAX_NAMED_IMPORTERS = 3;

/** One hop of a chain as a sentence; `census why --all` words its chains the same way. */
export const hopSentence = (edge: Edge): string => {
  // Read once: a label made when read (graph/lazy-label-edges.ts) is kept for the next file through this hop.
  const label = keptLabel(edge);
  if (label) return label;
  const verb = edge.kind === 'exec' ? 'run by' : edge.kind === 'reference' ? 'named in' : 'imported by';
  return aboutFile(edge.to!, `${verb} ${edge.from}:${edge.line}`);
};

const lastChangeNote = (file: FileRecord): string[] => {
  const note = lastCommitNote(file.lastChange);
  return note === null ? [] : [note];
};

/**
 * Why nothing reaches a file: its importers (if any, all unreached), what detectors saw of it
 * without making it a root (a test module pytest collects but that defines no test), and the
 * kinds of root checked.
 */
const deadEvidence = (file: FileRecord, importedBy: string[], notes: readonly string[] = NO_NOTES, typedOnly: ReadonlyMap<string, readonly string[]> = NO_TYPED): string[] => {
  const importers = sortedUnique(importedBy);
  // An importer whose root only types it (roots.ts ownFileOnly: a tsconfig program's module augmentation) is not dead, but no chain goes on from it.
  const typed = importers.filter((p) => typedOnly.has(p));
  const deadOnes = typed.length === 0 ? importers : importers.filter((p) => !typedOnly.has(p));
  // "loaded", not "referenced": a file named only in a comment or a lint list is still dead, and such mentions are not searched for.
  const first = importers.length === 0
    ? `${file.path} is not imported, run or loaded by any file`
    : typed.length === 0
      ? `${file.path} is only used by files that are dead themselves: ${named(deadOnes)}`
      : `${file.path} is only used by ${typedImporters(file.path, typed, typedOnly)}${deadOnes.length > 0 ? `, and by files that are dead themselves: ${named(deadOnes)}` : ''}`;
  if (notes.length > 0) return [first, ...notes, 'no entry point, docs mention or runnable marker reaches it', ...lastChangeNote(file)];
  return [first, 'no entry point, test rule, docs mention or runnable marker reaches it', ...lastChangeNote(file)];
};

const named = (paths: readonly string[]): string =>
  `${paths.slice(0, MAX_NAMED_IMPORTERS).join(', ')}${paths.length > MAX_NAMED_IMPORTERS ? ` and ${paths.length - MAX_NAMED_IMPORTERS} more` : ''}`;

/**
 * The typing roots among a dead file's importers, said as they are: one nothing else loads is used
 * by the compiler alone; one a reached file also loads (a script run by hand importing the router
 * that declares the augmentation) is loaded, but the walk goes no further from a file its typing
 * root claimed first (reachability.ts ownFileOnly), so the dead file may run through it.
 */
const typedImporters = (path: string, typed: readonly string[], loadersOf: ReadonlyMap<string, readonly string[]>): string => {
  const quiet = typed.filter((p) => (loadersOf.get(p) ?? []).length === 0);
  const loaded = typed.filter((p) => (loadersOf.get(p) ?? []).length > 0);
  const loaders = sortedUnique(loaded.flatMap((p) => [...(loadersOf.get(p) ?? [])]));
  const parts: string[] = [];
  if (quiet.length > 0) parts.push(`${named(quiet)}, which only the compiler uses for the module augmentation it declares (nothing runs or loads it)`);
  if (loaded.length > 0) {
    parts.push(
      `${named(loaded)}, which the compiler uses for the module augmentation it declares and which ${named(loaders)} load${loaders.length === 1 ? 's' : ''}; no chain is followed on from a file its typing root claims, so ${path} may run when ${loaders.length === 1 ? 'that file runs' : 'those files run'}`,
    );
  }
  return parts.join(', and by ');
};

/** For each file a typing root claims (roots.ts ownFileOnly), the reached files that import it. */
const typedFileLoaders = (edges: readonly Edge[], graph: FileGraph, reach: Reach, tiers: readonly (readonly [Verdict, Root[]])[]): Map<string, string[]> => {
  const loadersOf = new Map<string, string[]>();
  for (const [, roots] of tiers) for (const root of roots) if (root.ownFileOnly === true) loadersOf.set(root.file, []);
  if (loadersOf.size === 0) return loadersOf;
  for (let i = 0; i < edges.length; i++) {
    if (graph.targetOf[i] < 0) continue;
    const e = edges[i];
    const list = loadersOf.get(e.to!);
    if (list === undefined || e.from === e.to) continue;
    const from = graph.idOf.get(e.from);
    if (from !== undefined && reach.tierOf[from] >= 0) list.push(e.from);
  }
  return loadersOf;
};

const NO_TYPED: ReadonlyMap<string, readonly string[]> = new Map();
const NO_NOTES: readonly string[] = [];

export interface FileVerdict {
  verdict: Verdict;
  evidence: string[];
}

export interface Classification {
  /** Per file, at its index in the list classified: its verdict, or undefined for a file that is not source. */
  byIndex: (FileVerdict | undefined)[];
  /** The same by path, built when first asked. */
  readonly verdicts: Map<string, FileVerdict>;
}

/**
 * @param unread source files census listed but could not read at all (over --max-file-size and the
 * import scan's cap, unreadable, undecodable): what they load is unknown, so a dead file of the same
 * project says that one of them may load it.
 */
export const classify = (files: FileRecord[], edges: Edge[], entries: Entry[], notes: readonly FileNote[] = [], unread: readonly string[] = []): Classification => {
  const paths = files.map((f) => f.path);
  // A file's number is its index (the listing holds each path once).
  const reachableOf = reachableLanguages(files);
  const reachable = (id: number): boolean => reachableOf[id] === 1;
  const graph = fileGraph(paths, reachable, edges);
  const projectOf = projectLocator(files);
  const projectOfFile = new Array<string | undefined>(files.length);
  const projectOfRoot = new Map<Root, string>();
  // In a repo of one project every root is at home in every file: no chain is ever swapped for it.
  const atHome = oneProject(projectOf) ? (): boolean => true : (file: number, root: Root): boolean => {
    let home = projectOfRoot.get(root);
    if (home === undefined) projectOfRoot.set(root, (home = projectOf(root.source)));
    return home === (projectOfFile[file] ??= projectOf(paths[file]));
  };
  const tiers = rootsByTier(files, edges, entries);
  const rootTiers = tiers.map(([, roots]) => roots);
  const held = heldUntilTest(edges, tiers);
  const reach = reachByTier(graph, reachable, rootTiers, atHome, held);
  const chainOf = chainsOf(graph, reachable, rootTiers, atHome, held, reach, edges);

  const notesOf = new Map<string, string[]>();
  for (const { file, note } of notes) {
    const list = notesOf.get(file);
    if (list === undefined) notesOf.set(file, [note]);
    else if (!list.includes(note)) list.push(note);
  }
  const byIndex = verdictsByIndex(files, graph, tiers, reach, chainOf, deadImporters(files, edges, graph, reach), notesOf, typedFileLoaders(edges, graph, reach, tiers));
  if (unread.length > 0) addUnreadCaveats(files, byIndex, unread, projectOf);
  let verdicts: Map<string, FileVerdict> | undefined;
  return {
    byIndex,
    get verdicts() {
      if (verdicts === undefined) {
        verdicts = new Map();
        for (let i = 0; i < files.length; i++) if (byIndex[i] !== undefined) verdicts.set(files[i].path, byIndex[i]!);
      }
      return verdicts;
    },
  };
};

// The loops of classify are functions of their own: V8 optimizes a long loop while it runs, and a
// loop after it in one function, not yet run, threw that code away as soon as it ended.

/** The edges to a fake a test swaps in (import-edges.ts) and imports under a test-only flag (test-flags.ts): a chain takes them from the test tier on, so what they reach is test at most. */
const heldUntilTest = (edges: readonly Edge[], tiers: readonly (readonly [Verdict, Root[]])[]): { edges: Uint8Array; from: number } | undefined => {
  let held: Uint8Array | undefined;
  for (let i = 0; i < edges.length; i++) {
    if (edges[i].via !== TEST_SWAP && edges[i].via !== TEST_FLAG) continue;
    held ??= new Uint8Array(edges.length);
    held[i] = 1;
  }
  return held === undefined ? undefined : { edges: held, from: tiers.findIndex(([verdict]) => verdict === 'test') };
};

/** Per file index, 1 when a chain may start at or pass through the file (its language). */
const reachableLanguages = (files: readonly FileRecord[]): Uint8Array => {
  const reachableOf = new Uint8Array(files.length);
  for (let i = 0; i < files.length; i++) if (isReachableLanguage(files[i].language)) reachableOf[i] = 1;
  return reachableOf;
};

const MAX_NAMED_UNREAD = 3;

/** Each dead file of a project that holds an unread source file is told so, at the end of its evidence. */
const addUnreadCaveats = (files: readonly FileRecord[], byIndex: (FileVerdict | undefined)[], unread: readonly string[], projectOf: (path: string) => string): void => {
  const unreadOf = new Map<string, string[]>();
  for (const path of [...unread].sort()) {
    const project = projectOf(path);
    const list = unreadOf.get(project);
    if (list) list.push(path);
    else unreadOf.set(project, [path]);
  }
  for (let i = 0; i < files.length; i++) {
    const v = byIndex[i];
    if (v?.verdict !== 'dead') continue;
    const others = (unreadOf.get(projectOf(files[i].path)) ?? []).filter((p) => p !== files[i].path);
    if (others.length === 0) continue;
    const named = others.slice(0, MAX_NAMED_UNREAD).join(', ') + (others.length > MAX_NAMED_UNREAD ? ` and ${others.length - MAX_NAMED_UNREAD} more` : '');
    v.evidence.push(`not certain: ${named} of the same project could not be read (see ${others.length === 1 ? 'its warning' : 'their warnings'}), and what ${others.length === 1 ? 'it loads' : 'they load'} is unknown`);
  }
};

/** A dead file's importers (by its number), gathered once the walk has said which files are dead. */
const deadImporters = (files: readonly FileRecord[], edges: readonly Edge[], graph: FileGraph, reach: Reach): Map<number, string[]> => {
  const importersOf = new Map<number, string[]>();
  const dead = (id: number): boolean => reach.tierOf[id] < 0 && isSourceLanguage(files[id].language);
  for (let i = 0; i < edges.length; i++) {
    const to = graph.targetOf[i];
    if (to < 0 || !dead(to)) continue;
    const list = importersOf.get(to);
    if (list) list.push(edges[i].from);
    else importersOf.set(to, [edges[i].from]);
  }
  return importersOf;
};

/** Per file, at its index: its verdict and evidence, or undefined for a file that is not source. */
const verdictsByIndex = (
  files: readonly FileRecord[],
  graph: FileGraph,
  tiers: readonly (readonly [Verdict, Root[]])[],
  reach: Reach,
  chainOf: (file: number) => Chain,
  importersOf: ReadonlyMap<number, string[]>,
  notesOf: ReadonlyMap<string, string[]>,
  // The files whose root only types them, with the reached files that load them: a dead file they import is told so, not that they are dead.
  typedOnly: ReadonlyMap<string, readonly string[]>,
): (FileVerdict | undefined)[] => {
  const byIndex = new Array<FileVerdict | undefined>(files.length);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (!isSourceLanguage(file.language)) continue;
    const id = graph.firstOf[i];
    const tier = reach.tierOf[id];
    if (tier >= 0) {
      const verdict = tiers[tier][0];
      // Every sentence names its subject (the root file, then each file along the way), so the chain reads on its own.
      const { root, path } = chainOf(id);
      const evidence = [root.evidence];
      for (const edge of path) evidence.push(hopSentence(edge));
      if (verdict === 'manual' || verdict === 'documented') evidence.push(...lastChangeNote(file));
      byIndex[i] = { verdict, evidence };
    } else {
      byIndex[i] = { verdict: 'dead', evidence: deadEvidence(file, importersOf.get(id) ?? [], notesOf.get(file.path), typedOnly) };
    }
  }
  return byIndex;
};
