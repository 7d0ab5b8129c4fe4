/**
 * The built files an import of a workspace package names, before the build has run: `@x/a/lib/y`
 * is `packages/a/lib/y.js`; `@x/a` is what `main`/`module`/`types` or the `exports` entry for `.`
 * point at; `@x/b/feature` is the `exports` entry for `./feature` (patterns with `*` too). The
 * resolver maps these through build-output.ts back to the sources they are compiled from, so a
 * package whose exports point into a gitignored dist/ still has its sources reached by name.
 */
import { joinRepo } from '../../../util/path.js';
import { exportsKeyFor, exportsSubpathMap } from '../../../manifests/package-exports.js';

const BUILT_EXTENSION = /\.(?:[cm]?js|d\.[cm]?ts)$/;

/** Every string a conditions value leads to, in document order (`import`, `require`, `types`, `default`…). */
const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(leaves) : value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];

/** The targets `exports` gives a subpath (`.`, `./feature`), with a `*` pattern's match substituted; none for a `null` key. */
export const exportTargets = (exports: unknown, subpath: string): string[] => {
  const map = exportsSubpathMap(exports);
  const match = exportsKeyFor(Object.keys(map), subpath);
  if (match === null) return [];
  const targets = leaves(map[match.key]);
  return match.star === null ? targets : targets.map((t) => t.split('*').join(match.star!));
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
