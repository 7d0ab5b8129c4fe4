/**
 * The built files an import of a workspace package names, before the build has run: `@x/a/lib/y`
 * is `packages/a/lib/y.js`; `@x/a` is what `main`/`module`/`types` or the `exports` entry for `.`
 * point at; `@x/b/feature` is the `exports` entry for `./feature` (patterns with `*` too). The
 * resolver maps these through build-output.ts back to the sources they are compiled from, so a
 * package whose exports point into a gitignored dist/ still has its sources reached by name.
 */
import { joinRepo } from '../../../util/path.js';

const BUILT_EXTENSION = /\.(?:[cm]?js|d\.[cm]?ts)$/;

/** Every string a conditions value leads to, in document order (`import`, `require`, `types`, `default`…). */
const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(leaves) : value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];

/** The targets `exports` gives a subpath (`.`, `./feature`), with a `*` pattern's match substituted. */
export const exportTargets = (exports: unknown, subpath: string): string[] => {
  const isMap = exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
  const map: Record<string, unknown> = isMap ? (exports as Record<string, unknown>) : { '.': exports };
  if (subpath in map) return leaves(map[subpath]);
  let best: { key: string; star: string } | null = null;
  for (const key of Object.keys(map)) {
    const at = key.indexOf('*');
    if (at < 0 || key.indexOf('*', at + 1) >= 0) continue;
    const [prefix, suffix] = [key.slice(0, at), key.slice(at + 1)];
    if (subpath.length < prefix.length + suffix.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    // Node picks the longest prefix.
    if (best === null || prefix.length > best.key.indexOf('*')) best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
  }
  return best === null ? [] : leaves(map[best.key]).map((t) => t.split('*').join(best.star));
};

/** Built repo paths an import of `subpath` (`.` or `./x`) of the package in `dir` may name, most specific first. */
export const builtCandidates = (dir: string, pkg: Record<string, unknown> | null, subpath: string): string[] => {
  const targets: string[] = [];
  if (pkg?.exports !== undefined && pkg.exports !== null) targets.push(...exportTargets(pkg.exports, subpath));
  if (subpath === '.') {
    for (const field of ['main', 'module', 'types', 'typings']) if (typeof pkg?.[field] === 'string') targets.push(pkg[field] as string);
  } else targets.push(subpath);
  const out: string[] = [];
  for (const target of targets) {
    const path = joinRepo(dir, target);
    if (path === null || path === dir) continue;
    out.push(...(BUILT_EXTENSION.test(path) ? [path] : [`${path}.js`, `${path}/index.js`, `${path}.d.ts`]));
  }
  return [...new Set(out)];
};
