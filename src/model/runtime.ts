/**
 * Runtime evidence: which repo files a real run loaded, and what that says about the static
 * verdicts. Field names of RuntimeSection are a public contract (the Audit's `runtime`).
 */

/** One run's evidence, from `census trace` or an ingested log/coverage file. */
export interface RuntimeTrace {
  /** Names the run in evidence ("loaded in run nightly-batch"). */
  label: string;
  /** The file or folder the evidence was read from, as the user named it. */
  source: string;
  /** How it was read: `census-trace`, `python-importtime`, `python-verbose`, `coverage-json`, ... */
  format: string;
  /** Repo-relative files the run loaded, sorted. */
  files: string[];
  /** Dotted module names the evidence gives without a file (mapped to files by the overlay), sorted. */
  modules: string[];
}

export interface Utilization {
  /** Folder prefix the numbers are about ('' = the whole repo). */
  scope: string;
  /** Source files in scope that a run loaded. */
  loaded: number;
  /** Source files in scope. */
  total: number;
  /** loaded / total as a percentage with one decimal (0 when total is 0). */
  pct: number;
}

/** One run's share of the same scope. */
export interface LabelUtilization {
  label: string;
  loaded: number;
  total: number;
  pct: number;
}

export interface RuntimeOnlyFile {
  file: string;
  /** The runs that loaded it. */
  labels: string[];
  /** The verdict static analysis gave it (absent when verdicts were not computed). */
  staticVerdict?: string;
  /** Where the missing edge probably is: "probably loaded by the computed import at batch/runner.py:14". */
  hint?: string;
}

export interface RuntimeSection {
  /** The evidence that was merged, in the order given. */
  sources: { label: string; source: string; format: string }[];
  /** Every repo file any run loaded, sorted. */
  loaded: string[];
  utilization: Utilization;
  /** Loaded, but static analysis did not find them production: a dynamic edge it missed. */
  runtimeOnly: RuntimeOnlyFile[];
  /** Statically production (in scope), never loaded by any run. */
  dormant: string[];
  /** Utilization per run, when several were merged. */
  byLabel: LabelUtilization[];
  /** Module names from the evidence that map to no repo file (stdlib, third-party): count only. */
  unmappedModules: number;
}

/** The finding a runtime-only file gets: the run saw what the static analysis could not. */
export const RUNTIME_ONLY_FINDING = 'loaded at runtime; no static edge found';
