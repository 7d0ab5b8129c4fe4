/** What the per-language classifiers say about one import that does not work, before guards apply. */
import type { ImportBucket } from '../../model/imports.js';

/** The bucket an import would be in if nothing guarded it. */
export type BaseBucket = Exclude<ImportBucket, 'optional' | 'type-only'>;

export interface Failure {
  base: BaseBucket;
  /** The RootCause name: a distribution, an import name, a module, or `file:name`. */
  rootCause: string;
  /** The root cause's reality in a few words: "declared, not installed". */
  reality: string;
  /** What to do about the root cause. */
  action: string;
  /** About this one import: "declared in pyproject.toml:12; not installed in .venv". */
  detail: string;
  /** False when the import works in the analysed environment (installed but undeclared, devDependency). */
  fails: boolean;
  /** The imported name, for missing-name. */
  name?: string;
}
