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
  /** Each folder's file names, in the order of byDir's paths. */
  namesByDir: Map<string, string[]> | null;
  /** The paths in the set's own order. */
  listed: string[] | null;
  /** listed's positions by base name's stem and by its extension (pathsNamedLike), and its answers. */
  byName: NameBuckets | null;
  answers: Map<string, readonly string[]> | null;
}

interface NameBuckets {
  byStem: Map<string, number[]>;
  byExtension: Map<string, number[]>;
}

const indexes = new WeakMap<ReadonlySet<string>, Index>();

const indexOf = (files: ReadonlySet<string>): Index => {
  let index = indexes.get(files);
  if (!index || index.size !== files.size) {
    index = { size: files.size, sorted: [...files].sort(byString), byDir: null, namesByDir: null, listed: null, byName: null, answers: null };
    indexes.set(files, index);
  }
  return index;
};

/**
 * Every path of the set in the set's own order (shared: do not modify). Readers that walk the
 * whole set once, or answer with the first path it holds of some kind, walk this by index: a
 * for-of loop over the set, run once and so never optimized, made an iterator result per path.
 */
export const listedPaths = (files: ReadonlySet<string>): readonly string[] => {
  const index = indexOf(files);
  return (index.listed ??= [...files]);
};

/** Every path of the set in byString order (shared: do not modify). */
export const sortedPaths = (files: ReadonlySet<string>): readonly string[] => indexOf(files).sorted;

const push = (map: Map<string, number[]>, key: string, at: number): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [at]);
  else list.push(at);
};

/** One pass over the listed paths: each path's position under its base name's stem and extension. */
const nameBucketsOf = (listed: readonly string[]): NameBuckets => {
  const byStem = new Map<string, number[]>();
  const byExtension = new Map<string, number[]>();
  for (let at = 0; at < listed.length; at++) {
    const path = listed[at];
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const first = name.indexOf('.', 1);
    push(byStem, first === -1 ? name : name.slice(0, first), at);
    const last = name.lastIndexOf('.');
    push(byExtension, last === -1 ? '' : name.slice(last + 1), at);
  }
  return { byStem, byExtension };
};

export interface NameKeys {
  /** Lower-cased stems: a base name up to its first dot after the first character (`.eslintrc.json` → `.eslintrc`, `gulpfile.babel.js` → `gulpfile`). */
  stems?: readonly string[];
  /** Lower-cased extensions: a base name after its last dot (`a.d.ts` → `ts`, `.py` → `py`; '' for a name without a dot). */
  extensions?: readonly string[];
}

const isSorted = (paths: readonly string[]): boolean => {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1] > paths[i]) return false;
  return true;
};

/**
 * The paths whose base name has one of `keys.stems` as its stem or one of `keys.extensions` as its
 * extension, each once: in the set's own order (listedPaths') or, with `order` 'sorted', in byString
 * order (sortedPaths'). Shared: do not modify. A reader that walked every path for a name or an
 * extension asks this instead and keeps its own test on what it gets: every path its test passes is
 * here (a test of the name implies the name's stem, an `endsWith('.ini')` the extension `ini`), in
 * the walk's order, so the walk over these finds the same paths in the same order. The buckets are
 * made in one pass on the first question of a scan (payload: 8,854 paths), where each reader's walk
 * of every path cost about as much.
 */
export const pathsNamedLike = (files: ReadonlySet<string>, keys: NameKeys, order: 'listed' | 'sorted' = 'listed'): readonly string[] => {
  const index = indexOf(files);
  const stems = keys.stems ?? [];
  const extensions = keys.extensions ?? [];
  const key = JSON.stringify([order, stems, extensions]);
  const answers = (index.answers ??= new Map());
  const known = answers.get(key);
  if (known !== undefined) return known;
  const listed = (index.listed ??= [...files]);
  const { byStem, byExtension } = (index.byName ??= nameBucketsOf(listed));
  const lists: number[][] = [];
  for (const stem of stems) {
    const list = byStem.get(stem);
    if (list !== undefined) lists.push(list);
  }
  for (const extension of extensions) {
    const list = byExtension.get(extension);
    if (list !== undefined) lists.push(list);
  }
  // Two keys may hold the same path (a stem and an extension): merged in listed order, once.
  const positions = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b).filter((n, i, all) => i === 0 || n !== all[i - 1]);
  const paths = positions.map((at) => listed[at]);
  const answer = order === 'sorted' && !isSorted(paths) ? paths.sort(byString) : paths;
  answers.set(key, answer);
  return answer;
};

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

const byDirOf = (index: Index): { paths: Map<string, string[]>; names: Map<string, string[]> } => {
  if (!index.byDir || !index.namesByDir) {
    const paths = new Map<string, string[]>();
    const names = new Map<string, string[]>();
    for (const path of index.sorted) {
      const slash = path.lastIndexOf('/');
      const d = slash === -1 ? '' : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const list = paths.get(d);
      if (list) {
        list.push(path);
        names.get(d)!.push(name);
      } else {
        paths.set(d, [path]);
        names.set(d, [name]);
      }
    }
    index.byDir = paths;
    index.namesByDir = names;
  }
  return { paths: index.byDir, names: index.namesByDir };
};

/** Whether a path of `sorted` (sorted by UTF-16 code units, as byString sorts) starts with `prefix`: one bisection, nothing copied. */
export const holdsPrefix = (sorted: readonly string[], prefix: string): boolean => {
  const i = endOfRun(sorted, 0, (path) => path < prefix);
  return i < sorted.length && sorted[i].startsWith(prefix);
};

/** Whether the scan has a file below `folder` ('' : the root). */
export const isFolder = (files: ReadonlySet<string>, folder: string): boolean => holdsPrefix(indexOf(files).sorted, folder === '' ? '' : `${folder}/`);

/** The paths directly in folder `dir` ('' = the root), sorted. */
export const pathsInDir = (files: ReadonlySet<string>, dir: string): readonly string[] => byDirOf(indexOf(files)).paths.get(dir) ?? [];

/** The folders that directly hold a path of the set ('' = the root), each once. */
export const foldersWithPaths = (files: ReadonlySet<string>): Iterable<string> => byDirOf(indexOf(files)).paths.keys();

/**
 * The names of the files directly in folder `dir`, in pathsInDir's order (the i-th name is the
 * i-th path's): readers test every package folder's names against a tool's config pattern, and
 * slicing each path again was most of that.
 */
export const namesInDir = (files: ReadonlySet<string>, dir: string): readonly string[] => byDirOf(indexOf(files)).names.get(dir) ?? [];
