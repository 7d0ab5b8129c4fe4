/**
 * Which copy of a cluster to keep, and why, in the order the issue gives: the strongest verdict
 * (production first), else the most recently changed, else the copy in the canonical folder.
 * Each rule only narrows the candidates; the reason names every rule that did.
 */
import type { FileRecord } from '../../model/file.js';
import { VERDICTS } from '../../model/verdict.js';
import { byString } from '../../util/compare.js';
import { dirname } from '../../util/path.js';

export type KeeperRule = 'verdict' | 'date' | 'archive' | 'canonical' | 'depth' | 'path';

export interface KeeperChoice {
  keep: string;
  reason: string;
  /** The rules that narrowed the candidates, in order. */
  decidedBy: KeeperRule[];
}

/** Folder or file-name words that say "this is not the live copy". */
const ARCHIVE_LIKE = /^(?:backups?|old|copy|copies|archives?|archived|legacy|deprecated|obsolete|outdated|bak|tmp|temp|unused|attic|trash|graveyard)$|[._ -](?:old|bak|backup|copy|orig|archived?|deprecated)$|^(?:old|copy|backup|bak)[._ -]|\(\d+\)$|\bcopy$/i;
const CANONICAL = /^(?:src|lib|scripts|app|pkg|source)$/;

const segmentsOf = (path: string): string[] => {
  const parts = path.split('/');
  parts[parts.length - 1] = parts[parts.length - 1].replace(/\.[^.]*$/, '');
  return parts;
};

const archiveScore = (path: string): number => segmentsOf(path).filter((s) => ARCHIVE_LIKE.test(s)).length;
const canonicalScore = (path: string): number => (dirname(path).split('/').some((s) => CANONICAL.test(s)) ? 0 : 1);
const depth = (path: string): number => path.split('/').length;
const verdictRank = (f: FileRecord): number => (f.verdict ? VERDICTS.indexOf(f.verdict) : VERDICTS.length);

/** Keeps the candidates with the lowest score; reports whether that narrowed them. */
const narrow = (files: FileRecord[], score: (f: FileRecord) => number): { kept: FileRecord[]; narrowed: boolean } => {
  const best = Math.min(...files.map(score));
  const kept = files.filter((f) => score(f) === best);
  return { kept, narrowed: kept.length < files.length };
};

/** `a.py is dead, b.py is manual` (at most three named). */
const listOthers = (others: FileRecord[], describe: (f: FileRecord) => string): string => {
  const shown = others.slice(0, 3).map(describe);
  return others.length > 3 ? `${shown.join(', ')} and ${others.length - 3} more` : shown.join(', ');
};

/**
 * Applies the rules in order. With `decisiveOnly`, only the verdict and date rules may pick a
 * keeper (for possible overlaps, where folder conventions say nothing about which one is live);
 * the result is null when they do not.
 */
export const chooseKeeper = (files: FileRecord[], decisiveOnly = false): KeeperChoice | null => {
  let candidates = [...files].sort((a, b) => byString(a.path, b.path));
  const decidedBy: KeeperRule[] = [];
  const phrases: string[] = [];
  const apply = (rule: KeeperRule, score: (f: FileRecord) => number, phrase: (dropped: FileRecord[]) => string) => {
    if (candidates.length < 2) return;
    const { kept, narrowed } = narrow(candidates, score);
    if (!narrowed) return;
    const dropped = candidates.filter((f) => !kept.includes(f));
    candidates = kept;
    decidedBy.push(rule);
    phrases.push(phrase(dropped));
  };

  apply('verdict', verdictRank, (dropped) => {
    const others = listOthers(dropped, (f) => `${f.path} is ${f.verdict ?? 'without a verdict'}`);
    const verdict = candidates[0].verdict;
    return verdict === 'production' ? `it is reachable from production (${others})` : `its verdict, ${verdict}, is the strongest (${others})`;
  });
  if (candidates.every((f) => f.lastChange !== undefined)) {
    const newest = [...candidates.map((f) => f.lastChange!)].sort(byString).pop()!;
    apply('date', (f) => (f.lastChange === newest ? 0 : 1), (dropped) => `it changed most recently (${newest}; ${listOthers(dropped, (f) => `${f.path}: ${f.lastChange}`)})`);
  }
  if (decisiveOnly && candidates.length > 1) return null;
  if (!decisiveOnly) {
    apply('archive', (f) => archiveScore(f.path), (dropped) => `${listOthers(dropped, (f) => f.path)} ${dropped.length === 1 ? 'looks' : 'look'} like a backup, old or archived copy`);
    apply('canonical', (f) => canonicalScore(f.path), () => 'it is under a canonical folder (src, lib, scripts, app)');
    apply('depth', (f) => depth(f.path), () => 'it has the shallowest path');
    if (candidates.length > 1) {
      decidedBy.push('path');
      phrases.push('nothing else tells the copies apart, so the first by path');
    }
  }
  const keep = candidates[0].path;
  return { keep, reason: `keep ${keep}: ${phrases.length > 0 ? phrases.join(', and ') : 'it is the only candidate'}`, decidedBy };
};

const MAX_CALLERS_LISTED = 10;

/** `remove after switching its callers: a, b` or `remove (no callers)`. */
export const removeAction = (callers: string[]): string => {
  if (callers.length === 0) return 'remove (no callers)';
  const shown = callers.slice(0, MAX_CALLERS_LISTED).join(', ');
  const more = callers.length > MAX_CALLERS_LISTED ? ` and ${callers.length - MAX_CALLERS_LISTED} more` : '';
  return `remove after switching its callers: ${shown}${more}`;
};
