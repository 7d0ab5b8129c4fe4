/**
 * Folders that hold vendored, generated or tool-state files: never part of a census unless
 * the user includes them explicitly.
 */
export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  '.git', '.hg', '.svn',
  'node_modules', 'bower_components', 'jspm_packages',
  '.venv', 'venv', 'site-packages', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  '.eggs', 'dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache', 'coverage',
  '.census', '.cache', '.idea', '.vscode',
];

const EXCLUDED = new Set(DEFAULT_EXCLUDED_DIRS);

/** True when any folder segment of the repo path is a default-excluded folder or an *.egg-info folder. */
export const isInDefaultExcludedDir = (path: string): boolean => {
  const segments = path.split('/');
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i];
    if (EXCLUDED.has(s) || s.endsWith('.egg-info')) return true;
  }
  return false;
};
