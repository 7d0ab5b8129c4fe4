/**
 * Nuxt layers: folders an app extends, each a Nuxt project of its own (its nuxt.config, srcDir,
 * pages/, components/, modules, plugins, server/) merged into the app's build. A layer is named by
 * nuxt.config's `extends` (a string, or a list of strings and `[source, options]` tuples; local
 * ones are `./`/`../` paths or a bare folder holding a nuxt.config, resolved from the folder of the
 * config that names them, as c12 resolves them), or sits in the app's `layers/` folder, which
 * Nuxt (3.12+) registers by itself. Package-name and `github:`/`gh:`/`https:` layers are
 * dependencies, not repo files. A layer's own `extends` are followed too, to a bounded depth.
 */
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FrameworkContext } from '../types.js';
import { filesIn, readToolConfig, warnUnread } from './support.js';

export const NUXT_CONFIG = /^nuxt\.config\.[cm]?[jt]s$/;

/** Layers extending layers, at most this deep (a cycle stops earlier: each folder is read once). */
const MAX_DEPTH = 8;

export interface NuxtLayer {
  /** The layer's folder (its rootDir). */
  dir: string;
  /** Its nuxt.config, when it has one. */
  config: string | null;
  read: ConfigValue | null;
  /** How the app reaches it, for evidence: `nuxt.config.ts:4 extends "./base"`. */
  via: string;
  /** Set for a folder of the app's `layers/`: the name of Nuxt's `#layers/<name>` alias to its srcDir. */
  aliasName?: string;
}

type Unread = { line: number; text: string; file?: string };

/**
 * The names in a Nuxt list of modules or layers: strings and the first item of
 * `[name, options]` tuples. Inline modules (objects, functions) and imported bindings name no
 * path here (an import is an edge of its own); a computed string is returned apart, for a warning.
 */
export const nuxtListNames = (value: ConfigValue | null): { names: { value: string; line: number }[]; unread: Unread[] } => {
  const names: { value: string; line: number }[] = [];
  const unread: Unread[] = [];
  const name = (v: ConfigValue) => {
    if (v.kind === 'string') names.push({ value: v.value, line: v.line });
    else if (v.kind === 'unknown' && v.alternatives) v.alternatives.forEach(name);
    else if (v.kind === 'unknown' && /['"`]/.test(v.text)) unread.push({ line: v.line, text: v.text, ...(v.file ? { file: v.file } : {}) });
  };
  const item = (v: ConfigValue) => {
    if (v.kind === 'array') {
      if (v.items[0]) name(v.items[0]);
    } else if (v.kind === 'unknown' && v.alternatives) v.alternatives.forEach(item);
    else name(v);
  };
  if (value?.kind === 'array') value.items.forEach(item);
  else if (value) name(value);
  return { names, unread };
};

/** The repo folder a local `extends` source names, or null for a package, a remote source or a folder not in the repo. */
const localLayerDir = (ctx: FrameworkContext, from: string, source: string): string | null => {
  if (source === '' || /^[a-z][\w+.-]*:/i.test(source) || source.startsWith('/') || source.startsWith('@')) return null;
  const relative = /^\.\.?(\/|$)/.test(source);
  const dir = joinRepo(from, source.replace(/\/+$/, ''));
  if (dir === null || dir === from) return null;
  // A bare name is a package unless a folder of that name holds a Nuxt config.
  if (!relative && filesIn(ctx, dir, NUXT_CONFIG).length === 0) return null;
  return dir !== '' && isFolder(ctx.files, dir) ? dir : null;
};

/** The folders directly in `dir/layers/` that hold files. */
const layersFolder = (ctx: FrameworkContext, appDir: string): string[] => {
  const prefix = appDir === '' ? 'layers/' : `${appDir}/layers/`;
  const names = new Set<string>();
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash > 0) names.add(rest.slice(0, slash));
  }
  return [...names];
};

/** Every local layer an app at `appDir` (config `appConfig`, read as `appRead`) is built with, in the order met. */
export const nuxtLayers = (ctx: FrameworkContext, appDir: string, appConfig: string | null, appRead: ConfigValue | null, diagnostics: Diagnostic[]): NuxtLayer[] => {
  const layers: NuxtLayer[] = [];
  const seen = new Set<string>([appDir]);
  const layersPrefix = appDir === '' ? 'layers/' : `${appDir}/layers/`;
  const add = (dir: string, via: string, depth: number) => {
    seen.add(dir);
    const inLayers = dir.startsWith(layersPrefix) && !dir.slice(layersPrefix.length).includes('/');
    const aliasName = inLayers ? dir.slice(layersPrefix.length) : undefined;
    const config = filesIn(ctx, dir, NUXT_CONFIG)[0] ?? null;
    const read = config ? readToolConfig(ctx, config, diagnostics, 'nuxt').value : null;
    layers.push({ dir, config, read, via, ...(aliasName ? { aliasName } : {}) });
    if (config) follow(dir, config, read, depth + 1);
  };
  const follow = (dir: string, config: string, read: ConfigValue | null, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const { names, unread } = nuxtListNames(configAt(read, 'extends'));
    warnUnread(diagnostics, 'nuxt', config, unread, 'extends');
    for (const n of names) {
      const layerDir = localLayerDir(ctx, dir, n.value);
      if (layerDir !== null && !seen.has(layerDir)) add(layerDir, `${config}:${n.line} extends "${n.value}"`, depth);
    }
  };
  if (appConfig) follow(appDir, appConfig, appRead, 1);
  for (const name of layersFolder(ctx, appDir)) {
    const dir = joinRepo(appDir, 'layers', name);
    if (dir !== null && !seen.has(dir)) add(dir, `Nuxt's layers/ folder (auto-registered)`, 1);
  }
  return layers;
};
