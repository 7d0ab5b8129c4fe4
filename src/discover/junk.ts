/**
 * Files that are litter, not source, recognisable by name alone: macOS AppleDouble companions
 * (`._main.py` holds Finder metadata, not Python), folder metadata (.DS_Store, Thumbs.db) and
 * editor leftovers (`x.py~`, `.x.py.swp`, `#x.py#`, `.#x.py`). Analysing them made dead "Python"
 * and unreadable "requirements files"; census lists them as skipped junk instead.
 */
import { basename } from '../util/path.js';

const DOT = 0x2e;
const HASH = 0x23;

/** Why a file is junk, or null when it is not. */
export const junkReason = (path: string): string | null => {
  const name = basename(path);
  if (name.startsWith('._')) return 'macOS AppleDouble metadata';
  if (name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini') return 'folder metadata';
  if (name.endsWith('~')) return 'editor backup';
  // The other backup names start with '.' or '#': most names are answered by their first character.
  const first = name.charCodeAt(0);
  if ((first === DOT && (/^\..+\.sw[a-p]$/.test(name) || name.startsWith('.#'))) || (first === HASH && /^#.+#$/.test(name))) return 'editor backup';
  return null;
};

/**
 * Files resolution needs even when --include leaves them out: manifests and configs say which
 * packages are declared and where imports resolve (a scan of scripts/ still knows that
 * requirements.txt declares boto3).
 */
export const isResolutionInput = (path: string): boolean => {
  const name = basename(path);
  return (
    /^(pyproject\.toml|setup\.cfg|setup\.py|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock|package\.json|census\.config\.json|\.python-version)$/.test(name) ||
    /^(tsconfig|jsconfig)(\..+)?\.json$/.test(name) ||
    /requirements.*\.(txt|in)$/.test(name)
  );
};
