/**
 * census_plan's answer: the cleanup plan census plan would write, built from the warm Audit (with
 * duplicates) on demand. Read-only: carrying a plan out stays a person's `census apply`.
 */
import type { Audit } from '../model/audit.js';
import type { Plan } from '../model/plan.js';
import { buildPlan } from '../plan/index.js';
import { DEFAULT_ARCHIVE_DIR, DEFAULT_RECENT_DAYS } from '../plan/options.js';
import { repoTextReader } from '../util/fs.js';

export interface PlanQuery {
  /** A repo folder ('' = the whole repo): only its items are listed; the whole Audit is the evidence. */
  folder: string;
  recentDays?: number;
  deleteDead?: boolean;
}

export const planOf = (audit: Audit, rootAbs: string, query: PlanQuery): Plan => {
  // Dead files are also looked for in every file's text (a mention keeps them in review), as census plan does.
  const readText = repoTextReader(rootAbs, { maxBytes: audit.options.maxFileSize, onTooLarge: () => {} });
  const options = {
    archiveDir: DEFAULT_ARCHIVE_DIR,
    recentDays: query.recentDays ?? DEFAULT_RECENT_DAYS,
    today: new Date().toISOString().slice(0, 10),
    deleteDead: query.deleteDead ?? false,
  };
  return buildPlan(audit, options, { readText, ...(query.folder !== '' ? { folder: query.folder } : {}) });
};
