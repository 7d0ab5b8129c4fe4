/** Edges between repo files (imports, command runs, references, doc mentions) and how each was found. */
import type { Guard } from './facts.js';

/**
 * Kinds of edge between files:
 * import/dynamic-import/type-import: code importing code;
 * exec: a command line runs the file; reference: a config or string names it; doc-mention: docs mention it.
 */
export type EdgeKind = 'import' | 'dynamic-import' | 'type-import' | 'exec' | 'reference' | 'doc-mention';

/** Why an import did not resolve to a repo file. */
export type Unresolved =
  | 'stdlib' // Python standard library module
  | 'builtin' // node: builtin
  | 'external' // third-party package (bare JS specifier or non-repo Python top-level)
  | 'not-found' // looks internal (relative, alias, repo package) but nothing exists
  | 'dynamic'; // the target is computed and cannot be known statically

export interface Edge {
  /** Repo-relative path of the file that holds the import/command/mention. */
  from: string;
  /** Repo-relative path of the target file, or null when unresolved. */
  to: string | null;
  kind: EdgeKind;
  /** 1-based line in `from`. */
  line: number;
  /** The import specifier or command target as written. */
  specifier: string;
  /** Imported names (`from m import a, b` → ['a', 'b']). */
  names: string[];
  guard: Guard | null;
  /** How the target was found: `relative`, `root`, `src-root:src`, `script-dir`, `tsconfig-paths`, `package-exports`, ... */
  via?: string;
  /** Set when `to` is null. */
  unresolved?: Unresolved;
  /** Third-party package / top-level module name for external imports. */
  package?: string;
  /** A sentence about `to` for evidence: "sidecar/admin.py is imported by sidecar/main.py:4 (as admin_router)". */
  label?: string;
  /**
   * Python, an import in a def's body: the innermost def's name. Set with guard `function`, and with
   * guard `try` when the try is inside the def, so a chain through it does not count as run on load.
   */
  within?: string;
}

/** The `via` of an import's edge to a fake a test swaps in (graph/import-edges.ts): the walk takes it only from the test tier on. */
export const TEST_SWAP = 'test-swap';
/** The `via` of an import's edge that runs only when a flag only tests switch on is set (languages/python/test-flags.ts): held like TEST_SWAP. */
export const TEST_FLAG = 'test-flag';

/**
 * The edge as a plain object with every field its own. Most edges make their label when it is read
 * (graph/lazy-label-edges.ts), through an accessor that `JSON.stringify` reaches by their `toJSON`
 * but a copy of own properties (`v8.serialize`, `{ ...edge }`) does not.
 */
export const plainEdge = (edge: Edge): Edge => (edge as { toJSON?: () => Edge }).toJSON?.() ?? edge;

/**
 * The edge's label, kept on the edge from now on when it is made when read: a chain's hop is read
 * once for every file the chain reaches through it (classify's evidence, `census why`), and each
 * such file's evidence would otherwise hold its own copy of the same ~190-character sentence.
 */
export const keptLabel = (edge: Edge): string | undefined => (edge as { keptLabel?: () => string }).keptLabel?.() ?? edge.label;
