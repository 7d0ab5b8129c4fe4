/**
 * Guardrail findings: the things a baseline accepts and `census check` compares. Each finding has
 * one stable key that survives line moves and unrelated edits (no line numbers in it):
 *
 *   dead:<path>
 *   import:<bucket>:<file>:<specifier>[:<name>]
 *   dupe:<kind>:<file>,<file>,...            (files sorted)
 *   exec-not-found:<from>:<specifier>
 *
 * The baseline file, the history database and the check result all hold these keys.
 */
import type { Diagnostic } from './diagnostic.js';
import type { DuplicateKind } from './duplicates.js';
import type { ImportBucket } from './imports.js';

export type FindingKind = 'dead' | 'import' | 'duplicate' | 'exec-not-found';

/** The name thresholds and SARIF rules use: `dead`, an import bucket, `duplicate-<kind>`, `exec-not-found`. */
export type FindingCategory = 'dead' | ImportBucket | `duplicate-${DuplicateKind}` | 'exec-not-found';

export const FINDING_CATEGORIES: readonly FindingCategory[] = [
  'dead',
  'broken-internal',
  'missing-name',
  'stdlib-removed',
  'exec-not-found',
  'missing-from-environment',
  'undeclared',
  'optional',
  'type-only',
  'duplicate-exact',
  'duplicate-renamed',
  'duplicate-same-name',
  'duplicate-near',
  'duplicate-block',
  'duplicate-overlap',
];

/**
 * Categories reported but not gated unless the config sets a threshold for them: a guarded import,
 * a type-only import and a cross-language overlap hint are not regressions by themselves.
 */
export const INFORMATIONAL_CATEGORIES: readonly FindingCategory[] = ['optional', 'type-only', 'duplicate-overlap'];

export const isFindingCategory = (name: string): name is FindingCategory => (FINDING_CATEGORIES as readonly string[]).includes(name);

export interface Finding {
  key: string;
  kind: FindingKind;
  category: FindingCategory;
  /** Where to point a reader (and a SARIF location): the file and the line of the import or command, 1 for a whole file. */
  file: string;
  line: number;
  /** Other files involved (the rest of a duplicate cluster). */
  related?: string[];
  /** One sentence for people. */
  message: string;
}

/** `census.config.json` → `check`: what counts as a regression. */
export interface CheckConfig {
  /** New findings (not in the baseline) tolerated per category; a category not named allows 0 (informational ones: any). */
  maxNew: Partial<Record<FindingCategory, number>>;
  /** Findings allowed in total per category, baseline or not. */
  max: Partial<Record<FindingCategory, number>>;
  /** Accept an incomplete analysis (unreadable/unparsable files, a crashed detector) instead of exiting 2. */
  allowIncomplete: boolean;
}

/** `.census/baseline.json`: the accepted findings. */
export interface Baseline {
  census: string;
  commit: string | null;
  date: string;
  /** How imports were checked when the baseline was made (the Python environment mode). */
  environment?: string;
  findings: string[];
}

/** Why an analysis is not complete: files not read or parsed fully, stages that crashed. */
export interface Incompleteness {
  files: string[];
  crashes: Diagnostic[];
}

export interface ThresholdBreach {
  category: FindingCategory;
  /** `maxNew` (new findings) or `max` (all findings). */
  limit: 'maxNew' | 'max';
  allowed: number;
  actual: number;
}

export interface CategoryCount {
  category: FindingCategory;
  baseline: number;
  current: number;
  new: number;
  fixed: number;
  gated: boolean;
}

export interface CheckResult {
  root: string;
  commit: string | null;
  /** Path of the baseline (relative to the root), and whether it existed. */
  baselineFile: string;
  baselineFound: boolean;
  baselineCommit: string | null;
  baselineDate: string | null;
  /** Set when the baseline was made with a different import environment than this run. */
  environmentNote?: string;
  /** Findings of this run not in the baseline, sorted by key. */
  new: Finding[];
  /** Baseline keys this run no longer has, sorted. */
  fixed: string[];
  /** Findings of this run that the baseline has. */
  unchanged: Finding[];
  counts: CategoryCount[];
  breaches: ThresholdBreach[];
  incomplete: Incompleteness;
  allowIncomplete: boolean;
  /** 'pass', 'regression' (exit 1) or 'incomplete' (exit 2). */
  status: 'pass' | 'regression' | 'incomplete';
}

/** One recorded run in the history database. */
export interface RecordedRun {
  id: number;
  recordedAt: string;
  commit: string | null;
  commitDate: string | null;
  dirty: boolean;
  /** `scan`, `check` or `backfill`. */
  source: string;
  census: string;
  files: number;
  sourceFiles: number;
  /** `verdict:<name>` and `finding:<category>` → count. */
  counts: Record<string, number>;
}

export interface RunDiff {
  from: RecordedRun;
  to: RecordedRun;
  added: string[];
  removed: string[];
  /** Counts that changed: name, before, after. */
  changes: { name: string; before: number; after: number }[];
}
