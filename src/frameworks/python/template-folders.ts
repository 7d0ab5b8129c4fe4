/**
 * A folder a caller hands a loader as a string template with a computed part: ansible-test's
 * `for provider_type in provider_types: import_plugins('provider/%s' % provider_type)`, where
 * `import_plugins(directory)` lists `os.path.join(os.path.dirname(__file__), directory)`. Whatever
 * the computed part is at run time, the folder listed is one whose path matches the template with
 * each computed part as ONE path segment (or the part of one: `'%s_plugins' % kind`): every such
 * folder of the repo, found from the folder index (nothing is run). A template with no literal
 * name part (`'%s' % kind`) names any folder and settles to nothing.
 */
import { basename } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';

/** A template's parts as templateParts (loader-wrappers.ts) answers them: literals, and computed holes. */
export type TemplatePart = string | { expr: string };

/** At most this many folders are answered for one template. */
const MAX_FOLDERS = 64;

const HOLE = '__census_hole__';

/**
 * The repo folders a template may name. `settle` turns the value the caller hands (with each hole
 * as a placeholder word) into a repo folder, as the loader builds it, or null; `subfolders` is the
 * folder index (folder → its direct subfolders, full paths; '' for the root).
 */
export const templateFolders = (
  parts: readonly TemplatePart[],
  settle: (value: string) => string | null,
  subfolders: ReadonlyMap<string, readonly string[]>,
): string[] => {
  const literal = parts.filter((p): p is string => typeof p === 'string').join('');
  if (!/[A-Za-z0-9_-]/.test(literal) || /['"\\\0]/.test(literal)) return [];
  const value = parts.map((p) => (typeof p === 'string' ? p : HOLE)).join('');
  const folder = settle(value);
  if (folder === null || !folder.includes(HOLE)) return [];
  let at = [''];
  for (const segment of folder.split('/')) {
    if (segment === '') continue;
    const next: string[] = [];
    if (!segment.includes(HOLE)) {
      for (const f of at) {
        const sub = f === '' ? segment : `${f}/${segment}`;
        if ((subfolders.get(f) ?? []).includes(sub)) next.push(sub);
      }
    } else {
      const match = new RegExp(`^${segment.split(HOLE).map(escapeRegExp).join('[^/]+')}$`);
      for (const f of at) for (const sub of subfolders.get(f) ?? []) if (match.test(basename(sub))) next.push(sub);
    }
    at = next.slice(0, MAX_FOLDERS);
    if (at.length === 0) return [];
  }
  return at;
};

/** The template as shown in evidence: each computed part as `*`. */
export const templateShown = (parts: readonly TemplatePart[]): string => parts.map((p) => (typeof p === 'string' ? p : '*')).join('');
