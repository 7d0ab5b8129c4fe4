/**
 * Holds each acting plan item against the repo as it is now: the file is there, is a tracked regular
 * file reached through no symlink, still has the content the plan was made from; a destination is
 * free; a keeper exists and is not itself going away. Every failure is collected, so one refusal
 * names them all and nothing is touched.
 */
import type { Plan, PlanItem } from '../model/plan.js';
import { contentHash } from '../util/content-hash.js';
import { pathKind, readBytes } from '../util/fs.js';
import { joinAbsolute } from '../util/path.js';
import { ACTING } from './load-plan.js';

/** One acting item, checked, with its destination settled (archive items default to the archive folder). */
export interface Step {
  item: PlanItem;
  path: string;
  action: 'merge' | 'archive' | 'delete' | 'move';
  /** move/archive: the destination; merge: the keeper (as it is named now). */
  to?: string;
}


/** The first symlink on the way to `path` (a folder above it, or the file itself), or null. */
export const symlinkOnPath = (rootAbs: string, path: string): string | null => {
  const segments = path.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    const kind = pathKind(joinAbsolute(rootAbs, prefix));
    if (kind === 'symlink') return prefix;
    if (kind === 'missing') return null;
  }
  return null;
};

export interface RepoCheck {
  steps: Step[];
  problems: string[];
}

export const checkAgainstRepo = (plan: Plan, rootAbs: string, tracked: ReadonlySet<string>, archiveDir: string): RepoCheck => {
  const problems: string[] = [];
  const steps: Step[] = [];
  const acting = plan.items.filter((i) => ACTING.has(i.action));
  const byPath = new Map(acting.map((i) => [i.path, i]));
  const destinations = new Map<string, string>();
  for (const item of acting) {
    const label = `${item.path} (${item.action})`;
    const action = item.action as Step['action'];
    const to = action === 'archive' ? (item.to !== undefined && archiveDir === plan.archiveDir ? item.to : `${archiveDir}/${item.path}`) : item.to;
    const link = symlinkOnPath(rootAbs, item.path);
    const kind = pathKind(joinAbsolute(rootAbs, item.path));
    if (link !== null) problems.push(`${label}: ${link === item.path ? 'the file is a symlink' : `the path goes through the symlink ${link}`}; apply moves only regular files`);
    else if (kind === 'missing') problems.push(`${label}: no such file (removed or moved since the plan was made?)`);
    else if (kind !== 'file') problems.push(`${label}: not a regular file`);
    else {
      const read = readBytes(joinAbsolute(rootAbs, item.path));
      const hash = 'error' in read ? null : contentHash(read.bytes);
      if ('error' in read) problems.push(`${label}: ${read.error}`);
      else if (hash !== item.hash) problems.push(`${label}: the file changed since the plan was made (hash ${hash}, plan says ${item.hash}); make a new plan`);
      else if (!tracked.has(item.path)) problems.push(`${label}: the file is not tracked by git; commit it first so the change can be reviewed and undone`);
    }
    if (to !== undefined && (action === 'move' || action === 'archive')) {
      const toLink = symlinkOnPath(rootAbs, to);
      if (toLink !== null) problems.push(`${label}: the destination ${to} goes through the symlink ${toLink}`);
      else if (pathKind(joinAbsolute(rootAbs, to)) !== 'missing') problems.push(`${label}: the destination ${to} already exists`);
      const other = destinations.get(to);
      if (other !== undefined) problems.push(`${label}: ${other} is also going to ${to}`);
      if (byPath.has(to)) problems.push(`${label}: the destination ${to} is another item's file`);
      destinations.set(to, item.path);
    }
    if (action === 'merge' && to !== undefined) {
      const keeperLink = symlinkOnPath(rootAbs, to);
      const keeperItem = byPath.get(to);
      if (keeperLink !== null) problems.push(`${label}: the keeper ${to} goes through the symlink ${keeperLink}`);
      else if (pathKind(joinAbsolute(rootAbs, to)) !== 'file') problems.push(`${label}: the keeper ${to} does not exist`);
      else if (keeperItem !== undefined && keeperItem.action !== 'move') problems.push(`${label}: the keeper ${to} is itself planned to ${keeperItem.action}`);
    }
    steps.push({ item, path: item.path, action, ...(to !== undefined ? { to } : {}) });
  }
  return { steps, problems };
};
