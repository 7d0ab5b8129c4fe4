/**
 * The ApplyReport: everything `census apply` did (or would do, with --dry-run) to carry out a Plan,
 * the reference edits it made, and the re-audit that proves nothing broke. Reporters render it.
 */
import type { PlanAction } from './plan.js';

export const APPLY_REPORT_VERSION = 1;

/**
 * refused: the plan or the repo failed a check and nothing was touched; applied: done and staged;
 * dry-run: done in a temporary copy, the repo untouched; rolled-back: a verification check failed
 * and the working tree and index were restored.
 */
export type ApplyStatus = 'refused' | 'applied' | 'dry-run' | 'rolled-back';

/** One minimal text edit at a recorded span: a reference switched to a file's new path. */
export interface ReferenceEdit {
  /** The file edited, by its path before the apply. */
  file: string;
  /** 1-based line. */
  line: number;
  before: string;
  after: string;
  /** The plan item (its path) the edit carries out. */
  item: string;
}

/** One plan item that was carried out. */
export interface AppliedAction {
  path: string;
  action: PlanAction;
  to?: string;
  /** What was done, one sentence: "git mv scripts/a.py archive/scripts/a.py". */
  done: string;
}

/** One comparison of the re-audit with the audit before. */
export interface VerificationCheck {
  /** `broken-imports`, `verdicts`, `entry-points`, `tests`. */
  name: string;
  ok: boolean;
  /** What broke, one sentence each, naming the plan item responsible when it can be told. */
  failures: string[];
}

export interface ApplyReport {
  reportVersion: number;
  tool: { name: 'census'; version: string };
  generatedAt: string;
  /** The plan file as the user named it. */
  plan: string;
  /** The repo folder applied to, as the user named it. */
  root: string;
  status: ApplyStatus;
  /** Why the plan was refused (status refused), one clear sentence each. */
  problems: string[];
  actions: AppliedAction[];
  edits: ReferenceEdit[];
  /** Items not carried out: keep and review, always. */
  skipped: { path: string; action: PlanAction }[];
  /** The re-audit's checks (empty when refused before applying). */
  checks: VerificationCheck[];
  /** The --test command, its exit code and the end of its output. */
  test?: { command: string; exitCode: number; output: string[] };
  /** Notes for the reviewer: HEAD moved since the plan, references left as they were, staging caveats. */
  notes: string[];
  /** The change as a unified diff (--dry-run), or `git diff --staged --stat` after an apply, one line each. */
  diff: string[];
  /** Files changed, lines added and removed, in the diff. */
  diffSize: { files: number; insertions: number; deletions: number };
}
