/**
 * Folders that hold vendored, generated or tool-state files: never part of a census unless
 * the user includes them explicitly — or the repo's .gitignore does: a negation that names a
 * path inside one (`dist/` then `!lib/dist/`) says that folder is committed source.
 */
import { joinRepo } from '../util/path.js';

export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  '.git', '.hg', '.svn',
  'node_modules', 'bower_components', 'jspm_packages',
  '.venv', 'venv', 'site-packages', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  '.eggs', 'dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache', 'coverage',
  '.census', '.cache', '.idea', '.vscode',
];

const EXCLUDED = new Set(DEFAULT_EXCLUDED_DIRS);

/**
 * True when any folder segment of the repo path is a default-excluded folder or an *.egg-info
 * folder (one a pip install left in a checkout; not an installed tree's `dist-packages/x.egg-info`,
 * where Debian keeps the plugins a distribution registers), unless a re-included path (`lib/dist`, `dist/index.js`) holds the path and reaches
 * past that segment: `lib/dist/x.ts` is kept, `lib/dist/node_modules/y.js` is not. Asked of every
 * listed path: the segments are read in place, and the re-included paths only looked at when a
 * segment is excluded.
 */
export const isInDefaultExcludedDir = (path: string, reincluded: readonly string[] = []): boolean => {
  let start = 0;
  let previous = '';
  for (let i = 0; ; i++) {
    const slash = path.indexOf('/', start);
    if (slash < 0) return false;
    const s = path.slice(start, slash);
    if ((EXCLUDED.has(s) || (s.endsWith('.egg-info') && previous !== 'dist-packages')) && !coveredPast(path, reincluded, i)) return true;
    previous = s;
    start = slash + 1;
  }
};

/** Whether a re-included path holds `path` and reaches past its folder segment `i` (0-based). */
const coveredPast = (path: string, reincluded: readonly string[], i: number): boolean =>
  reincluded.some((r) => (path === r || path.startsWith(`${r}/`)) && r.split('/').length > i);

/** True when a walk must enter the default-excluded folder `dir` to reach a re-included path inside it. */
export const leadsToReincluded = (dir: string, reincluded: readonly string[]): boolean => reincluded.some((r) => r.startsWith(`${dir}/`));

const GLOB_CHARS = /[*?[\]\\]/;

/**
 * The paths a .gitignore (in folder `base`, '' = the root) re-includes inside default-excluded
 * folders: its negations that name one path (`!lib/dist/`, `!/build/keep.js`). A negation with a
 * glob, or a bare name (`!dist/`, which git applies at every depth), names no one path and
 * re-includes nothing here: the plain `dist/` rule, or none, leaves the folder out as before.
 */
export const gitignoreReinclusions = (text: string, base: string): string[] => {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.startsWith('!')) continue;
    let pattern = raw.slice(1).replace(/\s+$/, '');
    // A slash at the start or in the middle anchors the pattern to the .gitignore's folder (git's rule).
    const anchored = pattern.replace(/\/+$/, '').includes('/');
    pattern = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
    if (!anchored || pattern === '' || GLOB_CHARS.test(pattern)) continue;
    const path = joinRepo(base, pattern);
    if (path !== null && isInDefaultExcludedDir(`${path}/x`) && !out.includes(path)) out.push(path);
  }
  return out;
};
