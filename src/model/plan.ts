/**
 * The cleanup Plan: what `census plan` recommends for every source file and `census apply` carries out.
 * A versioned JSON document users edit by hand (drop an item, change an action) before applying it,
 * so its field names are a public contract like the Audit's (docs/plan.schema.json documents them).
 */
import type { GitInfo } from './audit.js';
import type { Verdict } from './verdict.js';

export const PLAN_VERSION = 1;

/**
 * keep: nothing to do; review: a person must decide (never carried out by apply);
 * merge: the file duplicates `to` (the keeper): importers are switched to `to`, then the file is removed;
 * archive: moved to `to` under the plan's archive folder; delete: removed with `git rm`;
 * move: moved to `to` (a layout proposal), every reference to it rewritten.
 */
export const PLAN_ACTIONS = ['keep', 'review', 'merge', 'archive', 'delete', 'move'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** One recommendation for one file. */
export interface PlanItem {
  /** Repo-relative POSIX path of the file the action applies to. */
  path: string;
  action: PlanAction;
  /** merge: the keeper; archive and move: the destination path. Absent for keep, review and delete. */
  to?: string;
  /** The file's content hash when planned (FileRecord.hash): apply refuses an item whose file changed since. */
  hash: string;
  /** The file's verdict in the audit the plan was made from. */
  verdict: Verdict;
  /** Why, one sentence each, from the evidence: verdict and chain, runtime, duplicates, last change, importers, docs. */
  reasons: string[];
}

export interface Plan {
  planVersion: number;
  tool: { name: 'census'; version: string };
  generatedAt: string;
  /** The scanned directory as the user named it. */
  root: string;
  /** The commit the plan was made at; apply warns when HEAD moved since. */
  git: GitInfo | null;
  /** Where `archive` items go (a repo-relative folder, default `archive`). */
  archiveDir: string;
  /** One item per source file, sorted by path. Layout moves are items with action `move`. */
  items: PlanItem[];
  /** Items per action. */
  summary: Partial<Record<PlanAction, number>>;
}
