/**
 * buildPlan: from an Audit (with duplicates) to the cleanup Plan, one item per source file.
 * Order of work: each file's own evidence decides a first action (decide.ts); actions that depend
 * on other files settle in cascade (cascade.ts); a folder layout is proposed as moves (layout.ts);
 * a last safety pass (safety.ts) turns any removal the rules forbid into a review. Pure and
 * deterministic: the same Audit and options give the same Plan but for generatedAt.
 */
import type { Audit } from '../model/audit.js';
import { PLAN_ACTIONS, PLAN_VERSION, type Plan, type PlanAction, type PlanItem } from '../model/plan.js';
import { byString } from '../util/compare.js';
import { VERSION } from '../version.js';
import { cascade } from './cascade.js';
import { decide, type Decision } from './decide.js';
import { gatherEvidence } from './evidence.js';
import { proposeLayout } from './layout.js';
import type { PlanOptions } from './options.js';
import { enforceSafety } from './safety.js';

/** The item with its fields in the documented order (path, action, to, hash, verdict, reasons). */
const ordered = (i: PlanItem): PlanItem => ({
  path: i.path,
  action: i.action,
  ...(i.to !== undefined && (i.action === 'merge' || i.action === 'archive' || i.action === 'move') ? { to: i.to } : {}),
  hash: i.hash,
  verdict: i.verdict,
  reasons: i.reasons,
});

export interface PlanInput {
  /** Reads a repo file's text (null when it cannot): dead files are then also looked for in every file's text. */
  readText?: (path: string) => string | null;
  /** Only items under this folder (a repo path) are listed; the whole Audit is still the evidence. */
  folder?: string;
  generatedAt?: string;
}

export const buildPlan = (audit: Audit, options: PlanOptions, input: PlanInput = {}): Plan => {
  const evidence = gatherEvidence(audit, input.readText);
  const decisions = new Map<string, Decision>();
  for (const [path, ev] of evidence.byPath) decisions.set(path, decide(ev, evidence, options));
  cascade(decisions, evidence, options);
  proposeLayout(decisions, evidence);
  const items = enforceSafety([...decisions.values()].map((d) => d.item), evidence, options)
    .map(ordered)
    .filter((i) => !input.folder || i.path.startsWith(`${input.folder}/`))
    .sort((a, b) => byString(a.path, b.path));
  const summary: Partial<Record<PlanAction, number>> = {};
  for (const action of PLAN_ACTIONS) {
    const n = items.filter((i) => i.action === action).length;
    if (n > 0) summary[action] = n;
  }
  return {
    planVersion: PLAN_VERSION,
    tool: { name: 'census', version: VERSION },
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    root: audit.root,
    git: audit.git,
    archiveDir: options.archiveDir,
    items,
    summary,
  };
};
