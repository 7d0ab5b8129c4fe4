/**
 * Built output → source: `bin/cli.js` importing `../dist/src/cli/main.js` means
 * `src/cli/main.ts` when a tsconfig says outDir `dist` and rootDir `.`. Built folders are not in
 * the census (they are generated), so without this map every compiled package's entry points
 * would look broken and its sources dead. Besides tsconfig, a package's scripts say it
 * (`babel src --out-dir lib`, `swc ./src -d ./dist`, `tsc --outDir dist`), and so do its fields:
 * a package with a src/ folder whose main/module/types/bin/exports point into dist/, lib/,
 * build/ or out/ is built from src/ (what tsup, rollup, unbuild and friends do by default).
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
  // tsup and unbuild write index.mjs and index.cjs from one index.ts.
  [/\.mjs$/, ['.mts', '.mjs', '.ts', '.tsx']],
  [/\.cjs$/, ['.cts', '.cjs', '.ts', '.tsx']],
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
  out.push(...packageMappings(manifests));
  return out.sort((a, b) => b.outDir.length - a.outDir.length);
};

/** `babel src --out-dir lib`, `swc ./src -d ./dist`, `tsc --outDir dist --rootDir src` in a script. */
const SCRIPT_OUT: RegExp[] = [
  /\b(?:babel|swc)\s+(?:-[\w-]+\s+)*([.\w][.\w/-]*)\s+(?:[^&|;]*?\s)?(?:-d|--out-dir)[\s=]+([.\w][.\w/-]*)/g,
  /\b(?:babel|swc)\s+(?:[^&|;]*?\s)?(?:-d|--out-dir)[\s=]+([.\w][.\w/-]*)\s+([.\w][.\w/-]*)/g,
];
const BUILD_DIR = /^(?:\.\/)?(dist|lib|build|out|esm|cjs)\//;

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v !== null && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

const packageMappings = (manifests: Manifests): OutDirMapping[] => {
  const out: OutDirMapping[] = [];
  const add = (dir: string, outDir: string, rootDir: string) => {
    const o = joinRepo(dir, outDir);
    const r = joinRepo(dir, rootDir);
    if (o !== null && r !== null && o !== '' && o !== r && !out.some((m) => m.outDir === o)) out.push({ outDir: o, rootDir: r });
  };
  for (const f of manifests.all((p) => basename(p) === 'package.json' && !p.includes('node_modules/'))) {
    const pkg = manifests.get(f, JSONC_MANIFEST) as Record<string, unknown> | null;
    if (!pkg || typeof pkg !== 'object') continue;
    const dir = dirname(f);
    const scripts = pkg.scripts && typeof pkg.scripts === 'object' ? Object.values(pkg.scripts as Record<string, unknown>).filter((s): s is string => typeof s === 'string') : [];
    for (const script of scripts) {
      for (const m of script.matchAll(SCRIPT_OUT[0])) add(dir, m[2], m[1]);
      for (const m of script.matchAll(SCRIPT_OUT[1])) add(dir, m[1], m[2]);
      const tsc = /\btsc\b[^&|;]*--outDir[\s=]+([.\w/-]+)/.exec(script);
      if (tsc) add(dir, tsc[1], /--rootDir[\s=]+([.\w/-]+)/.exec(script)?.[1] ?? 'src');
    }
    const hasSrc = [...manifests.files].some((p) => p.startsWith(dir === '' ? 'src/' : `${dir}/src/`));
    if (!hasSrc) continue;
    const fields = ['main', 'module', 'types', 'typings', 'bin', 'exports'].flatMap((k) => strings(pkg[k]));
    for (const target of fields) {
      const built = BUILD_DIR.exec(target);
      if (built) add(dir, built[1], 'src');
    }
  }
  return out;
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
