/**
 * Duplicate and overlap clusters: files that are copies of each other, that diverged from a common
 * copy, that share blocks of code, or that may do the same job in different languages.
 * The field names `clusters`, `kind`, `files`, `similarity`, `keep` and `reason` are a public
 * contract (the Audit's `duplicates`).
 */

/**
 * exact: same content up to line endings and trailing whitespace, same file name;
 * renamed: same content, and at least one copy has a different file name;
 * same-name: same file name in different folders, content diverged;
 * near: different names, token fingerprints at least `minSimilarity` alike;
 * block: a shared run of `minBlockTokens` or more tokens between files that are not whole-file copies;
 * overlap: files in different languages whose names, comments and identifiers suggest the same job
 * (a possibility, never a certainty).
 */
export type DuplicateKind = 'exact' | 'renamed' | 'same-name' | 'near' | 'block' | 'overlap';

export const DUPLICATE_KINDS: readonly DuplicateKind[] = ['exact', 'renamed', 'same-name', 'near', 'block', 'overlap'];

export interface DuplicateAction {
  file: string;
  /** `keep`, `remove (no callers)`, `remove after switching its callers: a.py, b.py`, `review: ...`. */
  action: string;
}

/** A line range (1-based, inclusive) of a shared block in one file. */
export interface DuplicateRange {
  file: string;
  start: number;
  end: number;
}

export interface DuplicateCluster {
  kind: DuplicateKind;
  /** Repo-relative paths, sorted. */
  files: string[];
  /**
   * 0..1. exact/renamed: 1; near and same-name: share of both files' tokens that lie in runs they
   * share, 2 * shared / (tokens a + tokens b), like a diff ratio (for clusters of more than two, the
   * weakest link); block: shared tokens / tokens of the smaller file; overlap: TF-IDF cosine of terms.
   */
  similarity: number;
  /** The copy to keep, or null when no file should go (block clones). */
  keep: string | null;
  /** Why this copy is the keeper (or why there is none), as a sentence. */
  reason: string;
  /** One per file, in `files` order. */
  actions: DuplicateAction[];
  /** Block clones: the shared line ranges, one per file, in `files` order. */
  ranges?: DuplicateRange[];
  /** Block clones: length of the shared run in tokens. */
  sharedTokens?: number;
  /** Overlap: the terms that contributed most to the score, strongest first. */
  sharedTerms?: string[];
}

export interface DuplicatesOptions {
  /** Near-duplicate threshold on `similarity` (default 0.8). */
  minSimilarity: number;
  /** Shortest shared run, in tokens, reported as a block clone (default 50). */
  minBlockTokens: number;
  /** Identifiers and literals were abstracted before fingerprinting (renamed variables still match). */
  abstractIdentifiers: boolean;
  /** Cross-language overlap threshold on TF-IDF cosine (default 0.5). */
  minOverlap: number;
}

export interface DuplicatesReport {
  clusters: DuplicateCluster[];
  options: DuplicatesOptions;
  /** Files that were fingerprinted (source files with content). */
  filesCompared: number;
}
