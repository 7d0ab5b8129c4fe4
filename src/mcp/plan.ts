/**
 * census_plan's answer: the cleanup plan census plan would write, built from the warm Audit (with
 * duplicates) on demand. Read-only: carrying a plan out stays a person's `census apply`.
 */
import type { Audit } from '../model/audit.js';
import type { Plan } from '../model/plan.js';
import { planOfRepo } from '../plan/of-repo.js';
import { planOptions } from '../plan/options.js';

export interface PlanQuery {
  /** A repo folder ('' = the whole repo): only its items are listed; the whole Audit is the evidence. */
  folder: string;
  recentDays?: number;
  deleteDead?: boolean;
}

export const planOf = (audit: Audit, rootAbs: string, query: PlanQuery): Plan =>
  planOfRepo(audit, rootAbs, planOptions({ recentDays: query.recentDays, deleteDead: query.deleteDead }), query.folder);
