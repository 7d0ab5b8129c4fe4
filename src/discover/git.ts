/**
 * Everything census asks git, in as few calls as possible: one `ls-files` for the listing,
 * one `log` pass for last-change dates. No per-file git calls.
 */
import type { GitInfo } from '../model/audit.js';
import { runGit as git } from '../util/git.js';

/** True when `dir` is inside a git work tree. */
export const isGitWorkTree = (dir: string): boolean => git(dir, ['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';

/**
 * How long listing the untracked files may take. git matches every untracked path against the
 * .gitignore patterns, and its matcher backtracks: a repo's `*a*a*a*a*a*a*b` patterns against long
 * names kept `git ls-files --others` busy for over ten minutes.
 */
export const UNTRACKED_TIMEOUT_MS = 30_000;

export interface GitListing {
  files: string[];
  /** True when git could not list the untracked files in time: only tracked files are listed. */
  untrackedSkipped: boolean;
}

const nulSeparated = (out: string): string[] => out.split('\0').filter((p) => p !== '');

/** Tracked plus untracked-not-ignored files under `dir`, relative to `dir`, POSIX. */
export const gitListFiles = (dir: string): GitListing | null => {
  // Tracked files need no ignore matching, so they are listed on their own and always arrive.
  const tracked = git(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached']);
  if (tracked === null) return null;
  const untracked = git(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--others', '--exclude-standard'], { timeoutMs: UNTRACKED_TIMEOUT_MS });
  return { files: [...new Set([...nulSeparated(tracked), ...nulSeparated(untracked ?? '')])], untrackedSkipped: untracked === null };
};

export const gitInfo = (dir: string): GitInfo | null => {
  const commit = git(dir, ['rev-parse', 'HEAD'])?.trim() ?? null;
  if (commit === null && !isGitWorkTree(dir)) return null;
  const branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD'])?.trim() ?? null;
  // census's own .census/ (a baseline just rewritten) is not a change to the code being audited.
  const status = git(dir, ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude).census']);
  // A status git cannot give (a corrupt index, a time-out) is not "clean": unknown counts as changed.
  return { commit, branch: branch === 'HEAD' ? null : branch, dirty: status === null || status.trim() !== '' };
};

/**
 * Last commit date (YYYY-MM-DD) of every file under `dir` that git knows, keyed by path relative
 * to `dir`. One `git log` pass, newest first, so the first date seen for a path is its last change.
 */
export const gitLastChangeDates = (dir: string): Map<string, string> => {
  const dates = new Map<string, string>();
  const prefix = git(dir, ['rev-parse', '--show-prefix'])?.trim() ?? '';
  const out = git(dir, ['-c', 'core.quotepath=off', 'log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.']);
  if (out === null) return dates;
  let date = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('\0')) {
      date = line.slice(1);
    } else if (line !== '' && line.startsWith(prefix)) {
      const path = line.slice(prefix.length);
      if (!dates.has(path)) dates.set(path, date);
    }
  }
  return dates;
};
