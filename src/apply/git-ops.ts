/**
 * The git calls census apply makes, all through util/git.ts (hooks, fsmonitor and filters off):
 * is this a work tree and is it clean, which files are tracked, `git mv` / `git rm` / `git add`,
 * the index saved as a tree and read back for a rollback, and the staged diff for the report.
 */
import { runGit } from '../util/git.js';

export const isWorkTree = (dir: string): boolean => runGit(dir, ['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';

/** Tracked changes under `dir` (staged or not), one porcelain line each; null when git cannot tell. */
export const trackedChanges = (dir: string): string[] | null => {
  const out = runGit(dir, ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude).census']);
  return out === null ? null : out.split('\n').filter((l) => l.trim() !== '');
};

const nul = (out: string | null): string[] => (out ?? '').split('\0').filter((p) => p !== '');

export const trackedFiles = (dir: string): Set<string> => new Set(nul(runGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached'])));

/** Tracked and untracked-not-ignored files: what a dry run copies. */
export const listedFiles = (dir: string): string[] => [
  ...new Set([...nul(runGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached'])), ...nul(runGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--others', '--exclude-standard']))]),
];

export const headCommit = (dir: string): string | null => runGit(dir, ['rev-parse', '--verify', '-q', 'HEAD'])?.trim() ?? null;

const must = (dir: string, args: string[], what: string): void => {
  if (runGit(dir, args) === null) throw new Error(`${what} failed`);
};

export const gitMove = (dir: string, from: string, to: string): void => must(dir, ['mv', '--', from, to], `git mv ${from} ${to}`);
export const gitRemove = (dir: string, path: string): void => must(dir, ['rm', '--quiet', '--', path], `git rm ${path}`);
export const gitAdd = (dir: string, paths: string[]): void => {
  if (paths.length > 0) must(dir, ['add', '--', ...paths], `git add ${paths.join(' ')}`);
};

/** The index as a tree object, to put back exactly on a rollback. */
export const saveIndex = (dir: string): string => {
  const tree = runGit(dir, ['write-tree'])?.trim();
  if (!tree) throw new Error('git write-tree failed: the index has unmerged entries?');
  return tree;
};

export const restoreIndex = (dir: string, tree: string): void => {
  must(dir, ['read-tree', tree], `git read-tree ${tree}`);
  // read-tree drops the stat data; refreshing it keeps `git status` from seeing every file as changed.
  runGit(dir, ['update-index', '-q', '--refresh']);
};

/** The staged change as a unified diff (renames detected), or its --stat. */
export const stagedDiff = (dir: string, stat = false): string =>
  runGit(dir, ['-c', 'core.quotepath=off', 'diff', '--staged', '-M', '--no-color', '--no-ext-diff', '--no-textconv', ...(stat ? ['--stat'] : [])]) ?? '';

export const stagedSize = (dir: string): { files: number; insertions: number; deletions: number } => {
  const out = runGit(dir, ['diff', '--staged', '-M', '--numstat', '--no-ext-diff', '--no-textconv']) ?? '';
  let files = 0;
  let insertions = 0;
  let deletions = 0;
  for (const line of out.split('\n')) {
    const m = /^(\d+|-)\t(\d+|-)\t/.exec(line);
    if (!m) continue;
    files++;
    insertions += m[1] === '-' ? 0 : Number(m[1]);
    deletions += m[2] === '-' ? 0 : Number(m[2]);
  }
  return { files, insertions, deletions };
};

/** A fresh repository holding `dir`'s files in one commit (the dry run's scratch copy). */
export const initScratchRepo = (dir: string): void => {
  const id = ['-c', 'user.name=census', '-c', 'user.email=census@localhost', '-c', 'commit.gpgsign=false'];
  must(dir, ['init', '--quiet'], 'git init');
  must(dir, ['add', '--all', '--force'], 'git add');
  must(dir, [...id, 'commit', '--quiet', '--allow-empty', '--no-verify', '-m', 'census apply --dry-run'], 'git commit');
};
