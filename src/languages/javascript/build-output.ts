/**
 * Built output → source: `bin/cli.js` importing `../dist/src/cli/main.js` means
 * `src/cli/main.ts` when a tsconfig says outDir `dist` and rootDir `.`. Built folders are not in
 * the census (they are generated), so without this map every compiled package's entry points
 * would look broken and its sources dead.
 */
import { JSONC_MANIFEST } from '../../manifests/json.js';
import type { Manifests } from '../../manifests/store.js';
import { basename, dirname, joinRepo } from '../../util/path.js';

interface OutDirMapping {
  outDir: string;
  rootDir: string;
}

const SOURCE_FOR_BUILT: [RegExp, string[]][] = [
  [/\.js$/, ['.ts', '.tsx', '.js', '.jsx']],
  [/\.mjs$/, ['.mts', '.mjs']],
  [/\.cjs$/, ['.cts', '.cjs']],
  [/\.d\.ts$/, ['.ts', '.tsx']],
];

const readMappings = (manifests: Manifests): OutDirMapping[] => {
  const out: OutDirMapping[] = [];
  for (const f of manifests.all((p) => /^(tsconfig|jsconfig)(\.[\w-]+)?\.json$/.test(basename(p)))) {
    const value = manifests.get(f, JSONC_MANIFEST);
    const options = (value as { compilerOptions?: { outDir?: unknown; rootDir?: unknown } } | null)?.compilerOptions;
    if (!options || typeof options.outDir !== 'string') continue;
    const dir = dirname(f);
    const outDir = joinRepo(dir, options.outDir);
    const rootDir = joinRepo(dir, typeof options.rootDir === 'string' ? options.rootDir : 'src');
    if (outDir !== null && rootDir !== null && outDir !== '') out.push({ outDir, rootDir });
  }
  return out.sort((a, b) => b.outDir.length - a.outDir.length);
};

export const createBuildOutputMap = (manifests: Manifests) => {
  const files = manifests.files;
  const mappings = readMappings(manifests);
  /** The source file a built path was compiled from, or null. */
  return (builtPath: string): string | null => {
    for (const { outDir, rootDir } of mappings) {
      if (!builtPath.startsWith(`${outDir}/`)) continue;
      const rest = builtPath.slice(outDir.length + 1);
      for (const [pattern, sourceExts] of SOURCE_FOR_BUILT) {
        if (!pattern.test(rest)) continue;
        for (const ext of sourceExts) {
          const candidate = joinRepo(rootDir, rest.replace(pattern, ext));
          if (candidate !== null && files.has(candidate)) return candidate;
        }
      }
    }
    return null;
  };
};

export type BuildOutputMap = ReturnType<typeof createBuildOutputMap>;
