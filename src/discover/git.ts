/**
 * Everything census asks git, in as few calls as possible: one `rev-parse` for the work tree, its
 * head and the folder's prefix; one `ls-files` for the tracked and the untracked files; one
 * `status` for the dirty flag; one `log` pass for last-change dates. No per-file git calls.
 *
 * The listing is awaited at once; status and log are started once it is in (discover/index.ts) and
 * awaited where the scan needs them (the Audit's `git`, the date stage), so git works on the other
 * core while census extracts, and forks while census's heap is still small.
 */
import type { GitInfo } from '../model/audit.js';
import { runGit as git, runGitWithStatus, startGit } from '../util/git.js';

/**
 * How long listing the untracked files may take. git matches every untracked path against the
 * .gitignore patterns, and its matcher backtracks: a repo's `*a*a*a*a*a*a*b` patterns against long
 * names kept `git ls-files --others` busy for over ten minutes.
 */
export const UNTRACKED_TIMEOUT_MS = 30_000;

export interface GitWorkTree {
  /** `dir` relative to the work tree's top, `sub/` or '' (what `rev-parse --show-prefix` says). */
  prefix: string;
  /** HEAD's commit; null in a repository with no commit yet (or a HEAD git cannot resolve). */
  commit: string | null;
  /** The checked-out branch; null on a detached HEAD or with no commit. */
  branch: string | null;
}

/**
 * What `rev-parse --is-inside-work-tree`, `rev-parse HEAD`, `rev-parse --abbrev-ref HEAD` and
 * `rev-parse --show-prefix` say one call each, in one call: null when `dir` is not inside a work
 * tree. rev-parse answers its arguments in order and stops at the first it cannot take, so a call
 * that succeeds answered all four (the prefix last: a folder name may hold a newline, so it is the
 * rest of the output). One that fails after saying `true` met a HEAD it could not resolve (no
 * commit yet, a broken ref; or a file named HEAD, which makes the arguments after it file names):
 * then the three questions are asked one by one as before, so every answer stays what it was.
 */
export const gitWorkTree = (dir: string): GitWorkTree | null => {
  const run = runGitWithStatus(dir, ['rev-parse', '--is-inside-work-tree', 'HEAD', '--abbrev-ref', 'HEAD', '--show-prefix']);
  if (run === null) return null;
  const lines = run.stdout.split('\n');
  if (lines[0].trim() !== 'true') return null;
  if (run.status !== 0) {
    const branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD'])?.trim() ?? null;
    return {
      prefix: git(dir, ['rev-parse', '--show-prefix'])?.trim() ?? '',
      commit: git(dir, ['rev-parse', 'HEAD'])?.trim() ?? null,
      branch: branch === 'HEAD' ? null : branch,
    };
  }
  const branch = lines[2].trim();
  return { prefix: lines.slice(3).join('\n').trim(), commit: lines[1].trim(), branch: branch === 'HEAD' ? null : branch };
};

/** True when `dir` is inside a git work tree. */
export const isGitWorkTree = (dir: string): boolean => gitWorkTree(dir) !== null;

export interface GitListing {
  files: string[];
  /** True when git could not list the untracked files in time: only tracked files are listed. */
  untrackedSkipped: boolean;
}

const nulSeparated = (out: string): string[] => out.split('\0').filter((p) => p !== '');

/**
 * Tracked plus untracked-not-ignored files under `dir`, relative to `dir`, POSIX, in no particular
 * order. One git call lists both (a git process fewer per scan); only the untracked half matches
 * .gitignore patterns, which can take minutes, so that call has the untracked listing's shorter
 * time limit, and when it fails the tracked files, which need no matching, are listed alone.
 */
export const gitListFiles = async (dir: string, untrackedTimeoutMs = UNTRACKED_TIMEOUT_MS): Promise<GitListing | null> => {
  const both = await startGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { timeoutMs: untrackedTimeoutMs });
  if (both !== null) return { files: [...new Set(nulSeparated(both))], untrackedSkipped: false };
  const tracked = await startGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached']);
  return tracked === null ? null : { files: [...new Set(nulSeparated(tracked))], untrackedSkipped: true };
};

/** The Audit's `git`, once `git status` has answered. */
export const gitInfo = async (dir: string, tree: GitWorkTree): Promise<GitInfo> => {
  // census's own .census/ (a baseline just rewritten) is not a change to the code being audited.
  const status = await startGit(dir, ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude).census']);
  // A status git cannot give (a corrupt index, a time-out) is not "clean": unknown counts as changed.
  return { commit: tree.commit, branch: tree.branch, dirty: status === null || status.trim() !== '' };
};

/** The dates in `git log --format=%x00%cs --name-only` output, first (newest) date per path under `prefix`. */
export const parseLastChangeDates = (out: string, prefix: string): Map<string, string> => {
  const dates = new Map<string, string>();
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

/**
 * Last commit date (YYYY-MM-DD) of every file under `dir` that git knows, keyed by path relative
 * to `dir`. One `git log` pass, newest first, so the first date seen for a path is its last change.
 */
export const gitLastChangeDates = async (dir: string, tree: GitWorkTree): Promise<Map<string, string>> => {
  const out = await startGit(dir, ['-c', 'core.quotepath=off', 'log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.']);
  return out === null ? new Map() : parseLastChangeDates(out, tree.prefix);
};
