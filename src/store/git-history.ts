/**
 * What the history needs from git: commit dates, the last N commits, and past commits' files to
 * audit. A past commit is read as blobs (`git ls-tree` + `git cat-file --batch`) and written into
 * a fresh folder in the system temp dir: no worktree is added (so a kill -9 leaves nothing
 * registered in the user's .git), nothing is checked out (so no smudge filter or checkout hook can
 * run), and the user's working tree, index and branches are never touched.
 */
import fs from 'node:fs';
import { UsageError } from '../util/errors.js';
import { makeTempDir, removeTree } from '../util/fs.js';
import { runGit as git, runGitBytes } from '../util/git.js';
import { dirnameAbsolute, joinAbsolute } from '../util/path.js';

export const commitDate = (dirAbs: string, commit: string): string | null => git(dirAbs, ['log', '-1', '--format=%cI', commit])?.trim() || null;

/**
 * Whether the scanned folder differs from its commit, untracked files included (they are part of
 * a census, unlike the Audit's own `dirty`, which counts tracked changes only).
 */
export const differsFromCommit = (dirAbs: string): boolean => (git(dirAbs, ['status', '--porcelain', '--', '.', ':(exclude).census']) ?? '').trim() !== '';

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

export interface CommitSnapshots {
  /** Absolute path of the folder a commit's files are written to. */
  dir: string;
  /** Replace the folder's content with the files of `commit`; false when git cannot read it. */
  load(commit: string): boolean;
}

interface TreeEntry {
  mode: string;
  oid: string;
  path: string;
}

/** A path from a tree object that is safe to write below a folder: no `..`, no absolute path, no `.git`. */
const isSafeTreePath = (path: string): boolean =>
  path !== '' && !path.startsWith('/') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && part.toLowerCase() !== '.git');

const listTree = (dirAbs: string, commit: string): TreeEntry[] | null => {
  const out = git(dirAbs, ['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--full-tree', commit]);
  if (out === null) return null;
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
    // Regular and executable files only: a symlink could point anywhere, a submodule has no blobs here.
    if (m && m[2] === 'blob' && (m[1] === '100644' || m[1] === '100755') && isSafeTreePath(m[4])) entries.push({ mode: m[1], oid: m[3], path: m[4] });
  }
  return entries;
};

/** Blob contents by object id, from one `git cat-file --batch` call. */
const readBlobs = (dirAbs: string, oids: string[]): Map<string, Buffer> | null => {
  const unique = [...new Set(oids)];
  const out = runGitBytes(dirAbs, ['cat-file', '--batch'], { input: unique.join('\n') + '\n' });
  if (out === null) return null;
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header.length < 3) continue; // "<oid> missing"
    const size = Number(header[2]);
    blobs.set(header[0], out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
};

const writeSnapshot = (dir: string, entries: TreeEntry[], blobs: Map<string, Buffer>): void => {
  for (const e of entries) {
    const bytes = blobs.get(e.oid);
    if (bytes === undefined) continue;
    const abs = joinAbsolute(dir, e.path);
    fs.mkdirSync(dirnameAbsolute(abs), { recursive: true });
    // 'wx': the folder is census's own and fresh, so an existing file here would be a bug, never overwritten.
    fs.writeFileSync(abs, bytes, { flag: 'wx', mode: e.mode === '100755' ? 0o755 : 0o644 });
  }
};

/**
 * Runs `work` with a temporary folder that `load(commit)` fills with a commit's files, then removes
 * the folder whatever happened.
 */
export const withCommitSnapshots = async <T>(dirAbs: string, work: (snapshots: CommitSnapshots) => Promise<T>): Promise<T> => {
  if (git(dirAbs, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) === null) {
    throw new UsageError(`git cannot read the commits of ${dirAbs} (is it a git repository with a commit?)`);
  }
  const parent = makeTempDir('census-history-');
  const dir = joinAbsolute(parent, 'commit');
  const load = (commit: string): boolean => {
    removeTree(dir);
    fs.mkdirSync(dir);
    const entries = listTree(dirAbs, commit);
    if (entries === null) return false;
    const blobs = readBlobs(dirAbs, entries.map((e) => e.oid));
    if (blobs === null) return false;
    writeSnapshot(dir, entries, blobs);
    return true;
  };
  try {
    return await work({ dir, load });
  } finally {
    removeTree(parent);
  }
};
