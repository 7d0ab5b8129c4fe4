/**
 * Import facts → edges. Every import becomes at least one edge: to a repo file, or to null with
 * the reason it did not resolve, so nothing an import says is lost between stages.
 */
import { TEST_SWAP, type Edge, type EdgeKind, type Unresolved } from '../model/edge.js';
import type { FileFacts, Guard, ImportFact } from '../model/facts.js';
import type { Language } from '../model/file.js';
import { resolverFor, type Resolvers } from '../languages/resolvers.js';
import type { ImportResolver, Resolution } from '../resolve/types.js';
import { dirname, joinRepo } from '../util/path.js';
import { aboutFile } from '../util/sentences.js';
import { joined } from '../util/own-string.js';
import { PACKAGE_RUNS_FIRST } from '../util/python-package.js';
import { importEdgeLabel } from './import-labels.js';
import { ImportEdge } from './lazy-label-edges.js';

export interface FactsOfFile {
  path: string;
  language: Language;
  facts: FileFacts;
}

const edgeKind = (fact: ImportFact): EdgeKind =>
  fact.typeOnly || fact.guard === 'type-checking' ? 'type-import' : fact.syntax === 'dynamic' ? 'dynamic-import' : 'import';

/**
 * A relative JS import of built output (`../dist/src/main.js`) names the source it was built from;
 * built folders are not part of the census, so the edge goes to the source (`why`: the mapping
 * for the label, when the build output map says one).
 */
const sourceOfBuiltImport = (from: string, specifier: string, sourceOfBuilt: SourceOfBuilt): { source: string; why: string | undefined } | null => {
  if (!specifier.startsWith('.')) return null;
  const built = joinRepo(dirname(from), specifier);
  const found = built === null ? null : sourceOfBuilt.explain ? sourceOfBuilt.explain(built) : { source: sourceOfBuilt(built), why: undefined };
  if (found?.source == null) return null;
  return { source: found.source, why: found.why === undefined ? undefined : `build output ${built} (${found.why})` };
};

/**
 * The edge as one object literal per combination of its optional fields, in the Audit's key
 * order: set one by one after the literal, they went to a property array of their own (about 40
 * bytes more per edge; at 100k files 890,000 import edges). A rare combination is built that way still.
 */
const importEdge = (
  from: string, to: string | null, kind: EdgeKind, line: number, specifier: string, names: string[], guard: Guard | null,
  via: string | undefined, unresolved: Unresolved | undefined, pkg: string | undefined, label: string | undefined,
): Edge => {
  if (unresolved === undefined && pkg === undefined) {
    if (via !== undefined && label !== undefined) return { from, to, kind, line, specifier, names, guard, via, label };
  } else if (label === undefined && unresolved !== undefined) {
    if (via === undefined) {
      if (pkg !== undefined) return { from, to, kind, line, specifier, names, guard, unresolved, package: pkg };
      return { from, to, kind, line, specifier, names, guard, unresolved };
    }
    if (pkg !== undefined) return { from, to, kind, line, specifier, names, guard, via, unresolved, package: pkg };
    return { from, to, kind, line, specifier, names, guard, via, unresolved };
  }
  const edge: Edge = { from, to, kind, line, specifier, names, guard };
  if (via !== undefined) edge.via = via;
  if (unresolved !== undefined) edge.unresolved = unresolved;
  if (pkg !== undefined) edge.package = pkg;
  if (label !== undefined) edge.label = label;
  return edge;
};

/**
 * Stop 52: an import a test's sys.modules swap maps (import-aliases.ts, `testOnly`). Outside the
 * tests it finds the package outside the repo: one unresolved edge says so. While the tests run it
 * loads the fake, so the importer gets a second edge to it, `via: test-swap`, which the walk takes
 * only from the test tier on (classify/reachability.ts): a production importer makes the fake
 * test, a dead one (review 3: app/legacy.py, which nothing imports) gives it nothing.
 *
 * The swapping file has run, so every package of its own folder and above has run too: an
 * `__init__.py` there is no news, and the resolution's package inits up there (cinder: 58 edges,
 * 2 that matter, one from vnx/__init__.py to itself) get no edge.
 */
