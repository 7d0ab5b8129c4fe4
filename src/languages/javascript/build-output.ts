/**
 * Built output → source: `bin/cli.js` importing `../dist/src/cli/main.js` means
 * `src/cli/main.ts` when a tsconfig says outDir `dist` and rootDir `.`. Built folders are not in
 * the census (they are generated), so without this map every compiled package's entry points
 * would look broken and its sources dead. The mappings, each with the evidence it came from:
 * a tsconfig's `outDir`/`rootDir` (following `extends` within the repo, each option relative to
 * the config that sets it); a package's scripts (`babel src --out-dir lib`, `swc ./src -d ./dist`,
 * `tsc --outDir dist`); a package with a src/ folder whose main/module/types/bin/exports point
 * into dist/, lib/, build/ or out/ (what tsup, rollup, unbuild and friends do by default), or
 * into dist/<folder>/ for a folder the package has (dist/src/, dist/lib/: the output mirrors the
 * package folder, tsc's inferred rootDir when its inputs span several folders). Last,
 * a path under such a folder whose twin under the src/ beside it exists is that twin: never a
 * guess, the source file must be there. Before all of these, the exact files tsup writes for its
 * entries (tsup-outputs.ts: `entry: { cli: 'src/bin/run.ts' }` → dist/cli.js). Computed once per scan (`manifests.derive`) and shared by
 * the resolver (workspace imports of `@scope/pkg/lib/x`) and the graph (relative imports).
 */
import { JSONC_MANIFEST } from '../../manifests/json.js';
import { PACKAGE_JSON_NAME } from '../../manifests/package-json.js';
import type { Manifests } from '../../manifests/store.js';
import { isFolder } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { packageJsonValue } from './package-json-value.js';
import { tsupOutputs } from './tsup-outputs.js';

interface OutDirMapping {
  outDir: string;
  rootDir: string;
  /** Where the mapping comes from, as evidence: `packages/a/tsconfig.build.json outDir "lib"`. */
  why: string;
}

const SOURCE_FOR_BUILT: [RegExp, string[]][] = [
  [/\.js$/, ['.ts', '.tsx', '.js', '.jsx']],
  // tsup and unbuild write index.mjs and index.cjs from one index.ts.
  [/\.mjs$/, ['.mts', '.mjs', '.ts', '.tsx']],
  [/\.cjs$/, ['.cts', '.cjs', '.ts', '.tsx']],
  [/\.d\.[cm]?ts$/, ['.ts', '.tsx', '.mts', '.cts']],
];

/** The names a built file's source may have, in order (`x.js` → x.ts, x.tsx, x.js, x.jsx); [] for no code output. */
export const sourceNamesFor = (builtPath: string): string[] => {
  for (const [pattern, sourceExts] of SOURCE_FOR_BUILT) if (pattern.test(builtPath)) return sourceExts.map((ext) => builtPath.replace(pattern, ext));
  return [];
};

const TSCONFIG = /^(tsconfig|jsconfig)(\.[\w-]+)?\.json$/;
const MAX_EXTENDS_DEPTH = 10;

interface CompilerDirs {
  outDir?: { path: string; config: string; value: string };
  rootDir?: { path: string; config: string; value: string };
}

/** outDir and rootDir of a tsconfig over those of the configs it extends, each resolved against the config that sets it. */
const compilerDirs = (manifests: Manifests, config: string, depth: number): CompilerDirs => {
  const value = depth > MAX_EXTENDS_DEPTH ? null : (manifests.get(config, JSONC_MANIFEST) as { extends?: unknown; compilerOptions?: Record<string, unknown> } | null);
  if (!value || typeof value !== 'object') return {};
  const merged: CompilerDirs = {};
  const parents = Array.isArray(value.extends) ? value.extends : [value.extends];
  for (const parent of parents) {
    // Package configs (`@tsconfig/node20`) do not set a repo's folders.
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    const path = joinRepo(dirname(config), parent.endsWith('.json') ? parent : `${parent}.json`);
    if (path !== null) Object.assign(merged, compilerDirs(manifests, path, depth + 1));
  }
  const options = value.compilerOptions;
  for (const key of ['outDir', 'rootDir'] as const) {
    const v = options && typeof options === 'object' ? options[key] : undefined;
    const path = typeof v === 'string' ? joinRepo(dirname(config), v) : null;
    if (typeof v === 'string' && path !== null) merged[key] = { path, config, value: v };
  }
  return merged;
};

