/**
 * The one importer of node:path. Repo paths in census are POSIX and relative to the root
 * (display paths); absolute paths stay inside the stages that touch the disk.
 */
import nodePath from 'node:path';

export const resolveAbsolute = (...segments: string[]): string => nodePath.resolve(...segments);
/** An absolute path with an empty, `.` or `..` segment or a trailing slash, or `/` itself: node:path's join would normalise it. */
const NOT_NORMAL_ABSOLUTE = /\/\.{0,2}(?:\/|$)/;
/**
 * A folder and a name (the usual ask: the resolver's scopes, the path probe, the repo reader) join
 * as text when node:path's join would leave both as they are; anything else goes through it.
 */
export const joinAbsolute = (...segments: string[]): string => {
  if (segments.length === 2 && nodePath.sep === '/') {
    const dir = segments[0];
    const name = segments[1];
    if (dir !== '' && dir.charCodeAt(0) === SLASH && !NOT_NORMAL_ABSOLUTE.test(dir) && isNormal(name)) return `${dir}/${name}`;
  }
  return nodePath.join(...segments);
};
export const relativeNative = (from: string, to: string): string => nodePath.relative(from, to);
export const dirnameAbsolute = (p: string): string => nodePath.dirname(p);
export const isAbsolute = (p: string): boolean => nodePath.isAbsolute(p);
/** Separator of PATH-like environment variables (PYTHONPATH): ':' or ';'. */
export const PATH_LIST_SEPARATOR = nodePath.delimiter;

/** Native relative path → POSIX. */
export const toPosix = (p: string): string => (nodePath.sep === '/' ? p : p.split(nodePath.sep).join('/'));

/** A path with an empty, `.` or `..` segment, or a trailing slash: path.relative would normalise it. */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;
/** A relative path node:path's join and normalize leave as they are (not empty, no leading or trailing slash, no empty, `.` or `..` segment). */
const isNormal = (p: string): boolean => p !== '' && !NOT_NORMAL.test(p);
let normalRoot = '';
/** An absolute path that path.resolve leaves as it is (the last one asked is remembered: callers ask about one root). */
const isNormalRoot = (root: string): boolean => {
  if (root === normalRoot) return true;
  if (root.length < 2 || root.charCodeAt(0) !== SLASH || NOT_NORMAL.test(root.slice(1))) return false;
  normalRoot = root;
  return true;
};

/** Repo-relative POSIX path of an absolute path, or null when it lies outside the root. */
export const toRepoPath = (root: string, absolute: string): string | null => {
  // A normalised path below a normalised root is its tail: what path.relative answers, without
  // resolving both (the JS resolver asks this for every file oxc finds, 12,000 times on payload).
  if (nodePath.sep === '/' && absolute.length > root.length + 1 && absolute.charCodeAt(root.length) === SLASH && absolute.startsWith(root) && isNormalRoot(root)) {
    const tail = absolute.slice(root.length + 1);
    if (!NOT_NORMAL.test(tail)) return tail;
  }
  const rel = toPosix(nodePath.relative(root, absolute));
  if (rel === '' ) return '';
  if (rel.startsWith('../') || rel === '..' || nodePath.isAbsolute(rel)) return null;
  return rel;
};

/** POSIX operations on repo paths. */
export const posix = nodePath.posix;

// dirname and basename are asked millions of times a scan (every detector's `matches` of every
// path, every reader's folder walk): a repo path (no leading, trailing or doubled slash) is
// answered by slicing at its last slash, which is what node:path answers for it; any other
// string goes to node:path. No character is read past a string's end (charCodeAt's NaN there is
// an out-of-bounds read, which threw the compiled code of joinDotted, joinRepo and basename away:
// payload's scan compiled them 4, 2 and 3 times).

const SLASH = 47;

/** A path node:path's dirname and basename answer by its last slash alone. */
const isPlain = (p: string): boolean => p === '' || (p.charCodeAt(0) !== SLASH && p.charCodeAt(p.length - 1) !== SLASH && !p.includes('//'));

