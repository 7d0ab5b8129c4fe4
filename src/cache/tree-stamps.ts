/**
 * What a scan's listing of files came from, stamped before the listing is made, so that `census
 * why` can later tell "nothing that decides the list changed" by stat alone, without running git
 * or listing again (cache/snapshot.ts compares). The listing is decided by:
 *
 * - the folders discovery would walk (the ones not ignored): a file added, removed or renamed in
 *   one changes its modification time, and then the names it holds, which are kept as a digest
 *   (without what the listing skips anyway: ignored entries, junk by name, default-excluded
 *   folders, so a `__pycache__` or an editor's swap file appearing is not a change);
 * - every symlink in them, itself and what it points to (retargeting one keeps its name);
 * - the files that say what is ignored or tracked and what HEAD is: each walked folder's
 *   .gitignore (and those above the root up to the top of its work tree), and git's HEAD, index,
 *   refs, info/exclude and config, the user's global git config
 *   and ignore file, and whether a `.git` is found upward (none, a folder, or a gitlink file);
 * - the census config and manifests at the root (read even when git ignores them).
 *
 * Stamps are taken before discovery, so a change made while a scan lists the files shows as a
 * difference afterwards rather than being folded into the stamp.
 */
import fs from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import type { DiscoveredFile } from '../discover/index.js';
import { stampTime, statStamp } from '../discover/changes.js';
import { junkReason } from '../discover/junk.js';
import { MANIFESTS } from '../discover/root.js';
import { walkTree } from '../discover/walk.js';
import { prepareCensusPath } from '../store/census-dir.js';
import { contentHash } from '../util/content-hash.js';
import { realpathOrNull } from '../util/fs.js';
import { dirnameAbsolute, joinAbsolute } from '../util/path.js';
import { CACHE_DIR } from './facts-cache.js';

/** A file besides the listed ones whose bytes the listing depends on: absolute path, stamp (null: absent), content hash ('' when not kept). */
export type ExtraStamp = [abs: string, stamp: string | null, hash: string];
/** Where a `.git` could be found upward, and what was there. */
export type Marker = [abs: string, kind: 'dir' | 'file' | 'none'];

export interface TreeStamps {
  /** When stamping began: anything changed within the racy window before it is confirmed by content. */
  time: number;
  /**
   * Every walked folder: repo path ('' = the root), its stamp, the digest of the names it holds
   * that could be files of the census, and of those and the junk it would list (an editor's swap
   * file is no file of the census, but the Audit's `junk` names it).
   */
  folders: [path: string, stamp: string, names: string, withJunk: string][];
  /** Every symlink in the walked folders: repo path, the link's own stamp, what it leads to, and where (discovery skips links to folders, dangling ones and ones out of the root). */
  links: [path: string, link: string, kind: Marker[1], real: string | null][];
  extras: ExtraStamp[];
  markers: Marker[];
  /** False when a folder could not be read: the listing cannot be vouched for, so nothing is recorded. */
  complete: boolean;
}

export interface FileStamps {
  tree: TreeStamps;
  /** Discovered repo path → its stamp (a symlink's target's: its bytes are what was read), null when it could not be stat'ed. */
  of: Map<string, string | null>;
  /**
   * The files git lists that the census leaves out (default-excluded, --include/--exclude, the
   * config's ignore, junk) with their stamps: their bytes decide the Audit's `git.dirty`.
   */
  unlisted: [path: string, stamp: string | null, hash: string][];
}

/** A file modified this close to the stamping may change again within the same timestamp tick (cache/snapshot.ts trusts only older stamps). */
export const RACY_MS = 2000;

/** Census config and manifests at the root: census reads them even when git ignores them. */
const ROOT_FILES = [...new Set(['census.config.json', ...MANIFESTS])];
/**
 * Extras larger than this are compared by stamp only. git's index is one of them and is rewritten
 * by any `git checkout -- file` or `git add`: just before a scan, its stamp is racy, and only its
 * bytes can vouch for it (payload's 1.1 MB index over the old 1 MB limit cost every re-run after a
 * checkout a whole scan). Hashing a few MB when stamping costs milliseconds.
 */
const MAX_HASHED_EXTRA = 64 * 1024 * 1024;