const readMappings = (manifests: Manifests): OutDirMapping[] => {
  const out: OutDirMapping[] = [];
  for (const f of manifests.all((p) => TSCONFIG.test(basename(p)) && !p.includes('node_modules/'))) {
    const dirs = compilerDirs(manifests, f, 0);
    if (!dirs.outDir || dirs.outDir.path === '') continue;
    const where = (d: { config: string; value: string }) => `${d.config}${d.config === f ? '' : ` (extended by ${f})`}`;
    const why = `${where(dirs.outDir)} outDir "${dirs.outDir.value}"${dirs.rootDir ? `, rootDir "${dirs.rootDir.value}"` : ''}`;
    // Without rootDir, tsc writes below outDir from the folder common to its inputs: src/ when
    // they all sit there, else the config's own folder (dist/src/x.js), so both are tried.
    const rootDirs = dirs.rootDir ? [dirs.rootDir.path] : [joinRepo(dirname(f), 'src'), dirname(f)];
    for (const rootDir of rootDirs) if (rootDir !== null && rootDir !== dirs.outDir.path) out.push({ outDir: dirs.outDir.path, rootDir, why });
  }
  out.push(...packageMappings(manifests));
  // Longest outDir first; among equals, the first found (tsconfigs before package fields).
  return out.sort((a, b) => b.outDir.length - a.outDir.length);
};

/**
 * tshy's output folders, when the package uses it (a `"tshy"` config, or a script that runs `tshy`):
 * it compiles src/ into dist/esm/ and dist/commonjs/, and each extra dialect into dist/<name>/
 * (tshy's README: "Source must be in ./src. Builds are in ./dist/commonjs for CommonJS and ./dist/esm
 * for ESM."). Its exports point into dist/esm/, which the src/-beside rule would read as src/esm/
 * (egg 4: `exports["./urllib"]` → dist/esm/urllib.js, built from src/urllib.ts).
 */
const tshyOutputs = (pkg: Record<string, unknown>, scripts: readonly [string, string][]): { outDirs: string[]; why: string } | null => {
  const config = pkg.tshy !== null && typeof pkg.tshy === 'object' && !Array.isArray(pkg.tshy) ? (pkg.tshy as Record<string, unknown>) : null;
  const script = scripts.find(([, body]) => /(?:^|[\s;&|(])tshy(?=$|[\s;&|)])/.test(body));
  if (config === null && script === undefined) return null;
  const dialectNames = (key: string): string[] =>
    Array.isArray(config?.[key]) ? (config[key] as unknown[]).filter((d): d is string => typeof d === 'string' && /^[\w-]+$/.test(d)) : [];
  const outDirs = ['dist/esm', 'dist/commonjs', ...[...dialectNames('esmDialects'), ...dialectNames('commonjsDialects')].map((d) => `dist/${d}`)];
  return { outDirs, why: config !== null ? '"tshy"' : `script "${script?.[0]}" runs tshy` };
};

/**
 * Stop 52: the dist/<d>/ folders a package's exports point into, read as src/, when the package has
 * no folder <d> and every code file its exports name under a build folder has its twin under src/
 * (`dist/esm/urllib.js` and `dist/commonjs/urllib.js` → src/urllib.ts): a dual build by two tsc
 * configs, or any tool that writes one folder per dialect. One export without a twin (a file the
 * build writes from elsewhere, or a guess) and none is read: the exports are not a mirror of src/.
 * A package whose exports name no built file is read the same way by its main, module, types and
 * typings (review 1: `main: dist/cjs/index.js`, `module: dist/esm/index.js`). A subpath pattern
 * (`./dist/esm/*.js`) names no one file and is passed over; a built file or <d> folder the repo
 * holds (lib/esm/ checked in) is code of its own, and then nothing is read.
 */
