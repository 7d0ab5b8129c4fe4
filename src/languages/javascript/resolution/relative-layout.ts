/**
 * Relative imports under a tsconfig's `moduleSuffixes` and `rootDirs`, which oxc-resolver does not
 * apply (moduleSuffixes: oxc-project/oxc-resolver#1393), looked up in the repo's file list.
 *
 * moduleSuffixes: for each extension TypeScript tries, every suffix in order ("" = none) before the
 * extension, so with `[".native", ""]` `./target.js` is target.native.ts when it exists, else
 * target.ts (and both before target.native.tsx); a folder's index the same way. Without "" in the
 * list an unsuffixed file is not TypeScript's answer (the caller still falls back to the plain
 * lookup: a bundler may load it).
 * rootDirs: the folders are one virtual folder for relative imports. The import's path is taken
 * relative to the longest root it lies under, and looked up under each other root in order.
 */
import { extname } from '../../../util/path.js';
import { EXTENSION_ALIAS, EXTENSIONS, type ImporterKind } from './factories.js';

/** Extensions that are part of a `.d.ts`-style name, so `x.d.ts` is stem `x` plus `.d.ts`. */
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * The first repo file TypeScript's lookup of `base` (the import's path joined to the importer's
 * folder) lands on with these suffixes, or null; `added`: extensions a compiler adds after the usual ones.
 */
export const probeWithSuffixes = (base: string, suffixes: readonly string[], kind: ImporterKind, has: (path: string) => boolean, added: readonly string[] = []): string | null => {
  const extensions = added.length === 0 ? EXTENSIONS[kind] : [...EXTENSIONS[kind], ...added];
  const first = (candidates: Iterable<string>): string | null => {
    for (const c of candidates) if (has(c)) return c;
    return null;
  };
  function* withExtensions(stem: string, extensions: readonly string[]): Generator<string> {
    for (const ext of extensions) for (const suffix of suffixes) yield `${stem}${suffix}${ext}`;
  }
  if (base !== '') {
    const declaration = DECLARATION.exec(base)?.[0];
    const ext = declaration ?? extname(base);
    const aliases = EXTENSION_ALIAS[kind][ext];
    const stem = ext === '' ? base : base.slice(0, -ext.length);
    // `./x.js` names x.ts (or x.js); `./x.json`, `./x.d.ts` keep their extension; `./x` gets each in turn.
    const named = aliases ? first(withExtensions(stem, aliases)) : ext !== '' && extensions.includes(ext) ? first(withExtensions(stem, [ext])) : null;
    if (named !== null) return named;
    const bare = first(withExtensions(base, extensions));
    if (bare !== null) return bare;
  }
  return first(withExtensions(base === '' ? 'index' : `${base}/index`, extensions));
};

/**
 * The other places `rootDirs` says a relative import's path `candidate` may be: its part below
 * the longest root it lies under, joined to each other root. Empty when it lies under none.
 */
export const rootDirAlternatives = (candidate: string, rootDirs: readonly string[]): string[] => {
  const under = (root: string): boolean => root === '' || candidate === root || candidate.startsWith(`${root}/`);
  let matched: string | null = null;
  for (const root of rootDirs) if (under(root) && (matched === null || root.length > matched.length)) matched = root;
  if (matched === null) return [];
  const rest = matched === '' ? candidate : candidate.slice(matched.length + 1);
  const out: string[] = [];
  for (const root of rootDirs) {
    if (root === matched) continue;
    const alternative = root === '' ? rest : rest === '' ? root : `${root}/${rest}`;
    if (!out.includes(alternative)) out.push(alternative);
  }
  return out;
};
