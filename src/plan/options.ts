/** What shapes a plan besides the Audit: where archives go, what counts as recent, whether dead files are deleted. */

export interface PlanOptions {
  /** Repo-relative folder `archive` items are moved under. */
  archiveDir: string;
  /** A dead file changed within this many days of `today` is for a person to judge, never removed. */
  recentDays: number;
  /** The day the plan is made (YYYY-MM-DD); recent changes are counted back from it. */
  today: string;
  /** Dead files with no evidence of use are deleted instead of archived. */
  deleteDead: boolean;
}

export const DEFAULT_ARCHIVE_DIR = 'archive';
export const DEFAULT_RECENT_DAYS = 90;

/** The options of a plan made today: census's defaults for what is not given (census plan and census_plan agree). */
export const planOptions = (given: Partial<PlanOptions> = {}): PlanOptions => ({
  archiveDir: given.archiveDir ?? DEFAULT_ARCHIVE_DIR,
  recentDays: given.recentDays ?? DEFAULT_RECENT_DAYS,
  today: given.today ?? new Date().toISOString().slice(0, 10),
  deleteDead: given.deleteDead ?? false,
});

/**
 * Near and same-name copies are merged only from this similarity up: below it the copies differ
 * in ways a person must read (a same-name "duplicate" at 0.9% alike is a different file).
 */
export const MERGE_MIN_SIMILARITY = 0.95;

/** `today` minus `days`, as YYYY-MM-DD (dates compare as strings). */
export const daysBefore = (today: string, days: number): string => {
  const t = Date.parse(`${today}T00:00:00Z`);
  return new Date(t - days * 86_400_000).toISOString().slice(0, 10);
};