const addSwappedIn = (edges: Edge[], swap: { from: string; fact: ImportFact; r: Resolution; by: { file: string; line: number }; to: string; unresolvedMade: boolean; production: string | null }): void => {
  const { from, fact, r, by, to } = swap;
  if (!swap.unresolvedMade) edges.push(importEdge(from, null, edgeKind(fact), fact.line, fact.specifier, fact.names.length === 0 ? NO_NAMES : fact.names.map((n) => n.name), fact.guard, undefined, 'external', fact.specifier.split('.')[0], undefined));
  if (r.via === 'package-init' && isPackageInitAbove(to, by.file)) return;
  const sentence = r.via === 'package-init'
    ? joined(to, ' is run by the import in ', from, ':', fact.line, ` (${PACKAGE_RUNS_FIRST})`)
    : joined(to, ' is imported by ', from, ':', fact.line);
  edges.push({ from, to, kind: 'reference', line: fact.line, specifier: fact.specifier, names: r.names ?? NO_NAMES, guard: null, via: TEST_SWAP,
    label: joined(sentence, ' while tests run, "', fact.specifier, '" mapped by ', r.mapping ?? '', swap.production === null ? ' (a test swaps it in: production imports the package)' : joined(' (a test swaps it in: production imports ', swap.production, ')')) });
};

/** Whether `init` (a package's `__init__.py`) lies in the folder of `file` or above it. */
const isPackageInitAbove = (init: string, file: string): boolean => {
  const folder = dirname(init);
  const own = dirname(file);
  return folder === '' || folder === own || own.startsWith(`${folder}/`);
};

/** The names of an import with none: one array for every such edge (nothing changes an edge's names). */
export const NO_NAMES: string[] = [];

/** What a relative import's path may end with for Node, TypeScript and bundlers to find a file. */
const COMPLETIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte', '.json', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs', '/index.cjs'];

/**
 * A relative JS import that names no file but one whose path differs only in case
 * (`'../importMap'` beside `importmap.js`): macOS and Windows file systems find it, Linux does not.
 * The import stays broken (a Linux build or container fails on it), and a second edge reaches the
 * file, which is in use wherever the code runs on a case-insensitive disk: not dead, but a fix of
 * the import's case.
 */
const caseTwinEdge = (edge: Edge, byLowerPath: () => Map<string, string>, kind: EdgeKind): Edge | null => {
  if (edge.unresolved !== 'not-found' || !edge.specifier.startsWith('.')) return null;
  const named = joinRepo(dirname(edge.from), edge.specifier);
  if (named === null) return null;
  const paths = byLowerPath();
  for (const completion of COMPLETIONS) {
    const twin = paths.get(`${named}${completion}`.toLowerCase());
    if (twin === undefined || twin === edge.from) continue;
    const sentence = `named by the import "${edge.specifier}" in ${edge.from}:${edge.line}, which differs from its path only in case: it resolves on case-insensitive file systems (macOS, Windows), not on Linux`;
    return { from: edge.from, to: twin, kind, line: edge.line, specifier: edge.specifier, names: edge.names, guard: edge.guard, via: CASE_TWIN, label: aboutFile(twin, sentence) };
  }
  return null;
};

/** The `via` of an edge that reaches a file only on case-insensitive file systems. */
export const CASE_TWIN = 'case-insensitive';

/** Built path → the source it was compiled from; `explain` says why (languages/javascript/build-output.ts). */
export type SourceOfBuilt = ((path: string) => string | null) & { explain?(path: string): { source: string; why: string } | null };

