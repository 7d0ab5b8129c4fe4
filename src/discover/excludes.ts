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
 * `build` names a build's output folder only where a build writes one: at the root, or beside a
 * package's or project's build file. Elsewhere a folder of that name is source: @vue/cli-service's
 * `lib/commands/build/` (its build command), pip's `_internal/operations/build/`, a repo's
 * `scripts/build/`; left out, their files vanished from the census and every import of them read as
 * broken. `dist` and `out` stay out at any depth: nested ones are output too (a docs site's
 * `docs/dist/` built by the root's script), and source folders do not take those names.
 */
const BUILD_DIR = 'build';

/** Files that make a folder a package or project a build runs in (and writes build/ beside). */
export const BUILD_FILES: ReadonlySet<string> = new Set([
  'package.json', 'pyproject.toml', 'setup.py', 'setup.cfg',
  'Makefile', 'CMakeLists.txt', 'meson.build', 'build.gradle', 'build.gradle.kts', 'pom.xml', 'Cargo.toml',
]);

/**
 * Whether a folder (repo path, '' = the root) holds a build file. Unknown (no answer given) counts
 * as yes: every build/ is then left out, as before this rule.
 */
export type BuildsIn = (dir: string) => boolean;

/** The folders of the listed paths that hold a build file, as a BuildsIn. */
export const buildsInListed = (listed: readonly string[]): BuildsIn => {
  const dirs = new Set<string>();
  for (const path of listed) {
    const slash = path.lastIndexOf('/');
    if (BUILD_FILES.has(slash < 0 ? path : path.slice(slash + 1))) dirs.add(slash < 0 ? '' : path.slice(0, slash));
  }
  return (dir) => dirs.has(dir);
};

/**
 * True when any folder segment of the repo path is a default-excluded folder (build/ only at the
 * root or where `buildsIn` says the folder above holds a build file) or an *.egg-info
 * folder (one a pip install left in a checkout; not an installed tree's `dist-packages/x.egg-info`,
 * where Debian keeps the plugins a distribution registers), unless a re-included path (`lib/dist`, `dist/index.js`) holds the path and reaches
 * past that segment: `lib/dist/x.ts` is kept, `lib/dist/node_modules/y.js` is not. Asked of every
 * listed path: the segments are read in place, and the re-included paths only looked at when a
 * segment is excluded.
 */
export const isInDefaultExcludedDir = (path: string, reincluded: readonly string[] = [], buildsIn?: BuildsIn): boolean => {
  let start = 0;
  let previous = '';
  for (let i = 0; ; i++) {
    const slash = path.indexOf('/', start);
    if (slash < 0) return false;
    const s = path.slice(start, slash);
    const excluded = s === BUILD_DIR ? start === 0 || buildsIn === undefined || buildsIn(path.slice(0, start - 1)) : EXCLUDED.has(s) || (s.endsWith('.egg-info') && previous !== 'dist-packages');
    if (excluded && !coveredPast(path, reincluded, i)) return true;
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
