/**
 * Which tsconfig's program holds a file. tsc and the editor's language service take the options
 * for a file from the project that compiles it: the nearest tsconfig.json, unless it leaves the
 * file out (a solution config, `"files": []` with `references`), in which case the referenced
 * project whose `files`/`include` take the file in and whose `exclude` does not drop it. Options
 * that change how a relative import is looked up (`moduleSuffixes`, `rootDirs`) come from there.
 * `files`, `include` and `exclude` are inherited through relative `extends`, each relative to the
 * config that says it, as tsc does.
 */
import { JSONC_MANIFEST, isRecord } from '../../../manifests/json.js';
import { isPackageJson, PACKAGE_JSON_NAME, packageScripts } from '../../../manifests/package-json.js';
import type { Manifests } from '../../../manifests/store.js';
import { compileRepoGlobs } from '../../../util/glob.js';
import { basename, dirname, joinRepo } from '../../../util/path.js';

const MAX_DEPTH = 8;
/** What tsc leaves out when a config has no `exclude`, besides its `outDir`. */
const DEFAULT_EXCLUDE = ['node_modules', 'bower_components', 'jspm_packages'];

type Listed = { config: string; specs: string[] } | null;

interface ProgramLists {
  files: Listed;
  include: Listed;
  exclude: Listed;
  outDir: { config: string; spec: string } | null;
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null);

const parentsOf = (config: string, value: Record<string, unknown>): string[] => {
  const list = typeof value.extends === 'string' ? [value.extends] : (strings(value.extends) ?? []);
  const out: string[] = [];
  for (const parent of list) {
    // Package configs (`@tsconfig/node20`) do not list a repo's files.
    if (!parent.startsWith('.')) continue;
    const path = joinRepo(dirname(config), parent.endsWith('.json') ? parent : `${parent}.json`);
    if (path !== null) out.push(path);
  }
  return out;
};

/** A config's own lists over those it extends: the nearest config that sets each list wins. */
const listsOf = (manifests: Manifests, config: string, depth: number): ProgramLists => {
  const value = depth > MAX_DEPTH ? null : manifests.get(config, JSONC_MANIFEST);
  const none: ProgramLists = { files: null, include: null, exclude: null, outDir: null };
  if (!isRecord(value)) return none;
  const own = (key: string): Listed => {
    const specs = strings(value[key]);
    return specs === null ? null : { config, specs };
  };
  const options = isRecord(value.compilerOptions) ? value.compilerOptions : {};
  const lists: ProgramLists = {
    files: own('files'),
    include: own('include'),
    exclude: own('exclude'),
    outDir: typeof options.outDir === 'string' ? { config, spec: options.outDir } : null,
  };
  for (const parent of parentsOf(config, value)) {
    const inherited = listsOf(manifests, parent, depth + 1);
    lists.files ??= inherited.files;
    lists.include ??= inherited.include;
    lists.exclude ??= inherited.exclude;
    lists.outDir ??= inherited.outDir;
  }
  return lists;
};

/** An include/exclude spec → a repo glob: a folder (no wildcard, no extension) means everything below it. */
const specGlob = (config: string, spec: string): string | null => {
  const clean = spec.replace(/\/$/, '');
  const glob = /[*?]/.test(clean) || /\.\w+$/.test(clean) ? clean : `${clean}/**/*`;
  return joinRepo(dirname(config), glob);
};

/** The configs a tsconfig's `references` name (a folder means its tsconfig.json), those in the repo. */
export const referencesOf = (manifests: Manifests, config: string): string[] => {
  const value = manifests.get(config, JSONC_MANIFEST);
  const list = isRecord(value) && Array.isArray(value.references) ? value.references : [];
  const out: string[] = [];
  for (const reference of list) {
    const path = isRecord(reference) && typeof reference.path === 'string' ? reference.path : null;
    const target = path === null ? null : joinRepo(dirname(config), path.endsWith('.json') ? path : `${path}/tsconfig.json`);
    if (target !== null && manifests.files.has(target)) out.push(target);
  }
  return out;
};

/** Every project a tsconfig's `references` reach, depth first as tsc -b builds them (itself left out). */
export const referencedProjects = (manifests: Manifests, config: string): string[] => {
  const out: string[] = [];
  const walk = (from: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const ref of referencesOf(manifests, from)) {
      if (ref === config || out.includes(ref)) continue;
      out.push(ref);
      walk(ref, depth + 1);
    }
  };
  walk(config, 0);
  return out;
};

export interface TsconfigPrograms {
  /** The config whose program holds `file`, starting from `nearest` (the nearest tsconfig above it). */
  governing(nearest: string, file: string): string;
}

export const createTsconfigPrograms = (manifests: Manifests): TsconfigPrograms => {
  /** Whether the config's program holds the file: the one program model, programListing's (`${configDir}` too). */
  const holds = (config: string, file: string): boolean => programListing(manifests, config)(file) !== null;

  /** Depth first through `references`, as tsc -b builds them: the first project that holds the file. */
  const referenced = (config: string, file: string, depth: number, seen: Set<string>): string | null => {
    if (depth > MAX_DEPTH) return null;
    for (const ref of referencesOf(manifests, config)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      if (holds(ref, file)) return ref;
      const deeper = referenced(ref, file, depth + 1, seen);
      if (deeper !== null) return deeper;
    }
    return null;
  };

  return {
    governing: (nearest, file) => (holds(nearest, file) ? nearest : (referenced(nearest, file, 0, new Set([nearest])) ?? nearest)),
  };
};