const mirroredOutputs = (
  pkg: Record<string, unknown>,
  dir: string,
  files: ReadonlySet<string>,
  holdsFiles: (folder: string) => boolean,
): { outDirs: string[]; why: string } | null => {
  if (!holdsFiles('src')) return null;
  for (const keys of MIRROR_KEYS) {
    const outDirs = new Set<string>();
    const used = new Set<string>();
    let twins = 0;
    for (const [key, target] of keys.flatMap((key) => strings(pkg[key]).map((t) => [key, t] as const))) {
      const built = BUILD_DIR.exec(target);
      if (!built || target.includes('*') || sourceNamesFor(target).length === 0) continue;
      const rest = target.slice(built[0].length);
      const folder = /^([^/]+)\//.exec(rest)?.[1];
      const inRepo = joinRepo(dir, target);
      if ((inRepo !== null && files.has(inRepo)) || (folder !== undefined && holdsFiles(`${built[1]}/${folder}`))) return null;
      const nested = folder !== undefined && !holdsFiles(folder);
      const inSrc = nested ? rest.slice(folder.length + 1) : rest;
      const hasTwin = sourceNamesFor(inSrc).some((name) => {
        const path = joinRepo(dir, `src/${name}`);
        return path !== null && files.has(path);
      });
      if (!hasTwin) return null;
      twins++;
      used.add(key);
      if (nested) outDirs.add(`${built[1]}/${folder}`);
    }
    if (twins === 0) continue;
    const named = [...used].join(', ').replace(/, ([^,]+)$/, ' and $1');
    return outDirs.size === 0 ? null : { outDirs: [...outDirs], why: `${named} name ${twins} built file${twins === 1 ? '' : 's'} under ${[...outDirs].map((d) => `${d}/`).join(' and ')}, each with its twin under src/` };
  }
  return null;
};

/** The package.json keys read for a mirror of src/: exports, else (none of its targets under a build folder) the older keys. */
const MIRROR_KEYS: readonly (readonly string[])[] = [['exports'], ['main', 'module', 'types', 'typings']];

/** `babel src --out-dir lib`, `swc ./src -d ./dist`, `tsc --outDir dist --rootDir src` in a script. */
const SCRIPT_OUT: RegExp[] = [
  /\b(?:babel|swc)\s+(?:-[\w-]+\s+)*([.\w][.\w/-]*)\s+(?:[^&|;]*?\s)?(?:-d|--out-dir)[\s=]+([.\w][.\w/-]*)/g,
  /\b(?:babel|swc)\s+(?:[^&|;]*?\s)?(?:-d|--out-dir)[\s=]+([.\w][.\w/-]*)\s+([.\w][.\w/-]*)/g,
];
const BUILD_DIR = /^(?:\.\/)?(dist|lib|build|out|esm|cjs)\//;
/** A path segment that names a build output folder. */
const BUILD_SEGMENT = /(?:^|\/)(dist|lib|build|out|esm|cjs)\//g;

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v !== null && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

const packageMappings = (manifests: Manifests): OutDirMapping[] => {
  const out: OutDirMapping[] = [];
  const add = (dir: string, outDir: string, rootDir: string, why: string) => {
    const o = joinRepo(dir, outDir);
    const r = joinRepo(dir, rootDir);
    if (o !== null && r !== null && o !== '' && o !== r && !out.some((m) => m.outDir === o && m.rootDir === r)) out.push({ outDir: o, rootDir: r, why });
  };
  for (const f of manifests.all((p) => basename(p) === 'package.json' && !p.includes('node_modules/'), PACKAGE_JSON_NAME)) {
    const pkg = packageJsonValue(manifests, f) as Record<string, unknown> | null;
    if (!pkg || typeof pkg !== 'object') continue;
    const dir = dirname(f);
    const scripts = pkg.scripts && typeof pkg.scripts === 'object' ? Object.entries(pkg.scripts as Record<string, unknown>).filter((s): s is [string, string] => typeof s[1] === 'string') : [];
    for (const [name, script] of scripts) {
      const why = `${f} script "${name}"`;
      for (const m of script.matchAll(SCRIPT_OUT[0])) add(dir, m[2], m[1], `${why}: ${m[0].trim()}`);
      for (const m of script.matchAll(SCRIPT_OUT[1])) add(dir, m[1], m[2], `${why}: ${m[0].trim()}`);
      const tsc = /\btsc\b[^&|;]*--outDir[\s=]+([.\w/-]+)/.exec(script);
      if (tsc) add(dir, tsc[1], /--rootDir[\s=]+([.\w/-]+)/.exec(script)?.[1] ?? 'src', `${why}: ${tsc[0].trim()}`);
    }
    const holdsFiles = (folder: string): boolean => isFolder(manifests.files, dir === '' ? folder : `${dir}/${folder}`);
    const tshy = tshyOutputs(pkg, scripts);
    if (tshy !== null && holdsFiles('src')) for (const outDir of tshy.outDirs) add(dir, outDir, 'src', `${f} ${tshy.why}: tshy builds src/ into ${outDir}/`);
    const mirrored = mirroredOutputs(pkg, dir, manifests.files, holdsFiles);
    if (mirrored !== null) for (const outDir of mirrored.outDirs) add(dir, outDir, 'src', `${f} ${mirrored.why}`);
    for (const key of ['main', 'module', 'types', 'typings', 'bin', 'exports']) {
      for (const target of strings(pkg[key])) {
        const built = BUILD_DIR.exec(target);
        if (!built) continue;
        // `dist/src/index.js`, `dist/lib/index.js`: the inputs spanned src/ and lib/, so tsc's
        // inferred rootDir (the folder common to them) was the package's own, and dist/ mirrors it.
        const top = /^([^/]+)\//.exec(target.slice(built[0].length))?.[1];
        if (top !== undefined && holdsFiles(top)) add(dir, built[1], '.', `${f} ${key} points into ${built[1]}/${top}/, built from the package folder`);
        else if (holdsFiles('src')) add(dir, built[1], 'src', `${f} ${key} points into ${built[1]}/, built from src/`);
      }
    }
  }
  return out;
};

