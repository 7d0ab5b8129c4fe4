/**
 * Rules that depend on other files' actions, applied until nothing changes. A file is archived or
 * deleted only when everything that imports, runs or names it goes too (else the user would break);
 * a copy is merged into or deleted for its keeper only while that keeper stays where it is.
 * Each step only moves an item toward staying (copy removal → archive/delete → review), so it ends.
 */
import type { PlanItem } from '../model/plan.js';
import { decide, type Decision } from './decide.js';
import type { PlanEvidence } from './evidence.js';
import { named } from './reasons.js';
import type { PlanOptions } from './options.js';

const REMOVED = new Set<PlanItem['action']>(['archive', 'delete', 'merge']);
const STAYS = new Set<PlanItem['action']>(['keep', 'review']);

export const cascade = (decisions: Map<string, Decision>, evidence: PlanEvidence, options: PlanOptions): void => {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [path, { item, keeper }] of decisions) {
      const ev = evidence.byPath.get(path)!;
      if (keeper !== null) {
        const kept = decisions.get(keeper)?.item;
        if (kept === undefined || !STAYS.has(kept.action)) {
          const again = decide(ev, evidence, options, false);
          again.item.reasons.push(`not merged: its keeper ${keeper} does not stay (${kept?.action ?? 'not in the plan'})`);
          decisions.set(path, again);
          changed = true;
          continue;
        }
      }
      if (!REMOVED.has(item.action)) continue;
      // A user with no plan item (a config, a unit file, a doc) stays by definition. A merge switches
      // its importers to the keeper, but no text that names the file.
      const stays = (from: string) => !REMOVED.has(decisions.get(from)?.item.action ?? 'keep');
      const blocking = item.action === 'merge' ? ev.textMentions : [...ev.users, ...ev.textMentions];
      const users = [...new Set(blocking.filter((u) => stays(u.from)).map((u) => `${u.from}:${u.line}`))];
      if (users.length === 0) continue;
      const review: PlanItem = { path, action: 'review', hash: item.hash, verdict: item.verdict, reasons: [...item.reasons, `not removed: ${named(users, 3)} ${item.action === 'merge' ? 'names it' : 'uses it'} and stays`] };
      decisions.set(path, { item: review, keeper: null });
      changed = true;
    }
  }
};
