/**
 * Views of the scan's file set that detectors and framework readers ask for again and again: the
 * paths sorted, the paths under a folder, the paths directly in a folder. Built once per set (and
 * again only if the set changes size), so a reader that asks per package or per config costs a
 * lookup, not a sort or a walk of every repo file.
 */
import { byString } from './compare.js';

interface Index {
  size: number;
  sorted: string[];
  byDir: Map<string, string[]> | null;
}

const indexes = new WeakMap<ReadonlySet<string>, Index>();

const indexOf = (files: ReadonlySet<string>): Index => {
  let index = indexes.get(files);
  if (!index || index.size !== files.size) {
    index = { size: files.size, sorted: [...files].sort(byString), byDir: null };
    indexes.set(files, index);
  }
  return index;
};

/** Every path of the set in byString order (shared: do not modify). */
export const sortedPaths = (files: ReadonlySet<string>): readonly string[] => indexOf(files).sorted;

/** First index from `from` on whose path is not `inFront`, by bisection: `inFront` holds for a leading run of `sorted` from there. */
const endOfRun = (sorted: readonly string[], from: number, inFront: (path: string) => boolean): number => {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inFront(sorted[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The paths that start with `prefix` ('' = all), sorted: one contiguous run of the sorted list. */
export const pathsWithPrefix = (files: ReadonlySet<string>, prefix: string): readonly string[] => {
  const sorted = indexOf(files).sorted;
  if (prefix === '') return sorted;
  const start = endOfRun(sorted, 0, (path) => path < prefix);
  // The run's end by bisection too: readers ask for a package's files (thousands, at a monorepo's
  // test folder) per package and per reader, and stepping through the run tested each path.
  return sorted.slice(start, endOfRun(sorted, start, (path) => path.startsWith(prefix)));
};

/** The paths directly in folder `dir` ('' = the root), sorted. */
export const pathsInDir = (files: ReadonlySet<string>, dir: string): readonly string[] => {
  const index = indexOf(files);
  if (!index.byDir) {
    index.byDir = new Map();
    for (const path of index.sorted) {
      const slash = path.lastIndexOf('/');
      const d = slash === -1 ? '' : path.slice(0, slash);
      const list = index.byDir.get(d);
      if (list) list.push(path);
      else index.byDir.set(d, [path]);
    }
  }
  return index.byDir.get(dir) ?? [];
};