/** Which list of a program took a file in: the config that says the list, and the list's key. */
export interface ProgramListing {
  config: string;
  key: 'files' | 'include';
}

const CONFIG_DIR = '${configDir}';

/** A repo tsconfig/jsconfig, by its file name. */
const TSCONFIG_FILE = /(^|\/)[tj]sconfig(\.[\w.-]+)?\.json$/;
/** What tsc without `-p` and the editor compile: a folder's own tsconfig.json / jsconfig.json. */
const FOLDER_CONFIG = /(^|\/)[tj]sconfig\.json$/;

/**
 * The repo configs that are only a base: another repo config extends them (directly or through a
 * chain), yet tsc never compiles them, since they are not a folder's tsconfig.json/jsconfig.json,
 * no `references` names them and no package.json script names their file (`tsc -p
 * tsconfig.base.json`). Once per scan.
 */
const onlyBases = (manifests: Manifests): ReadonlySet<string> =>
  manifests.derive('js-tsconfig-only-bases', (m) => {
    const extended = new Set<string>();
    const referenced = new Set<string>();
    const walk = (config: string, depth: number) => {
      const value = depth > MAX_DEPTH ? null : m.get(config, JSONC_MANIFEST);
      if (!isRecord(value)) return;
      for (const parent of parentsOf(config, value)) {
        if (extended.has(parent)) continue;
        extended.add(parent);
        walk(parent, depth + 1);
      }
    };
    for (const config of m.all((p) => TSCONFIG_FILE.test(p) && !p.includes('node_modules/'))) {
      walk(config, 0);
      for (const ref of referencesOf(m, config)) referenced.add(ref);
    }
    const candidates = [...extended].filter((c) => m.files.has(c) && TSCONFIG_FILE.test(c) && !FOLDER_CONFIG.test(c) && !referenced.has(c));
    if (candidates.length === 0) return new Set<string>();
    const scripts = m.all((p) => isPackageJson(p) && !p.includes('node_modules/'), PACKAGE_JSON_NAME).flatMap((p) => Object.values(packageScripts(m, p)));
    return new Set(candidates.filter((c) => !scripts.some((s) => s.includes(basename(c)))));
  });

/**
 * A spec relative to the config that says it, or, when it starts with `${configDir}` (TypeScript
 * 5.5), to the folder of the config being compiled (`leaf`), whichever config in the `extends`
 * chain says it. A config that is only a base (onlyBases) is no program of its own: there
 * `${configDir}` is a template for the configs that extend it and names no folder (`leaf` null).
 */
const leafGlobs = (listed: Listed, leaf: string | null): string[] => {
  if (listed === null) return [];
  const out: string[] = [];
  for (const spec of listed.specs) {
    if (spec.startsWith(CONFIG_DIR) && leaf === null) continue;
    const glob = spec.startsWith(CONFIG_DIR) ? specGlob(leaf!, `./${spec.slice(CONFIG_DIR.length).replace(/^\/+/, '')}`) : specGlob(listed.config, spec);
    if (glob !== null) out.push(glob);
  }
  return out;
};

const listingsOf = new WeakMap<Manifests, Map<string, (file: string) => ProgramListing | null>>();

/**
 * The program of one tsconfig as tsc builds it: `files`, `include` and `exclude` through relative
 * `extends`, `${configDir}` read as the config's own folder (none for a config that is only a base), no `include` and no `files` meaning
 * everything below it. For a file: which list takes it in (`files` first, as a file it names is in
 * whatever `exclude` says), null when the program leaves it out. Once per config and manifests.
 */
export const programListing = (manifests: Manifests, config: string): ((file: string) => ProgramListing | null) => {
  let byConfig = listingsOf.get(manifests);
  if (!byConfig) listingsOf.set(manifests, (byConfig = new Map()));
  const known = byConfig.get(config);
  if (known) return known;
  const lists = listsOf(manifests, config, 0);
  const leaf = onlyBases(manifests).has(config) ? null : config;
  const named = new Set(leafGlobs(lists.files, leaf));
  const include: Listed = lists.include ?? (lists.files === null ? { config, specs: ['**/*'] } : null);
  const outDir: Listed = lists.outDir ? { config: lists.outDir.config, specs: [lists.outDir.spec] } : null;
  const included = compileRepoGlobs(leafGlobs(include, leaf));
  const excluded = compileRepoGlobs(lists.exclude !== null ? leafGlobs(lists.exclude, leaf) : [...leafGlobs({ config, specs: DEFAULT_EXCLUDE }, leaf), ...leafGlobs(outDir, leaf)]);
  const listing = (file: string): ProgramListing | null => {
    if (named.has(file)) return { config: lists.files!.config, key: 'files' };
    return include !== null && included(file) && !excluded(file) ? { config: include.config, key: 'include' } : null;
  };
  byConfig.set(config, listing);
  return listing;
};
