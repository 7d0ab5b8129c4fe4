/** Words the plan's terminal and Markdown views share: action titles, the order they are shown in, the headline. */
import type { Plan, PlanAction, PlanItem } from '../model/plan.js';

/** The actions a person has to look at, most consequential first; `keep` comes last. */
export const ACTION_ORDER: PlanAction[] = ['delete', 'merge', 'archive', 'move', 'review', 'keep'];

export const ACTION_TITLES: Record<PlanAction, string> = {
  delete: 'Delete',
  merge: 'Merge into the copy to keep',
  archive: 'Archive',
  move: 'Move (proposed layout)',
  review: 'Review (a person decides; apply leaves these alone)',
  keep: 'Keep',
};

export const itemsOf = (plan: Plan, action: PlanAction): PlanItem[] => plan.items.filter((i) => i.action === action);

/** `120 source files: 80 keep, 30 review, 10 archive`. */
export const planHeadline = (plan: Plan): string => {
  const counts = ACTION_ORDER.filter((a) => (plan.summary[a] ?? 0) > 0).map((a) => `${plan.summary[a]} ${a}`);
  return `${plan.items.length} source ${plan.items.length === 1 ? 'file' : 'files'}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`;
};

/** Where the plan was made: root, commit, archive folder. */
export const planSource = (plan: Plan): string => {
  const commit = plan.git?.commit ? ` at ${plan.git.commit.slice(0, 12)}${plan.git.dirty ? ' (uncommitted changes)' : ''}` : '';
  return `${plan.root}${commit}; archive folder ${plan.archiveDir}/`;
};