/** What is at `abs`: a folder, something else, nothing. `follow`: through a symlink. */
export const kindOf = (abs: string, follow = false): Marker[1] => {
  try {
    return (follow ? fs.statSync(abs) : fs.lstatSync(abs)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
};

export const extraStamp = (abs: string): ExtraStamp => {
  const stamp = statStamp(abs);
  let hash = '';
  if (stamp !== null && Number(stamp.split(':')[0]) <= MAX_HASHED_EXTRA) {
    try {
      hash = contentHash(fs.readFileSync(abs));
    } catch {
      hash = '';
    }
  }
  return [abs, stamp, hash];
};

const readLine = (abs: string): string | null => {
  try {
    return fs.readFileSync(abs, 'utf8').split('\n')[0].trim();
  } catch {
    return null;
  }
};

/** The files of a git repository whose change can change the listing or the commit dates (refs, index, ignore rules, config). */
const gitFiles = (gitdir: string): string[] => {
  const commondirLine = readLine(joinAbsolute(gitdir, 'commondir'));
  const common = commondirLine ? joinAbsolute(gitdir, commondirLine) : gitdir;
  const head = readLine(joinAbsolute(gitdir, 'HEAD'));
  const ref = head?.startsWith('ref: ') ? head.slice(5).trim() : null;
  const refFiles = ref !== null && !ref.split('/').includes('..') ? [joinAbsolute(gitdir, ref), joinAbsolute(common, ref)] : [];
  return [
    ...['HEAD', 'index', 'commondir', 'config.worktree'].map((n) => joinAbsolute(gitdir, n)),
    ...['packed-refs', 'config', 'info/exclude', 'info/grafts', 'shallow', 'reftable/tables.list'].map((n) => joinAbsolute(common, n)),
    ...refFiles,
  ];
};

/** The user's git config and ignore files (git reads them; GIT_CONFIG_NOSYSTEM keeps the system's out). */
const globalGitFiles = (env: NodeJS.ProcessEnv): string[] => {
  const home = env.HOME ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME || joinAbsolute(home, '.config');
  return [joinAbsolute(home, '.gitconfig'), joinAbsolute(xdg, 'git/config'), joinAbsolute(xdg, 'git/ignore'), ...(env.GIT_CONFIG_GLOBAL ? [env.GIT_CONFIG_GLOBAL] : [])];
};

/** From the root up to the first `.git`: the markers, and the git folder it names. */
const findGit = (rootAbs: string): { markers: Marker[]; gitlink: string | null; gitdir: string | null } => {
  const markers: Marker[] = [];
  for (let dir = rootAbs; ; ) {
    const abs = joinAbsolute(dir, '.git');
    const kind = kindOf(abs);
    markers.push([abs, kind]);
    if (kind === 'dir') return { markers, gitlink: null, gitdir: abs };
    if (kind === 'file') {
      const line = readLine(abs);
      return { markers, gitlink: abs, gitdir: line?.startsWith('gitdir: ') ? joinAbsolute(dir, line.slice(8).trim()) : null };
    }
    const parent = dirnameAbsolute(dir);
    if (parent === dir) return { markers, gitlink: null, gitdir: null };
    dir = parent;
  }
};

const direntType = (e: fs.Dirent): string => (e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : e.isFile() ? 'f' : 'o');

/** The entries of a folder the listing could list (walkTree's, less junk by name). */
export const listable = (kept: fs.Dirent[]): fs.Dirent[] => kept.filter((e) => junkReason(e.name) === null);

/** The digest of a folder's listable names, with their types (a folder replaced by a file of the same name is a change). */
export const namesDigest = (entries: fs.Dirent[]): string => {
  const sum = createHash('sha256');
  for (const e of entries) sum.update(`${e.name}\0${direntType(e)}\n`);
  return sum.digest('hex').slice(0, 16);
};

/**
 * The stamps of everything the listing depends on besides the listed files' bytes. Call it before
 * discovery. `inRoot`: the cache is kept in the root's .census/, made now, so that making it at the
 * end of the first scan does not change the root folder after it was stamped.
 */
export const stampTree = (rootAbs: string, defaultExcludes: boolean, inRoot: boolean, env: NodeJS.ProcessEnv = process.env): TreeStamps => {
  if (inRoot) {
    try {
      // Makes .census/ and .census/cache/ (the folders of the path), not the file.
      prepareCensusPath(rootAbs, `${CACHE_DIR}/why-audit.snapshot`);
    } catch {
      // Unwritable or a symlink: the facts cache says so; the root's stamp then shows the change.
    }
  }
  const time = Date.now();
  const folders: TreeStamps['folders'] = [];
  const links: TreeStamps['links'] = [];
  const extras: ExtraStamp[] = [];
  let complete = true;
  walkTree(rootAbs, defaultExcludes, {
    folder: (path, absDir, kept) => {
      if (kept === null) {
        complete = false;
        return;
      }
      const stamp = statStamp(absDir, true);
      if (stamp === null) complete = false;
      const names = listable(kept);
      folders.push([path, stamp ?? '', namesDigest(names), namesDigest(kept)]);
      for (const e of names) {
        const abs = joinAbsolute(absDir, e.name);
        const rel = path === '' ? e.name : `${path}/${e.name}`;
        if (e.isSymbolicLink()) links.push([rel, statStamp(abs, true) ?? '', kindOf(abs, true), realpathOrNull(abs)]);
        else if (e.name === '.gitignore') extras.push(extraStamp(abs));
      }
    },
  });
  const git = findGit(rootAbs);
  // A root below the top of its work tree: git also applies the .gitignore files of the folders between.
  const inGit = git.gitdir !== null || git.gitlink !== null;
  const above = inGit ? git.markers.slice(1).map(([abs]) => joinAbsolute(dirnameAbsolute(abs), '.gitignore')) : [];
  const files = [
    ...ROOT_FILES.map((n) => joinAbsolute(rootAbs, n)),
    ...above,
    ...(git.gitlink !== null ? [git.gitlink] : []),
    ...(git.gitdir !== null ? gitFiles(git.gitdir) : []),
    ...globalGitFiles(env),
  ];
  for (const abs of new Set(files)) extras.push(extraStamp(abs));
  return { time, folders, links, extras, markers: git.markers, complete };
};

/** The discovered files' own stamps, taken after discovery and before extraction reads them. */
export const stampFiles = (tree: TreeStamps, files: DiscoveredFile[], rootAbs: string, unlisted: readonly string[]): FileStamps => ({
  tree,
  of: new Map(files.map((f) => [f.path, statStamp(f.abs)])),
  unlisted: unlisted.map((path) => {
    const abs = joinAbsolute(rootAbs, path);
    const stamp = statStamp(abs);
    // Changed just before the scan: a later change may keep this stamp, so the bytes are kept to compare (a few files at most).
    return [path, stamp, stamp !== null && stampTime(stamp) >= tree.time - RACY_MS ? extraStamp(abs)[2] : ''];
  }),
});
