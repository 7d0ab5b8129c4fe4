/**
 * Package conditions a repo's own tools resolve package.json `exports`/`imports` under, beyond
 * the ones every import gets (`node`, `import`/`require`, `types`, `default`): Vite's (and
 * Vitest's) `resolve.conditions` and `ssr.resolve.conditions`, knip's `conditions`, and Node's
 * `--conditions=x` / `-C x` in a package's scripts (NODE_OPTIONS too). A `"source":
 * "./src/x.ts"` branch that such a tool picks is how the repo reaches its sources, so the resolver
 * honours it for the files of that tool's project folder (the nearest package.json folder at or
 * above its config; knip's, its config's folder). TypeScript's `customConditions` are read per
 * tsconfig (tsconfig.ts). Read statically once per scan; a spread of the tool's defaults
 * (`[...defaultClientConditions, 'source']`) keeps its literal names.
 */
import { configAt, configStrings, readConfigFile } from '../config-value.js';
import { CODE_NAME, JSON_NAMES, KNIP_CONFIG_STEMS, plainKnipConfig } from '../knip-config-file.js';
import { isRecord } from '../../../manifests/json.js';
import { packageScripts } from '../../../manifests/package-json.js';
import type { Manifests } from '../../../manifests/store.js';
import type { NameKeys } from '../../../util/file-index.js';
import { basename, dirname } from '../../../util/path.js';

export interface DeclaredCondition {
  name: string;
  /** Where it is declared, for evidence: `vite.config.ts resolve.conditions`, `knip.json conditions`. */
  why: string;
}

export interface DeclaredConditions {
  /** The conditions declared for files of folder `dir` ('' = the root), nearest declaration first. */
  for(dir: string): readonly DeclaredCondition[];
}

/** Conditions Node applies by the import's own syntax: naming them in a config changes nothing census does. */
const BUILT_IN = new Set(['default', 'import', 'require', 'node', 'types', 'module-sync', 'node-addons']);
export const isBuiltInCondition = (name: string): boolean => BUILT_IN.has(name);

export const VITE_CONFIG = /^vit(e|est)(\.[\w-]+)*\.config\.[cm]?[jt]s$/;
/** The stems of every name the loop below reads (VITE_CONFIG, a knip config, package.json), for `Manifests.all`. */
export const CONDITION_CONFIG_NAMES: NameKeys = { stems: ['vite', 'vitest', ...KNIP_CONFIG_STEMS] };
/** `--conditions=x`, `--conditions x`, `-C x` (in NODE_OPTIONS or on a node command line). */
const NODE_FLAG = /(?:^|[\s'"=])((?:--conditions|-C)(?:=|\s+)([\w@:.-]+))/g;

const build = (manifests: Manifests): DeclaredConditions => {
  const byFolder = new Map<string, DeclaredCondition[]>();
  const add = (folder: string, name: string, why: string) => {
    if (BUILT_IN.has(name) || name === '') return;
    const list = byFolder.get(folder) ?? [];
    if (!list.some((c) => c.name === name)) list.push({ name, why });
    byFolder.set(folder, list);
  };
  const projectOf = (config: string): string => {
    const manifest = manifests.nearest(dirname(config), 'package.json');
    return manifest === null ? dirname(config) : dirname(manifest);
  };
  for (const path of manifests.all((p) => !p.includes('node_modules/'), CONDITION_CONFIG_NAMES)) {
    const name = basename(path);
    if (VITE_CONFIG.test(name)) {
      const text = manifests.text(path);
      if (text === null || !text.includes('conditions')) continue;
      const value = readConfigFile(path, text).value;
      for (const config of value?.kind === 'array' ? value.items : [value]) {
        for (const keys of [['resolve', 'conditions'], ['ssr', 'resolve', 'conditions']]) {
          for (const s of configStrings(configAt(config, ...keys)).strings) add(projectOf(path), s.value, `${path}:${s.line} ${keys.join('.')}`);
        }
      }
    } else if (JSON_NAMES.has(name) || CODE_NAME.test(name) || name === 'package.json') {
      const text = manifests.text(path);
      if (text === null || !text.includes('conditions')) continue;
      if (name === 'package.json') {
        for (const [script, body] of Object.entries(packageScripts(manifests, path))) {
          if (!/\bnode\b|NODE_OPTIONS|\btsx\b/.test(body)) continue;
          for (const m of body.matchAll(NODE_FLAG)) add(dirname(path), m[2], `${path} script "${script}" (${m[1]})`);
        }
      }
      const knip = plainKnipConfig(path, text);
      const conditions = isRecord(knip) ? knip.conditions : undefined;
      if (Array.isArray(conditions)) for (const c of conditions) if (typeof c === 'string') add(dirname(path), c, `${name === 'package.json' ? `${path} "knip"` : path} conditions`);
    }
  }
  const memo = new Map<string, readonly DeclaredCondition[]>();
  const forDir = (dir: string): readonly DeclaredCondition[] => {
    const known = memo.get(dir);
    if (known) return known;
    const own = byFolder.get(dir) ?? [];
    const above = dir === '' ? [] : forDir(dirname(dir));
    const all = [...own, ...above.filter((c) => !own.some((o) => o.name === c.name))];
    memo.set(dir, all);
    return all;
  };
  return { for: forDir };
};

/** The scan's declared conditions, read once and shared by every resolver that asks. */
export const declaredConditions = (manifests: Manifests): DeclaredConditions => manifests.derive('js-declared-conditions', build);