export const buildImportEdges = (
  files: FactsOfFile[],
  resolvers: Resolvers,
  sourceOfBuilt: SourceOfBuilt,
): Edge[] => {
  const edges: Edge[] = [];
  // A resolver builds each target's path anew; the edges share the file's own path string instead
  // (at 100k files, 200,000 edges would each keep a copy).
  const pathOf = new Map(files.map((f) => [f.path, f.path]));
  let lowerPaths: Map<string, string> | undefined;
  const byLowerPath = (): Map<string, string> => {
    if (!lowerPaths) {
      lowerPaths = new Map();
      // two files that differ only in case name no one twin
      for (const path of pathOf.keys()) {
        const lower = path.toLowerCase();
        lowerPaths.set(lower, lowerPaths.has(lower) ? '' : path);
      }
      for (const [lower, path] of lowerPaths) if (path === '') lowerPaths.delete(lower);
    }
    return lowerPaths;
  };
  /**
   * One import's edges. A function apart from the loop over files: V8 inlined the resolver and
   * this into that loop, one large unit it compiled again whenever any part met a new shape of
   * fact (payload: 3-5 compiles of about 100 ms on the compiler thread); apart, the small loop is
   * what the many shapes of the files' facts recompile.
   */
  const addEdges = (from: string, resolver: ImportResolver, fact: ImportFact): void => {
    const kind = edgeKind(fact);
    const allNames = fact.names.length === 0 ? NO_NAMES : fact.names.map((n) => n.name);
    // A swap's fake needs no unresolved edge when the import resolves in production too (a
    // production alias of the same name, whose resolutions come first) or the edge is made: the
    // production edge comes first (a JS test runner's alias: the package or file found without it).
    let placed = false;
    let placedTo: string | null = null;
    for (const r of resolver.resolve(fact, from)) {
      if (r.swappedInBy !== undefined && r.to !== null) {
        addSwappedIn(edges, { from, fact, r, by: r.swappedInBy, to: pathOf.get(r.to) ?? r.to, unresolvedMade: placed, production: placedTo });
        placed = true;
        continue;
      }
      if (r.to !== null || (resolver.ecosystem === 'javascript' && r.unresolved === 'external')) placed = true;
      placedTo ??= r.to;
      const names = r.names === undefined ? allNames : r.names.length === 0 ? NO_NAMES : r.names;
      const to = r.to === null ? null : (pathOf.get(r.to) ?? r.to);
      const built = resolver.ecosystem === 'javascript' && r.unresolved === 'not-found' ? sourceOfBuiltImport(from, fact.specifier, sourceOfBuilt) : null;
      let edge: Edge;
      if (built) {
        // keys in the order they always had: an unresolved edge's via (if any) and package, then the source found
        edge = { from, to: built.source, kind, line: fact.line, specifier: fact.specifier, names, guard: fact.guard };
        if (r.via !== undefined) edge.via = r.via;
        if (r.package !== undefined) edge.package = r.package;
        edge.via = 'build-output';
        edge.label = importEdgeLabel(built.source, r.via, from, fact, r.names ?? NO_NAMES, r.mapping ?? built.why);
      } else if (to !== null && r.via !== undefined && r.unresolved === undefined && r.package === undefined) {
        // the common edge (all but a few of saleor's 40,000 resolved imports): its label made when read
        edges.push(new ImportEdge(from, to, kind, fact, names, r.via, r.mapping));
        continue;
      } else {
        edge = importEdge(from, to, kind, fact.line, fact.specifier, names, fact.guard, r.via, r.unresolved, r.package, to === null ? undefined : importEdgeLabel(to, r.via, from, fact, r.names ?? NO_NAMES, r.mapping));
      }
      // After the literal: few imports sit in a def, and the Audit keeps the other keys' order.
      if (fact.within !== undefined) edge.within = fact.within;
      edges.push(edge);
      const twin = resolver.ecosystem === 'javascript' ? caseTwinEdge(edge, byLowerPath, kind) : null;
      if (twin) edges.push(twin);
    }
  };
  for (const file of files) {
    const resolver = resolverFor(file.language, resolvers);
    if (!resolver) continue;
    for (const fact of file.facts.imports) addEdges(file.path, resolver, fact);
  }
  return edges;
};
