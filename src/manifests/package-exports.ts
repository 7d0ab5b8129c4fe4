/**
 * Which key of a package.json `exports` map Node uses for a subpath, as Node's resolver does it
 * (PACKAGE_IMPORTS_EXPORTS_RESOLVE): a key without `*` that equals the subpath wins outright;
 * otherwise, of the keys with one `*` that match, the one with the longest part before the `*`,
 * and among those the longest key. So `"./internal/*": null` beside `"./*": "./src/*.ts"` takes
 * `./internal/x` away from the broader pattern, and `"./features/*.test.js": null` beats
 * `"./features/*.js"` for `./features/a.test.js`: the subpath is not exported at all. Both the
 * entry detector (which files a pattern exports) and the resolver (what `pkg/sub` names) ask here.
 */
import { escapeRegExp } from '../util/regexp.js';

export interface ExportsKeyMatch {
  /** The exports key Node selects. */
  key: string;
  /** What the key's `*` stands for; null for an exact key. */
  star: string | null;
}

/** The subpath keys of an `exports` value (`.`, `./cli`, `./*`); `.` alone for a string, array or conditions object. */
export const exportsSubpathMap = (exports: unknown): Record<string, unknown> => {
  const isMap = exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
  return isMap ? (exports as Record<string, unknown>) : { '.': exports };
};

/** The key Node picks for `subpath` among `keys`, or null when none matches (the subpath is not exported). */
export const exportsKeyFor = (keys: readonly string[], subpath: string): ExportsKeyMatch | null => {
  if (!subpath.includes('*') && keys.includes(subpath)) return { key: subpath, star: null };
  let best: { key: string; base: number } | null = null;
  for (const key of keys) {
    const at = key.indexOf('*');
    if (at < 0 || key.indexOf('*', at + 1) >= 0) continue;
    const [base, trailer] = [key.slice(0, at), key.slice(at + 1)];
    // The `*` stands for at least one character: `./features/` itself is not matched by `./features/*`.
    if (!subpath.startsWith(base) || subpath.length < key.length || !subpath.endsWith(trailer)) continue;
    if (best === null || at > best.base || (at === best.base && key.length > best.key.length)) best = { key, base: at };
  }
  if (best === null) return null;
  const trailerLength = best.key.length - best.base - 1;
  return { key: best.key, star: subpath.slice(best.base, subpath.length - trailerLength) };
};

/**
 * Whether the package withholds `subpath`: the key Node selects for it maps to `null`
 * (`"./internal/*": null`, `"./legacy.js": null`). Node refuses such an import outright.
 */
export const isWithheldSubpath = (map: Record<string, unknown>, subpath: string): boolean => {
  const match = exportsKeyFor(Object.keys(map), subpath);
  return match !== null && map[match.key] === null;
};


/**
 * A pattern target (`src/*.ts`) as a test of a path: what `*` stands for, or null when the path
 * is not one the target can expand to. Node substitutes every `*` in a target with the same
 * text, so in a target with two stars the second must repeat the first.
 */
export const targetPatternStar = (target: string): ((path: string) => string | null) => {
  const parts = target.split('*').map(escapeRegExp);
  const regex = new RegExp(`^${parts[0]}(.+)${parts.slice(1).join('\\1')}$`);
  return (path) => regex.exec(path)?.[1] ?? null;
};
