/**
 * The data embedded in the HTML page: a compact projection of the Audit that the client script
 * reads. Tuples instead of objects and indices instead of repeated paths keep a 5,000-file report
 * at a few MB. Types only: build-page-data.ts writes it, client/data.ts reads it.
 */

/** [path, language, lines, codeLines, verdict ('' for files without one), summary, lastChange, flags] */
export type PageFile = [string, string, number, number, string, string, string, number];

export const FLAG_EXECUTABLE = 1;
export const FLAG_INCOMPLETE = 2;
export const FLAG_LOADED = 4;

/** Edge kinds as indexed by PageEdge; `entry` joins a manifest/unit/workflow file to the file it starts. */
export const PAGE_EDGE_KINDS = ['import', 'dynamic-import', 'type-import', 'exec', 'reference', 'doc-mention', 'entry'] as const;

/** [from file index, to file index, index in PAGE_EDGE_KINDS, line] */
export type PageEdge = [number, number, number, number];

/** [file index, source file index or -1, entry kind, evidence, line or 0, command or ''] */
export type PageEntry = [number, number, string, string, number, string];

/** [file index, line, specifier, name, bucket, root cause, breaks module (1/0), detail] */
export type PageImportFinding = [number, number, string, string, string, string, number, string];

/** [id, severity, message, file path or '', line or 0] */
export type PageWarning = [string, string, string, string, number];

export interface PageImports {
  environment: { mode: string; note: string; pythonVersion?: string; javascript?: { mode: string; note: string } };
  counts: Record<string, number>;
  rootCauses: { name: string; bucket: string; directImports: number; affectedFiles: number; files: string[]; message: string; action: string }[];
  findings: PageImportFinding[];
  /** Findings in the Audit (findings may hold fewer when capped). */
  totalFindings: number;
}

export interface PageDuplicateCluster {
  kind: string;
  files: string[];
  similarity: number;
  keep: string | null;
  reason: string;
  actions: { file: string; action: string }[];
  ranges?: { file: string; start: number; end: number }[];
  sharedTerms?: string[];
}

export interface PageDuplicates {
  clusters: PageDuplicateCluster[];
  totalClusters: number;
  filesCompared: number;
}

export interface PageRuntime {
  sources: { label: string; source: string; format: string }[];
  utilization: { scope: string; loaded: number; total: number; pct: number };
  byLabel: { label: string; loaded: number; total: number; pct: number }[];
  runtimeOnly: { file: string; labels: string[]; staticVerdict?: string; hint?: string }[];
  dormant: string[];
  loadedCount: number;
  unmappedModules: number;
}

export interface PageMeta {
  tool: string;
  version: string;
  root: string;
  generatedAt: string;
  commit: string | null;
  branch: string | null;
  dirty: boolean;
  schemaVersion: number;
}

export interface PageData {
  meta: PageMeta;
  /** PAGE_EDGE_KINDS, so the page script needs no constants of its own. */
  edgeKinds: string[];
  totals: { files: number; sourceFiles: number; edges: number; unresolvedImports: number; warnings: number };
  files: PageFile[];
  edges: PageEdge[];
  /** Sentences shown for an edge (its label, or the entry's evidence), keyed by edge index; only edges a chain or list shows. */
  labels: Record<string, string>;
  /** Evidence sentences shared by many files (chain roots), referenced from `evidence`. */
  sentences: string[];
  /**
   * Per file (same order as `files`), its evidence chain: n >= 0 is a hop along edge n (shown as
   * its label), n < 0 is sentences[-n - 1]. A file's chain hops are exactly the edges of `census why`.
   */
  evidence: number[][];
  /** Per file, the edge that starts its chain (an entry or a docs mention), or -1. */
  chainRoot: number[];
  /**
   * Per file, how many of its evidence sentences are the chain (root, then hops; evidence-parts'
   * split, as `census why` and the markdown report make it): arrows go between these only, not
   * before a dead file's sentences or the last-commit note.
   */
  chainSteps: number[];
  entries: PageEntry[];
  imports?: PageImports;
  duplicates?: PageDuplicates;
  runtime?: PageRuntime;
  warnings: PageWarning[];
}
