/**
 * What the history needs from git: commit dates, the last N commits, and a temporary worktree to
 * audit past commits in. The worktree lives in the system temp dir and is removed afterwards; the
 * user's working tree, index and branches are never touched.
 */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../util/errors.js';
import { makeTempDir, removeTree } from '../util/fs.js';
import { joinAbsolute } from '../util/path.js';

const git = (cwd: string, args: string[]): string | null => {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return null;
  }
};

/** The committer date of a commit (ISO 8601), or null outside git. */
export const commitDate = (dirAbs: string, commit: string): string | null => git(dirAbs, ['log', '-1', '--format=%cI', commit])?.trim() || null;

/**
 * Whether the scanned folder differs from its commit, untracked files included (they are part of
 * a census, unlike the Audit's own `dirty`, which counts tracked changes only).
 */
export const differsFromCommit = (dirAbs: string): boolean => (git(dirAbs, ['status', '--porcelain', '--', '.']) ?? '').trim() !== '';

export interface CommitRef {
  commit: string;
  date: string;
}

/** The last `count` commits on the first-parent line of HEAD, oldest first. */
export const recentCommits = (dirAbs: string, count: number): CommitRef[] | null => {
  const out = git(dirAbs, ['log', `--max-count=${count}`, '--first-parent', '--format=%H %cI', 'HEAD']);
  if (out === null) return null;
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [commit, date] = l.split(' ');
      return { commit, date };
    })
    .reverse();
};

/** Where the scanned folder sits inside its repository (`''` at the top, `sub/dir/` below it). */
export const repoPrefix = (dirAbs: string): string | null => {
  const out = git(dirAbs, ['rev-parse', '--show-prefix']);
  return out === null ? null : out.trim();
};

export interface TemporaryWorktree {
  /** Absolute path of the worktree's top folder. */
  dir: string;
  checkout(commit: string): boolean;
}

/**
 * Runs `work` with a detached worktree of the repository at `dirAbs`, then removes it (and its
 * bookkeeping under .git/worktrees) whatever happened.
 */
export const withTemporaryWorktree = async <T>(dirAbs: string, work: (tree: TemporaryWorktree) => Promise<T>): Promise<T> => {
  const parent = makeTempDir('census-history-');
  const dir = joinAbsolute(parent, 'worktree');
  if (git(dirAbs, ['worktree', 'add', '--detach', '--quiet', dir, 'HEAD']) === null) {
    removeTree(parent);
    throw new UsageError(`git could not add a temporary worktree for ${dirAbs} (is it a git repository with a commit?)`);
  }
  try {
    return await work({ dir, checkout: (commit) => git(dir, ['checkout', '--quiet', '--detach', '--force', commit]) !== null });
  } finally {
    git(dirAbs, ['worktree', 'remove', '--force', dir]);
    removeTree(parent);
    git(dirAbs, ['worktree', 'prune']);
  }
};
