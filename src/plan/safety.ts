/**
 * The last word before a plan is written: whatever the rules before it decided, no item may remove
 * a file that a root reaches, that a framework loads by convention, that an entry starts, that a
 * run loaded, that docs mention, that changed recently or that a guarded, dynamic or string import
 * names; no archive or move may land on a path that exists or that another item also targets; a
 * merge must point at a file that stays. An item that breaks one becomes a review saying which.
 */
import type { PlanItem } from '../model/plan.js';
import { removalBlockers } from './decide.js';
import type { PlanEvidence } from './evidence.js';
import type { PlanOptions } from './options.js';

const REMOVES = new Set<PlanItem['action']>(['merge', 'delete', 'archive']);

const toReview = (item: PlanItem, why: string[]): PlanItem => ({
  path: item.path,
  action: 'review',
  hash: item.hash,
  verdict: item.verdict,
  reasons: [...item.reasons, ...why.map((w) => `safety: proposed ${item.action}${item.to ? ` to ${item.to}` : ''} withdrawn: ${w}`)],
});

export const enforceSafety = (items: PlanItem[], evidence: PlanEvidence, options: PlanOptions): PlanItem[] => {
  const byPath = new Map(items.map((i) => [i.path, i]));
  const targets = new Map<string, number>();
  for (const i of items) if (i.to !== undefined && i.action !== 'merge') targets.set(i.to, (targets.get(i.to) ?? 0) + 1);
  return items.map((item) => {
    const why: string[] = [];
    const ev = evidence.byPath.get(item.path);
    if (REMOVES.has(item.action)) {
      if (item.verdict !== 'dead') why.push(`it is ${item.verdict}, not dead`);
      if (ev) why.push(...removalBlockers(ev, evidence, options));
    }
    if (item.action === 'merge') {
      const keeper = item.to === undefined ? undefined : byPath.get(item.to);
      if (keeper === undefined || (keeper.action !== 'keep' && keeper.action !== 'review')) why.push(`its keeper ${item.to} does not stay`);
    }
    if ((item.action === 'archive' || item.action === 'move') && item.to !== undefined) {
      if (evidence.allPaths.has(item.to)) why.push(`${item.to} already exists`);
      if ((targets.get(item.to) ?? 0) > 1) why.push(`another item also goes to ${item.to}`);
    }
    return why.length === 0 ? item : toReview(item, why);
  });
};
