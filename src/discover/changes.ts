/**
 * What changed on disk since a scan, for a long-lived census (census mcp): a stat signature of
 * every scanned file and the names in every scanned folder, compared in full or only for the paths
 * a folder watch reported. Cheap by design: it never reads a file unless asked to confirm by hash.
 */
import fs from 'node:fs';
import { contentHash } from '../util/content-hash.js';
import { dirname, joinAbsolute } from '../util/path.js';
import { junkReason } from './junk.js';

export interface DiskSnapshot {
  rootAbs: string;
  /** Repo path → `mtimeMs:size` when the snapshot was taken (null: could not be stat'ed). */
  files: Map<string, string | null>;
  /** Folder repo path ('' = the root) → the names it held. */
  folders: Map<string, Set<string>>;
}

const signature = (absPath: string): string | null => {
  const s = fs.statSync(absPath, { throwIfNoEntry: false });
  return s ? `${s.mtimeMs}:${s.size}` : null;
};

const namesIn = (absPath: string): Set<string> => {
  try {
    return new Set(fs.readdirSync(absPath));
  } catch {
    return new Set();
  }
};

const abs = (rootAbs: string, repoPath: string): string => (repoPath === '' ? rootAbs : joinAbsolute(rootAbs, repoPath));

/** The folders that hold `files`, and each of their parents up to the root. */
export const foldersOf = (files: Iterable<string>): string[] => {
  const out = new Set<string>(['']);
  for (const f of files) {
    for (let d = dirname(f); d !== '' && !out.has(d); d = dirname(d)) out.add(d);
  }
  return [...out];
};

export const takeSnapshot = (rootAbs: string, files: string[]): DiskSnapshot => ({
  rootAbs,
  files: new Map(files.map((f) => [f, signature(abs(rootAbs, f))])),
  folders: new Map(foldersOf(files).map((d) => [d, namesIn(abs(rootAbs, d))])),
});

/**
 * Whether a path a watch reported (or every path, without `candidates`) differs from the snapshot:
 * a scanned file whose signature changed or that is gone, or a new name in a scanned folder
 * (editor swap files and other junk by name do not count). Returns the changed repo paths, sorted.
 */
export const changedPaths = (snapshot: DiskSnapshot, candidates?: Iterable<string>): string[] => {
  const changed = new Set<string>();
  const fileList = candidates === undefined ? snapshot.files.keys() : candidates;
  for (const path of fileList) {
    if (snapshot.files.has(path)) {
      if (signature(abs(snapshot.rootAbs, path)) !== snapshot.files.get(path)) changed.add(path);
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
