/**
 * Which tsconfig.json / jsconfig.json governs a file (the nearest one above it among the repo's
 * files), and the module options it sets (`paths`, `baseUrl`, `moduleSuffixes`, `rootDirs`, `customConditions`),
 * following `extends` within the repo, and its `module` (import-conditions.ts: whether tsc emits a `.ts` file's imports as require() calls). oxc-resolver does the mapping whenever it can load the config; census reads the options
 * itself to tell an alias that points nowhere ('not-found') from a package ('external'), and to
 * apply `paths` when oxc cannot load the config (it `extends` a package that is not installed).
 */
import { JSONC_MANIFEST } from '../../../manifests/json.js';
import type { Manifests } from '../../../manifests/store.js';
import { basename, dirname, joinRepo } from '../../../util/path.js';
import { createTsconfigPrograms } from './tsconfig-program.js';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS_DEPTH = 10;

export interface ModuleOptions {
  /** `paths` as declared: pattern → targets. */
  paths: Record<string, string[]>;
  /** Repo directory the `paths` targets are relative to: `baseUrl`, else the declaring config's folder. */
  pathsBase: string;
  /** Repo directory of `baseUrl`, when set: bare specifiers may name files under it. */
  baseUrl: string | null;
  /** `moduleSuffixes` (`[".native", ""]`) and the config that sets it; null when unset or only `[""]`. */
  moduleSuffixes: { suffixes: string[]; config: string } | null;
  /** `rootDirs` as repo folders (each relative to the config that sets it), with that config; null when unset. */
  rootDirs: { dirs: string[]; config: string } | null;
  /** `customConditions` and the config that sets them: TypeScript resolves `exports`/`imports` under them too; null when unset or empty. */
  customConditions: { names: string[]; config: string } | null;
  /** `compilerOptions.module`, lower-cased; null when unset. */
  module: string | null;
}

export interface TsconfigIndex {
  /** Repo path of the config that applies to files in `dir`, or null. */
  configFor(dir: string): string | null;
  options(config: string): ModuleOptions;
  /**
   * `moduleSuffixes` and `rootDirs` for the relative imports of `file`, from the config whose
   * program holds it (tsconfig-program.ts); null when neither is set there. The same object for
   * every file of one governing config.
   */
  relativeLayout(file: string): RelativeLayout | null;
}

export type RelativeLayout = Pick<ModuleOptions, 'moduleSuffixes' | 'rootDirs'>;

/** The options without `baseUrl` (a referenced project's `paths` alone), in the shape every ModuleOptions has. */
export const withoutBaseUrl = (o: ModuleOptions): ModuleOptions => ({
  paths: o.paths,
  pathsBase: o.pathsBase,
  baseUrl: null,
  moduleSuffixes: o.moduleSuffixes,
  rootDirs: o.rootDirs,
  customConditions: o.customConditions,
  module: o.module,
});

interface ConfigShape {
  extends?: unknown;
  compilerOptions?: { paths?: unknown; baseUrl?: unknown; moduleSuffixes?: unknown; rootDirs?: unknown; customConditions?: unknown; module?: unknown };
}

interface Partial {
  paths?: Record<string, string[]>;
  pathsDir?: string;
  baseUrl?: string;
  moduleSuffixes?: { suffixes: string[]; config: string };
  rootDirs?: { dirs: string[]; config: string };
  customConditions?: { names: string[]; config: string };
  module?: string;
}

const stringArrays = (value: object): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const [key, targets] of Object.entries(value)) {
    if (Array.isArray(targets)) out[key] = targets.filter((t): t is string => typeof t === 'string');
  }
  return out;
};