export interface BuiltSource {
  source: string;
  /** Why the built path is that source's output. */
  why: string;
}

export type BuildOutputMap = ((builtPath: string) => string | null) & {
  /** The source a built path was compiled from, with the evidence, or null. */
  explain(builtPath: string): BuiltSource | null;
  /** The source folder a built folder (`dist/components`) was compiled from, when it holds files; else null. */
  explainFolder(builtDir: string): BuiltSource | null;
};

const build = (manifests: Manifests): BuildOutputMap => {
  const files = manifests.files;
  const mappings = readMappings(manifests);
  // tsup's named entries (`entry: { cli: 'src/bin/run.ts' }` → dist/cli.js): exact files, before any folder mapping.
  const named = tsupOutputs(manifests);
  const sourceIn = (rootDir: string, rest: string): string | null => {
    for (const [pattern, sourceExts] of SOURCE_FOR_BUILT) {
      if (!pattern.test(rest)) continue;
      for (const ext of sourceExts) {
        const candidate = joinRepo(rootDir, rest.replace(pattern, ext));
        if (candidate !== null && files.has(candidate)) return candidate;
      }
    }
    return null;
  };
  /** `require('./dist/types')` names dist/types.js or dist/types/index.js. */
  const explain = (builtPath: string): BuiltSource | null => {
    if (SOURCE_FOR_BUILT.some(([pattern]) => pattern.test(builtPath))) return explainFile(builtPath);
    return explainFile(`${builtPath}.js`) ?? explainFile(`${builtPath}/index.js`);
  };
  const explainFile = (builtPath: string): BuiltSource | null => {
    const fromTsup = named.get(builtPath);
    if (fromTsup) return fromTsup;
    for (const { outDir, rootDir, why } of mappings) {
      if (!builtPath.startsWith(`${outDir}/`)) continue;
      const source = sourceIn(rootDir, builtPath.slice(outDir.length + 1));
      if (source !== null) return { source, why };
    }
    // `pkg/dist/x/y.js` with `pkg/src/x/y.ts` in the repo: the same relative path under src/.
    for (const m of builtPath.matchAll(BUILD_SEGMENT)) {
      const before = builtPath.slice(0, m.index + (m[0].startsWith('/') ? 1 : 0));
      const outDir = `${before}${m[1]}`;
      // Only for output that is not here: a lib/ of checked-in source is not build output.
      if (isFolder(files, outDir)) continue;
      const source = sourceIn(`${before}src`, builtPath.slice(outDir.length + 1));
      if (source !== null) return { source, why: `${outDir}/ is build output not in the repo, and ${before}src/ has the same file` };
    }
    return null;
  };
  const explainFolder = (builtDir: string): BuiltSource | null => {
    for (const { outDir, rootDir, why } of mappings) {
      if (builtDir !== outDir && !builtDir.startsWith(`${outDir}/`)) continue;
      const source = joinRepo(rootDir, builtDir.slice(outDir.length + 1));
      if (source !== null && isFolder(files, source)) return { source, why };
    }
    for (const m of `${builtDir}/`.matchAll(BUILD_SEGMENT)) {
      const before = builtDir.slice(0, m.index + (m[0].startsWith('/') ? 1 : 0));
      const outDir = `${before}${m[1]}`;
      if (isFolder(files, outDir)) continue;
      const source = joinRepo(`${before}src`, builtDir.slice(outDir.length + 1));
      if (source !== null && isFolder(files, source)) return { source, why: `${outDir}/ is build output not in the repo, and ${source}/ is there` };
    }
    return null;
  };
  return Object.assign((builtPath: string) => explain(builtPath)?.source ?? null, { explain, explainFolder });
};

/** The scan's build-output map, computed once and shared by every stage that asks. */
export const createBuildOutputMap = (manifests: Manifests): BuildOutputMap => manifests.derive('js-build-output', build);
