/**
 * What changed on disk since a scan, for a long-lived census (census mcp): a stat stamp of
 * every scanned file and the names in every scanned folder, compared in full or only for the paths
 * a folder watch reported. Cheap by design: it never reads a file unless asked to confirm by hash.
 * The stamp is also what the `why` snapshot (cache/snapshot.ts) records: one definition of
 * "unchanged by stat" for both.
 */
import fs from 'node:fs';
import { contentHash } from '../util/content-hash.js';
import { dirname, foldersOf, joinAbsolute } from '../util/path.js';
import { junkReason } from './junk.js';

export interface DiskSnapshot {
  rootAbs: string;
  /** Repo path → its statStamp when the snapshot was taken (null: could not be stat'ed). */
  files: Map<string, string | null>;
  /** Folder repo path ('' = the root) → the names it held. */
  folders: Map<string, Set<string>>;
}

/**
 * A file's stat stamp, `size:mtime:ctime:inode:mode`; null when it cannot be stat'ed. The change
 * time and inode are there because a tool can put a file's modification time back after editing
 * it, never its change time; the mode because it holds the type (a file replaced by a symlink) and
 * the executable bits, which decide verdicts. `link`: the symlink itself, not what it points to.
 */
export const statStamp = (absPath: string, link = false): string | null => {
  let s: fs.Stats | undefined;
  try {
    s = link ? fs.lstatSync(absPath, { throwIfNoEntry: false }) : fs.statSync(absPath, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  return s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.mode}` : null;
};

/** The latest time a stamp's file changed (its change time), in ms since the epoch. */
export const stampTime = (stamp: string): number => {
  const mtime = stamp.indexOf(':') + 1;
  const ctime = stamp.indexOf(':', mtime) + 1;
  return Number(stamp.slice(ctime, stamp.indexOf(':', ctime)));
};

/** The mode part of a stamp: equal modes mean the same type and permissions. */
export const stampMode = (stamp: string): string => stamp.slice(stamp.lastIndexOf(':') + 1);

const namesIn = (absPath: string): Set<string> => {
  try {
    return new Set(fs.readdirSync(absPath));
  } catch {
    return new Set();
  }
};

const abs = (rootAbs: string, repoPath: string): string => (repoPath === '' ? rootAbs : joinAbsolute(rootAbs, repoPath));

export const takeSnapshot = (rootAbs: string, files: string[]): DiskSnapshot => ({
  rootAbs,
  files: new Map(files.map((f) => [f, statStamp(abs(rootAbs, f))])),
  folders: new Map([...foldersOf(files)].map((d) => [d, namesIn(abs(rootAbs, d))])),
});

/**
 * Whether a path a watch reported (or every path, without `candidates`) differs from the snapshot:
 * a scanned file whose stamp changed or that is gone, or a new name in a scanned folder
 * (editor swap files and other junk by name do not count). Returns the changed repo paths, sorted.
 */
export const changedPaths = (snapshot: DiskSnapshot, candidates?: Iterable<string>): string[] => {
  const changed = new Set<string>();
  const fileList = candidates === undefined ? snapshot.files.keys() : candidates;
  for (const path of fileList) {
    if (snapshot.files.has(path)) {
      if (statStamp(abs(snapshot.rootAbs, path)) !== snapshot.files.get(path)) changed.add(path);
      continue;
    }
    // Not a scanned file: it matters when it is new in a scanned folder.
    const folder = dirname(path);
    const known = snapshot.folders.get(folder);
    const name = path.slice(folder === '' ? 0 : folder.length + 1);
    if (known && !known.has(name) && junkReason(path) === null && fs.existsSync(abs(snapshot.rootAbs, path))) changed.add(path);
    else if (snapshot.folders.has(path) && !fs.existsSync(abs(snapshot.rootAbs, path))) changed.add(path);
  }
  if (candidates === undefined) {
    for (const [folder, names] of snapshot.folders) {
      for (const name of namesIn(abs(snapshot.rootAbs, folder))) {
        const path = folder === '' ? name : `${folder}/${name}`;
        if (!names.has(name) && junkReason(path) === null) changed.add(path);
      }
    }
  }
  return [...changed].sort();
};

/** sha256 of a file's bytes, first 16 hex characters (the FileRecord's `hash`); null when unreadable. */
export const fileContentHash = (absPath: string): string | null => {
  try {
    return contentHash(fs.readFileSync(absPath));
  } catch {
    return null;
  }
};

export interface FolderWatch {
  /** False when some folder could not be watched (or there were too many): changes there go unseen until a full check. */
  complete: boolean;
  close(): void;
}

/**
 * Watches each folder (not recursively: one inotify/kqueue watch per folder, so vendored trees
 * that were never scanned cost nothing) and reports the repo path of every entry that changes
 * (null when the platform does not name it).
 */
export const watchFolders = (rootAbs: string, folders: string[], onChange: (repoPath: string | null) => void, max = 20_000): FolderWatch => {
  const watchers: fs.FSWatcher[] = [];
  let complete = folders.length <= max;
  for (const folder of complete ? folders : []) {
    try {
      const w = fs.watch(abs(rootAbs, folder), { persistent: false }, (_event, name) => {
        // No name: something changed in the folder, the platform does not say what.
        if (name === null) onChange(null);
        else onChange(folder === '' ? String(name) : `${folder}/${String(name)}`);
      });
      w.on('error', () => {
        complete = false;
        w.close();
      });
      watchers.push(w);
    } catch {
      complete = false;
    }
  }
  return {
    get complete() {
      return complete;
    },
    close: () => {
      for (const w of watchers) w.close();
    },
  };
};
