/**
 * oxc-resolver instances, one per (tsconfig, condition profile, importer kind, added conditions), created on first
 * use and sharing one file-system cache. A profile is the set of package.json conditions an import
 * is resolved under: ESM `import`, CommonJS `require`, or `types` for type-only imports.
 */
import type { NapiResolveOptions, ResolverFactory } from 'oxc-resolver';
import { oxcResolver } from '../oxc-loaders.js';
import { joinAbsolute } from '../../../util/path.js';
import { EMPTY_LIST } from '../../../util/packed-list.js';

export type Profile = 'esm' | 'cjs' | 'types';
/** A TS importer prefers `x.ts` over `x.js` when both exist; a JS importer the file it would load. */
export type ImporterKind = 'ts' | 'js';

/**
 * `.vue` last, as Vue CLI's webpack and Nuxt resolve `./Comp` to `Comp.vue` (Svelte and Astro
 * imports name their extension). A compiler's own extension (`.tsrx`) is added after these only
 * where the compiler is declared (compiler-extensions.ts).
 */
export const EXTENSIONS: Record<ImporterKind, readonly string[]> = {
  ts: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.d.ts', '.vue'],
  js: ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.json', '.d.ts', '.vue'],
};

/** `./x.js` names `./x.ts` in TypeScript source (NodeNext / bundler style). */
export const EXTENSION_ALIAS: Record<ImporterKind, Readonly<Record<string, readonly string[]>>> = {
  ts: { '.js': ['.ts', '.tsx', '.js', '.jsx', '.d.ts'], '.jsx': ['.tsx', '.jsx'], '.mjs': ['.mts', '.mjs', '.d.mts'], '.cjs': ['.cts', '.cjs', '.d.cts'] },
  js: { '.js': ['.js', '.ts', '.tsx', '.jsx'], '.jsx': ['.jsx', '.tsx'], '.mjs': ['.mjs', '.mts'], '.cjs': ['.cjs', '.cts'] },
};

const CONDITIONS: Record<Profile, string[]> = {
  esm: ['node', 'import'],
  cjs: ['node', 'require'],
  types: ['types', 'node', 'import'],
};

/** The package.json conditions an import of `profile` is resolved under (`default` always applies too). */
export const conditionsOf = (profile: Profile): readonly string[] => CONDITIONS[profile];

const MAIN_FIELDS: Record<Profile, string[]> = {
  esm: ['module', 'main'],
  cjs: ['main'],
  types: ['types', 'typings', 'module', 'main'],
};

const optionsFor = (rootAbs: string, config: string | null, profile: Profile, kind: ImporterKind, extra: readonly string[], added: readonly string[]): NapiResolveOptions => {
  const options: NapiResolveOptions = {
    // Matching follows the key order of the package's conditions object, not this list's.
    conditionNames: [...CONDITIONS[profile], ...extra],
    mainFields: MAIN_FIELDS[profile],
    extensions: [...EXTENSIONS[kind], ...added],
    extensionAlias: Object.fromEntries(Object.entries(EXTENSION_ALIAS[kind]).map(([ext, list]) => [ext, [...list]])),
    mainFiles: ['index'],
    builtinModules: true,
    // Deterministic: the environment of the machine running census must not change the graph.
    nodePath: false,
  };
  if (config !== null) options.tsconfig = { configFile: joinAbsolute(rootAbs, config), references: 'auto' };
  return options;
};

export interface ResolverPool {
  /**
   * `extra`: conditions the repo's tools add (resolution/conditions.ts, tsconfig `customConditions`);
   * `added`: extensions tried after the usual ones (compiler-extensions.ts).
   */
  get(config: string | null, profile: Profile, kind: ImporterKind, extra?: readonly string[], added?: readonly string[]): ResolverFactory;
}

export const createResolverPool = (rootAbs: string): ResolverPool => {
  let base: ResolverFactory | null = null;
  const pool = new Map<string, ResolverFactory>();
  return {
    get(config, profile, kind, extra = EMPTY_LIST, added = EMPTY_LIST) {
      const key = `${config ?? ''}\0${profile}\0${kind}\0${extra.join(',')}\0${added.join(',')}`;
      let factory = pool.get(key);
      if (!factory) {
        const options = optionsFor(rootAbs, config, profile, kind, extra, added);
        factory = base === null ? (base = new (oxcResolver().ResolverFactory)(options)) : base.cloneWithOptions(options);
        pool.set(key, factory);
      }
      return factory;
    },
  };
};