const createTsconfigIndex = (manifests: Manifests): TsconfigIndex => {
  const optionsByConfig = new Map<string, ModuleOptions>();

  const configFor = (dir: string): string | null => manifests.nearest(dir, CONFIG_NAMES);

  const extendedConfigs = (config: string, shape: ConfigShape): string[] => {
    const list = Array.isArray(shape.extends) ? shape.extends : [shape.extends];
    const out: string[] = [];
    for (const entry of list) {
      // Package configs (`@tsconfig/node20/…`) set compiler flags, not a repo's own aliases.
      if (typeof entry !== 'string' || !entry.startsWith('.')) continue;
      const target = joinRepo(dirname(config), entry.endsWith('.json') ? entry : `${entry}.json`);
      if (target !== null) out.push(target);
    }
    return out;
  };

  /** A config's own options over those of the configs it extends (later `extends` entries win). */
  const collect = (config: string, depth: number): Partial => {
    const shape = depth > MAX_EXTENDS_DEPTH ? null : (manifests.get(config, JSONC_MANIFEST) as ConfigShape | null);
    if (!shape || typeof shape !== 'object') return {};
    const merged: Partial = {};
    for (const parent of extendedConfigs(config, shape)) Object.assign(merged, collect(parent, depth + 1));
    const own = shape.compilerOptions;
    if (own && typeof own === 'object') {
      if (typeof own.baseUrl === 'string') merged.baseUrl = joinRepo(dirname(config), own.baseUrl) ?? undefined;
      if (own.paths && typeof own.paths === 'object') {
        merged.paths = stringArrays(own.paths);
        merged.pathsDir = dirname(config);
      }
      if (Array.isArray(own.moduleSuffixes)) {
        merged.moduleSuffixes = { suffixes: own.moduleSuffixes.filter((x): x is string => typeof x === 'string'), config };
      }
      if (typeof own.module === 'string') merged.module = own.module.toLowerCase();
      if (Array.isArray(own.customConditions)) merged.customConditions = { names: own.customConditions.filter((c): c is string => typeof c === 'string'), config };
      if (Array.isArray(own.rootDirs)) {
        const dirs = own.rootDirs.flatMap((d) => (typeof d === 'string' ? [joinRepo(dirname(config), d)] : [])).filter((d): d is string => d !== null);
        merged.rootDirs = { dirs, config };
      }
    }
    return merged;
  };

  const options = (config: string): ModuleOptions => {
    let known = optionsByConfig.get(config);
    if (!known) {
      const merged = collect(config, 0);
      const suffixes = merged.moduleSuffixes;
      known = {
        paths: merged.paths ?? {},
        pathsBase: merged.baseUrl ?? merged.pathsDir ?? dirname(config),
        baseUrl: merged.baseUrl ?? null,
        // `[""]` is what TypeScript does without the option.
        moduleSuffixes: suffixes && suffixes.suffixes.some((x) => x !== '') ? suffixes : null,
        rootDirs: merged.rootDirs && merged.rootDirs.dirs.length > 0 ? merged.rootDirs : null,
        customConditions: merged.customConditions && merged.customConditions.names.length > 0 ? merged.customConditions : null,
        module: merged.module ?? null,
      };
      optionsByConfig.set(config, known);
    }
    return known;
  };

  // Most repos set neither option anywhere: then no file needs its governing config worked out.
  const anyLayout = manifests
    .all((p) => /^[tj]sconfig(\.[\w.-]+)?\.json$/.test(basename(p)) && !p.includes('node_modules/'))
    .some((p) => {
      const shape = manifests.get(p, JSONC_MANIFEST) as ConfigShape | null;
      const own = shape && typeof shape === 'object' ? shape.compilerOptions : undefined;
      return own !== undefined && own !== null && typeof own === 'object' && (own.moduleSuffixes !== undefined || own.rootDirs !== undefined);
    });
  const programs = anyLayout ? createTsconfigPrograms(manifests) : null;

  // One layout object per governing config: the resolver keeps its answers per layout, by identity.
  const layouts = new Map<string, RelativeLayout | null>();
  const relativeLayout = (file: string): RelativeLayout | null => {
    if (programs === null) return null;
    const nearest = configFor(dirname(file));
    if (nearest === null) return null;
    const governing = programs.governing(nearest, file);
    let layout = layouts.get(governing);
    if (layout === undefined) {
      const { moduleSuffixes, rootDirs } = options(governing);
      layout = moduleSuffixes === null && rootDirs === null ? null : { moduleSuffixes, rootDirs };
      layouts.set(governing, layout);
    }
    return layout;
  };

  return { configFor, options, relativeLayout };
};

/** The scan's one tsconfig index, built once per manifest store: the resolver's and the framework readers' (payload-configs, import-conditions). */
export const tsconfigIndexOf = (manifests: Manifests): TsconfigIndex => manifests.derive('js-tsconfig-index', createTsconfigIndex);

/** The part of a specifier a `paths` pattern's `*` stands for, or null when it does not match. */
export const matchPathPattern = (specifier: string, pattern: string): string | null => {
  const star = pattern.indexOf('*');
  if (star < 0) return specifier === pattern ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) return null;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
};

/**
 * Repo paths a specifier maps to under `paths` (then `baseUrl`), in the order TypeScript tries
 * them. Longest matching prefix wins, as in TypeScript.
 */
export const pathCandidates = (specifier: string, options: ModuleOptions): string[] => {
  // An exact pattern beats any wildcard; among wildcards the longest prefix wins.
  // Scored and compared for every match, the first too (scores are never negative): a second
  // match was rare enough that V8 had never seen the call.
  const score = (pattern: string): number => (pattern.includes('*') ? pattern.indexOf('*') : Number.MAX_SAFE_INTEGER);
  let best: { pattern: string; rest: string } | null = null;
  let bestScore = -1;
  for (const pattern of Object.keys(options.paths)) {
    const rest = matchPathPattern(specifier, pattern);
    if (rest === null) continue;
    const scored = score(pattern);
    if (scored > bestScore) {
      best = { pattern, rest };
      bestScore = scored;
    }
  }
  const candidates: string[] = [];
  if (best) {
    for (const target of options.paths[best.pattern]) {
      const mapped = joinRepo(options.pathsBase, target.replace('*', best.rest));
      if (mapped !== null) candidates.push(mapped);
    }
  }
  if (options.baseUrl !== null) {
    const underBase = joinRepo(options.baseUrl, specifier);
    if (underBase !== null) candidates.push(underBase);
  }
  return candidates;
};
