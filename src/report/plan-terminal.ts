/** The `census plan` terminal view: counts per action, then every item that is not `keep`, grouped and capped. */
import type { Plan } from '../model/plan.js';
import { ACTION_ORDER, ACTION_TITLES, itemsOf, planHeadline, planSource } from './plan-labels.js';
import { style } from './text.js';
import type { RenderOptions } from './types.js';

const MAX_PER_ACTION = 15;
const MAX_REASONS = 3;

export const renderPlanTerminal = (plan: Plan, options: RenderOptions): string => {
  const s = style(options.color);
  const out = [s.bold(`plan: ${planHeadline(plan)}`), s.dim(planSource(plan))];
  for (const action of ACTION_ORDER) {
    if (action === 'keep') continue;
    const items = itemsOf(plan, action);
    if (items.length === 0) continue;
    out.push('', s.bold(`${ACTION_TITLES[action]} (${items.length})`));
    for (const i of items.slice(0, MAX_PER_ACTION)) {
      out.push(`  ${i.path}${i.to !== undefined ? ` → ${i.to}` : ''}  ${s.dim(i.verdict)}`);
      for (const r of i.reasons.slice(0, MAX_REASONS)) out.push(s.dim(`      ${r}`));
      if (i.reasons.length > MAX_REASONS) out.push(s.dim(`      … ${i.reasons.length - MAX_REASONS} more reasons`));
    }
    if (items.length > MAX_PER_ACTION) out.push(s.dim(`  … and ${items.length - MAX_PER_ACTION} more (see --format md or json)`));
  }
  if (plan.items.length > 0 && plan.items.every((i) => i.action === 'keep')) out.push('', 'Nothing to clean up: every file stays.');
  return `${out.join('\n')}\n`;
};
