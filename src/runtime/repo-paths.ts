/**
 * Paths from runtime evidence → repo files. Evidence names files the way the traced process saw
 * them (absolute, symlinked, compiled `.pyc`, `file://` URLs, another machine's checkout); the
 * overlay needs repo-relative source paths of files that exist here, and nothing from installed
 * packages or virtualenvs.
 */
import { fileURLToPath } from 'node:url';
import { isFile, realpathOrNull } from '../util/fs.js';
import { isAbsolute, joinAbsolute, resolveAbsolute, toPosix, toRepoPath } from '../util/path.js';

/** Folders whose files are never the repo's own code, wherever they sit. */
const OUTSIDE_SEGMENTS = new Set(['node_modules', 'site-packages', 'dist-packages', '.venv', 'venv', '.tox', '.nox', '.git', '.census', '__pycache__']);

/** Interpreter installations on another machine: never matched by suffix against repo files. */
const INTERPRETER_PATH = /\/lib(?:64)?\/python\d(?:\.\d+)?\/|\/\.pyenv\/|\/lib\/node\/|<frozen|^\/usr\/(?:local\/)?lib\//;

/** `pkg/__pycache__/mod.cpython-311.pyc` → `pkg/mod.py`; a legacy `mod.pyc` → `mod.py`. */
export const sourceOfCompiled = (p: string): string => {
  const cached = /^(.*?)__pycache__\/([^/]+?)\.[^/]+\.pyc$/.exec(p);
  if (cached) return `${cached[1]}${cached[2]}.py`;
  return p.endsWith('.pyc') ? p.slice(0, -1) : p;
};

const isOutside = (repoPath: string): boolean => repoPath.split('/').some((s) => OUTSIDE_SEGMENTS.has(s));

export interface RepoPathOptions {
  /** Absolute path of the scanned root. */
  rootAbs: string;
  /** What relative paths in the evidence are relative to (default: the root). */
  cwdAbs?: string;
  /**
   * The evidence may come from another machine: an absolute path that does not exist here is
   * matched by its longest suffix that names a repo file (`/srv/app/scripts/db.py` → `scripts/db.py`).
   */
  foreign?: boolean;
}

/** Maps one path or file URL from the evidence to a repo-relative file, or null when it is not one. */
export type RepoPathMapper = (pathOrUrl: string) => string | null;

export const createRepoPathMapper = (options: RepoPathOptions): RepoPathMapper => {
  const { rootAbs } = options;
  const rootReal = realpathOrNull(rootAbs) ?? rootAbs;
  const cache = new Map<string, string | null>();

  const existing = (repoPath: string | null): string | null =>
    repoPath !== null && repoPath !== '' && !isOutside(repoPath) && isFile(joinAbsolute(rootAbs, repoPath)) ? repoPath : null;

  const bySuffix = (absolute: string): string | null => {
    const posixPath = toPosix(absolute);
    if (INTERPRETER_PATH.test(posixPath)) return null;
    const parts = posixPath.split('/').filter((s) => s !== '');
    for (let i = 0; i < parts.length; i++) {
      const found = existing(parts.slice(i).join('/'));
      if (found) return found;
    }
    return null;
  };

  const map = (raw: string): string | null => {
    let p = raw.trim();
    if (p.startsWith('file:')) {
      try {
        p = fileURLToPath(p);
      } catch {
        return null;
      }
    }
    if (p === '' || p.startsWith('<') || /^[a-z]+:/.test(p)) return null; // <frozen ...>, node:fs, data:, http:
    p = sourceOfCompiled(toPosix(p));
    const absolute = isAbsolute(p) ? p : resolveAbsolute(options.cwdAbs ?? rootAbs, p);
    const direct = existing(toRepoPath(rootAbs, absolute)) ?? existing(toRepoPath(rootReal, absolute));
    if (direct) return direct;
    if (isFile(absolute)) {
      const real = realpathOrNull(absolute);
      return real === null ? null : existing(toRepoPath(rootReal, real));
    }
    return options.foreign ? bySuffix(absolute) : null;
  };

  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const result = map(raw);
    cache.set(raw, result);
    return result;
  };
};