export const dirname = (repoPath: string): string => {
  if (isPlain(repoPath)) {
    const slash = repoPath.lastIndexOf('/');
    return slash < 0 || (slash === 1 && repoPath.charCodeAt(0) === 46) ? '' : repoPath.slice(0, slash);
  }
  const d = nodePath.posix.dirname(repoPath);
  return d === '.' ? '' : d;
};
export const basename = (repoPath: string): string =>
  repoPath === '' || repoPath.charCodeAt(repoPath.length - 1) !== SLASH ? repoPath.slice(repoPath.lastIndexOf('/') + 1) : nodePath.posix.basename(repoPath);
export const extname = (repoPath: string): string => nodePath.posix.extname(repoPath);

/**
 * The folders that hold `paths` and each of their parents, the root ('') included, each once in
 * the order first met. A walk up stops at a folder already met: its parents are in by then.
 */
export const foldersOf = (paths: Iterable<string>): Set<string> => {
  const out = new Set<string>(['']);
  for (const p of paths) {
    for (let d = dirname(p); d !== '' && !out.has(d); d = dirname(d)) out.add(d);
  }
  return out;
};

const DOT = 46;
/**
 * A normal folder (or the root, '') and a relative specifier's name (`./x`, `../../x/y`): its
 * leading `./` and `../` segments walk the folder by its slashes, and a normal rest is joined as
 * text: what posix.join answers for them. `undefined` for any other shape (node:path decides);
 * null when a `../` climbs above the root.
 */
const joinDotted = (dir: string, name: string): string | null | undefined => {
  let i = 0;
  let end = dir.length;
  const n = name.length;
  for (;;) {
    if (i >= n || name.charCodeAt(i) !== DOT) break;
    const next = i + 1 < n ? name.charCodeAt(i + 1) : 0;
    if (next === SLASH) {
      i += 2;
    } else if (next === DOT && i + 2 < n && name.charCodeAt(i + 2) === SLASH) {
      if (end === 0) return null;
      end = Math.max(dir.lastIndexOf('/', end - 1), 0);
      i += 3;
    } else {
      break;
    }
  }
  if (i === 0) return undefined;
  const rest = name.slice(i);
  if (!isNormal(rest)) return undefined;
  return end === 0 ? rest : `${end === dir.length ? dir : dir.slice(0, end)}/${rest}`;
};

/** Join repo path segments and normalise `.`/`..`; returns null if the result escapes the root. */
export const joinRepo = (...segments: string[]): string | null => {
  // A folder and a name (asked hundreds of thousands of times a scan) join as text when both are
  // normal: what posix.join answers for them, without its normalisation's walk and slices. A
  // relative specifier's `./` and `../` (the resolver's and the readers' usual ask) are walked
  // off the folder by hand.
  // One normal path is what posix.join answers for it (a framework reference's repo path, 5,700 of
  // them on saleor, each normalised by node:path before).
  if (segments.length === 1 && isNormal(segments[0])) return segments[0];
  if (segments.length === 2) {
    const dir = segments[0];
    const name = segments[1];
    if (dir === '' || isNormal(dir)) {
      if (isNormal(name)) return dir === '' ? name : `${dir}/${name}`;
      if (name !== '' && name.charCodeAt(0) === DOT) {
        const joined = joinDotted(dir, name);
        if (joined !== undefined) return joined;
      }
    }
  }
  // posix.join skips empty segments and normalises what it joined.
  const joined = nodePath.posix.join(...segments);
  if (joined === '.' || joined === './') return '';
  if (joined.startsWith('../') || joined === '..' || joined.startsWith('/')) return null;
  return joined.charCodeAt(joined.length - 1) === SLASH ? joined.slice(0, -1) : joined;
};

/** Top folder of a repo path ('' for root files). */
export const topFolder = (repoPath: string): string => {
  const i = repoPath.indexOf('/');
  return i < 0 ? '' : repoPath.slice(0, i);
};
