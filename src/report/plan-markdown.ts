/**
 * The `census plan` Markdown view, for a pull request that discusses the cleanup: counts per
 * action, then one table per action (path, destination, reasons). Kept files are counted, not listed.
 */
import type { Plan, PlanItem } from '../model/plan.js';
import { cell } from './markdown.js';
import { mdCodeCell } from './md-escape.js';
import { ACTION_ORDER, ACTION_TITLES, itemsOf, planHeadline, planSource } from './plan-labels.js';

/** Paths as code spans (safe for a table cell), the rest as escaped text. */
const row = (i: PlanItem): string => `| ${[mdCodeCell(i.path), i.to !== undefined ? mdCodeCell(i.to) : '', cell(i.verdict), cell(i.reasons.join('; '))].join(' | ')} |`;

export const renderPlanMarkdown = (plan: Plan): string => {
  const out = ['# Cleanup plan', '', `${planHeadline(plan)}.`, '', `Made from ${cell(planSource(plan))}. Edit the plan's JSON (drop an item, change an action) before \`census apply\`.`, ''];
  out.push('| Action | Files |', '|---|---|');
  for (const action of ACTION_ORDER) if ((plan.summary[action] ?? 0) > 0) out.push(`| ${action} | ${plan.summary[action]} |`);
  out.push('');
  for (const action of ACTION_ORDER) {
    if (action === 'keep') continue;
    const items = itemsOf(plan, action);
    if (items.length === 0) continue;
    out.push(`## ${ACTION_TITLES[action]} (${items.length})`, '', '| Path | To | Verdict | Reasons |', '|---|---|---|---|', ...items.map(row), '');
  }
  const kept = plan.summary.keep ?? 0;
  if (kept > 0) out.push(`${kept} ${kept === 1 ? 'file stays' : 'files stay'} as they are (\`--format json\` lists each with its reasons).`, '');
  return out.join('\n');
};
