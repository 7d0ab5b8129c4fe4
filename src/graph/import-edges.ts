/**
 * Import facts → edges. Every import becomes at least one edge: to a repo file, or to null with
 * the reason it did not resolve, so nothing an import says is lost between stages.
 */
import type { Edge, EdgeKind } from '../model/edge.js';
import type { FileFacts, ImportFact } from '../model/facts.js';
import type { Language } from '../model/file.js';
import { resolverFor, type Resolvers } from '../languages/resolvers.js';
import { dirname, joinRepo } from '../util/path.js';
import { aboutFile } from '../util/sentences.js';
import { joined } from '../util/own-string.js';

export interface FactsOfFile {
  path: string;
  language: Language;
  facts: FileFacts;
}

const edgeKind = (fact: ImportFact): EdgeKind =>
  fact.typeOnly || fact.guard === 'type-checking' ? 'type-import' : fact.syntax === 'dynamic' ? 'dynamic-import' : 'import';

const importLabel = (to: string, from: string, fact: ImportFact, names: string[]): string => {
  const aliases = fact.alias ? [fact.alias] : fact.names.filter((n) => names.length === 0 || names.includes(n.name)).map((n) => n.alias ?? n.name);
  const as = aliases.length > 0 && aliases.length <= 3 && !aliases.includes('*') ? ` (as ${aliases.join(', ')})` : '';
  return aboutFile(to, `imported by ${from}:${fact.line}${as}`);
};

/** How a resolved import reaches its file, as a sentence about that file. */
const edgeLabel = (to: string, via: string | undefined, from: string, fact: ImportFact, names: string[]): string =>
  via === 'package-init' ? aboutFile(to, `run by the import in ${from}:${fact.line} (Python runs a package before its modules)`)
  : via === 'stub' ? aboutFile(to, `the type stub read for the import in ${from}:${fact.line}`)
  : importLabel(to, from, fact, names);

/**
 * A relative JS import of built output (`../dist/src/main.js`) names the source it was built from;
 * built folders are not part of the census, so the edge goes to the source.
 */
const toSourceOfBuilt = (edge: Edge, sourceOfBuilt: SourceOfBuilt): string | undefined => {
  if (edge.unresolved !== 'not-found' || !edge.specifier.startsWith('.')) return undefined;
  const built = joinRepo(dirname(edge.from), edge.specifier);
  const found = built === null ? null : sourceOfBuilt.explain ? sourceOfBuilt.explain(built) : { source: sourceOfBuilt(built), why: undefined };
  if (found?.source == null) return undefined;
  edge.to = found.source;
  edge.via = 'build-output';
  delete edge.unresolved;
  return found.why === undefined ? undefined : `build output ${built} (${found.why})`;
};

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
  for (const file of files) {
    const resolver = resolverFor(file.language, resolvers);
    if (!resolver) continue;
    for (const fact of file.facts.imports) {
      const kind = edgeKind(fact);
      const allNames = fact.names.map((n) => n.name);
      for (const r of resolver.resolve(fact, file.path)) {
        const names = r.names ?? allNames;
        const edge: Edge = { from: file.path, to: r.to === null ? null : (pathOf.get(r.to) ?? r.to), kind, line: fact.line, specifier: fact.specifier, names, guard: fact.guard };
        if (r.via) edge.via = r.via;
        if (r.unresolved) edge.unresolved = r.unresolved;
        if (r.package) edge.package = r.package;
        const built = resolver.ecosystem === 'javascript' ? toSourceOfBuilt(edge, sourceOfBuilt) : undefined;
        const mapping = r.mapping ?? built;
        if (edge.to !== null) {
          const label = edgeLabel(edge.to, r.via, file.path, fact, r.names ?? []);
          edge.label = mapping ? joined(label, ', "', fact.specifier, '" mapped by ', mapping) : label;
        }
        edges.push(edge);
        const twin = resolver.ecosystem === 'javascript' ? caseTwinEdge(edge, byLowerPath, kind) : null;
        if (twin) edges.push(twin);
      }
    }
  }
  return edges;
};
