/**
 * File extensions a compiler's bundler plugin adds to the lookup of imports that name none, for
 * the packages that declare the compiler. `.tsrx`: each @tsrx compiler (@tsrx/react, @tsrx/solid,
 * @tsrx/preact, …) is used through a bundler plugin that resolves `./greeting` to greeting.tsrx
 * (knip adds the extension when a @tsrx/ package is a dependency). A folder's files get it when a
 * package.json at or above the folder declares such a package (the nearest, or one further up: a
 * monorepo's root declaring the compiler for its workspaces). `.vue` is not here: Vue CLI and Nuxt
 * resolve it everywhere (factories.ts EXTENSIONS); Svelte, Astro and Marko imports name theirs.
 */
import { isRecord } from '../../../manifests/json.js';
import { packageJsonObject } from '../../../manifests/package-json.js';
import type { Manifests } from '../../../manifests/store.js';
import { dirname } from '../../../util/path.js';

export interface AddedExtension {
  /** With its dot: `.tsrx`. */
  extension: string;
  /** The evidence: `the .tsrx extension @tsrx/react's bundler plugin adds (package.json)`. */
  why: string;
}

export interface CompilerExtensions {
  /** The extensions added for files of folder `dir` ('' = the root). */
  for(dir: string): readonly AddedExtension[];
}

const COMPILERS: readonly { extension: string; packages: RegExp }[] = [{ extension: '.tsrx', packages: /^@tsrx\// }];

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

const declaredNames = (pkg: Record<string, unknown> | null): string[] =>
  pkg === null ? [] : DEPENDENCY_FIELDS.flatMap((field) => (isRecord(pkg[field]) ? Object.keys(pkg[field]) : []));

export const compilerExtensions = (manifests: Manifests): CompilerExtensions => {
  const byManifest = new Map<string, readonly AddedExtension[]>();
  /** What a package.json and the ones above it add, the nearest declaration first. */
  const fromManifest = (manifest: string): readonly AddedExtension[] => {
    const known = byManifest.get(manifest);
    if (known) return known;
    const names = declaredNames(packageJsonObject(manifests, manifest));
    const own = COMPILERS.flatMap((c) => {
      const name = names.find((n) => c.packages.test(n));
      return name === undefined ? [] : [{ extension: c.extension, why: `the ${c.extension} extension ${name}'s bundler plugin adds (${manifest})` }];
    });
    const dir = dirname(manifest);
    const parent = dir === '' ? null : manifests.nearest(dirname(dir), 'package.json');
    const above = parent === null ? [] : fromManifest(parent).filter((a) => !own.some((o) => o.extension === a.extension));
    const all = [...own, ...above];
    byManifest.set(manifest, all);
    return all;
  };
  return {
    for(dir) {
      const manifest = manifests.nearest(dir, 'package.json');
      return manifest === null ? [] : fromManifest(manifest);
    },
  };
};
