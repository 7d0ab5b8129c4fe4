/**
 * Nuxt builds an app from folders, not imports: app.vue, error.vue and app.config in its source
 * folder (`srcDir`; `app/` in Nuxt 4 layouts), every file under pages/, layouts/, middleware/,
 * components/ (auto-imported), server/ (routes, API, server middleware, plugins, utils) and
 * shared/; the top-level files (or `<name>/index`) of plugins/, composables/, utils/ and modules/;
 * and the files nuxt.config's `plugins` and `modules` name (`~/plugins/x`, `~~/modules/y`, a
 * `[path, options]` tuple); imports through Nuxt's `~`/`@` (srcDir) and `~~`/`@@` (root) aliases.
 * The same for each local layer the app extends (nuxt-layers.ts), with its own srcDir and its
 * `~`/`@`/`~~`/`@@` naming its own folders. With @nuxtjs/i18n, the vue-i18n config the module loads
 * (its `vueI18n` option, default `i18n.config.*` in the `i18n/` folder — `restructureDir` — or,
 * before v9, at the root) and the locale files in its `langDir` (default `locales/` in that folder),
 * which the module imports by file name. All with the kind of what runs
 * nuxt there (a `start`/`preview` or a Dockerfile build: production; `nuxt dev` alone: tooling).
 */
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { EntryKind } from '../../model/verdict.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { NUXT_CONFIG, nuxtLayers, nuxtListNames } from './nuxt-layers.js';
import { aliasReferences, codeFileAt, dependsOn, eachPackage, enabledByPackages, filesIn, inNestedPackage, kindOf, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = NUXT_CONFIG;
const CODE = /\.(vue|[cm]?[jt]sx?)$/;
const DEEP = ['pages', 'layouts', 'middleware', 'components', 'shared'];
const SHALLOW = ['plugins', 'composables', 'utils', 'modules'];
const ROOT_FILES = /^(app|error)\.vue$|^app\.config\.[cm]?[jt]s$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['nuxt'], CONFIG);

/** Whether a file below `base` is one Nuxt loads by where it sits. */
const conventional = (relative: string): string | null => {
  const parts = relative.split('/');
  const name = parts[parts.length - 1];
  if (!CODE.test(name) || name.endsWith('.d.ts')) return null;
  if (parts.length === 1) return ROOT_FILES.test(name) ? `Nuxt ${name}` : null;
  if (DEEP.includes(parts[0])) return `Nuxt ${parts[0]}/`;
  if (parts[0] === 'server' && parts.length >= 2) return 'Nuxt server/';
  if (SHALLOW.includes(parts[0]) && (parts.length === 2 || (parts.length === 3 && /^index\./.test(name)))) return `Nuxt ${parts[0]}/ (auto-registered)`;
  return null;
};

/** Nuxt's source folder for a project (app or layer) at `dir`: see nuxtSrcDir. */
const srcDirOf = (ctx: FrameworkContext, dir: string, config: ConfigValue | null): string => {
  const srcDirValue = configAt(config, 'srcDir');
  if (srcDirValue?.kind === 'string') return joinRepo(dir, srcDirValue.value) ?? dir;
  const prefix = dir === '' ? '' : `${dir}/`;
  return ctx.files.has(`${prefix}app/app.vue`) || isFolder(ctx.files, `${prefix}app/pages`) ? `${prefix}app` : dir;
};

/**
 * Nuxt's source folder: the config's `srcDir` (relative to the project), else `app/` in a Nuxt 4
 * layout (app/app.vue or app/pages/; server/ and shared/ stay at the root), else the project
 * folder (Nuxt 3). Shared with the readers of Nuxt modules whose paths resolve against it.
 */
export const nuxtSrcDir = (ctx: FrameworkContext, pkg: JsPackage, config: ConfigValue | null): string => srcDirOf(ctx, pkg.dir, config);

/** A folder Nuxt reads by its conventions: the app, or a local layer it extends (nuxt-layers.ts). */
interface NuxtProject {
  /** Its rootDir (`~~`, `@@`) and srcDir (`~`, `@`). */
  dir: string;
  srcDir: string;
  /** The app's folder: a layer's relative config paths fall back to it, as Nuxt resolves them from the user's project. */
  appDir: string;
  config: string | null;
  read: ConfigValue | null;
  /** For evidence: '' for the app, ` in layer <dir> (<how the app extends it>)` for a layer. */
  where: string;
  /** Files below `dir` that are not this project's: in a layer below it, or (for conventions) in a nested package. */
  inInnerLayer: (file: string) => boolean;
  inNestedPackage: (file: string) => boolean;
}

/** What runs nuxt, and the entry kind of what it loads. */
interface NuxtRun {
  kind: EntryKind;
  why: string;
  /** The app's config (else its package.json): the source of entries a layer without a config of its own adds. */
  source: string;
}

/**
 * A path in a Nuxt config as Nuxt resolves it: `~~/`/`@@/` from the project's rootDir, `~/`/`@/`
 * from its srcDir, `./`/`../` from its folder (for a layer, else from the app's). A bare
 * name is a package for `modules`; for `plugins` it is tried as a path from the rootDir.
 */
const nuxtPath = (ctx: FrameworkContext, project: NuxtProject, spec: string, bareIsPath: boolean): string | null => {
  const alias = /^(~~|@@|~|@)(\/|$)/.exec(spec);
  if (alias) return resolveToolPath(ctx, alias[1].length === 2 ? project.dir : project.srcDir, `./${spec.slice(alias[0].length)}`);
  if (/^\.\.?\//.test(spec)) return resolveToolPath(ctx, project.dir, spec) ?? (project.appDir !== project.dir ? resolveToolPath(ctx, project.appDir, spec) : null);
  return bareIsPath ? resolveToolPath(ctx, project.dir, spec, project.srcDir) : null;
};

/** The files a project's folders hold by Nuxt's conventions, its aliases' imports, and the files its config's `plugins` and `modules` name. */
const readProject = (ctx: FrameworkContext, project: NuxtProject, run: NuxtRun, extraAliases: Alias[], out: FrameworkOutput) => {
  const { kind, why } = run;
  const source = project.config ?? run.source;
  const prefix = project.dir === '' ? '' : `${project.dir}/`;
  const bases = [...new Set([project.srcDir, project.dir])];
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    if (file.includes('node_modules/') || file.includes('/.nuxt/') || file.includes('/.output/') || project.inNestedPackage(file) || project.inInnerLayer(file)) continue;
    for (const base of bases) {
      const basePrefix = base === '' ? '' : `${base}/`;
      if (!file.startsWith(basePrefix)) continue;
      const what = conventional(file.slice(basePrefix.length));
      if (what === null) continue;
      out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `${what}${project.where}, loaded by ${why}` });
      break;
    }
  }
  // Nuxt's own aliases (its generated tsconfig is not in the repo): ~ and @ are srcDir, ~~ and @@ the root.
  // In a local layer's files they name the layer's folders (Nuxt's layer aliasing).
  const aliases: Alias[] = [{ name: '~~', target: project.dir, line: 1 }, { name: '@@', target: project.dir, line: 1 }, { name: '~', target: project.srcDir, line: 1 }, { name: '@', target: project.srcDir, line: 1 }, ...extraAliases];
  out.references.push(...aliasReferences(ctx, project.dir, aliases, source, project.where ? `Nuxt layer ${project.dir}` : 'Nuxt', project.inInnerLayer));
  if (!project.config) return;
  const config = project.config;
  const plugins = configAt(project.read, 'plugins');
  const pluginSpecs: { value: string; line: number }[] = [];
  const unread: { line: number; text: string; file?: string }[] = [];
  // An item is a path or `{ src, mode }`.
  for (const item of plugins?.kind === 'array' ? plugins.items : plugins ? [plugins] : []) {
    const read = configStrings(item.kind === 'object' ? configAt(item, 'src') : item);
    pluginSpecs.push(...read.strings);
    unread.push(...read.unknown);
  }
  warnUnread(out.diagnostics, 'nuxt', config, unread, 'plugins');
  for (const p of pluginSpecs) {
    const file = nuxtPath(ctx, project, p.value, true);
    if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind, evidence: `${config}:${p.line} plugins "${p.value}"${project.where}, loaded by ${why}`, line: p.line });
  }
  // A local module runs in the build nuxt makes and may add runtime plugins, server handlers and
  // components from its folder: it gets the kind of that run, like the modules/ Nuxt registers
  // by itself (the same thing to Nuxt). `buildModules` is Nuxt 2's list, still read by Nuxt 3.
  for (const key of ['modules', 'buildModules']) {
    const { names, unread: unreadModules } = nuxtListNames(configAt(project.read, key));
    warnUnread(out.diagnostics, 'nuxt', config, unreadModules, key);
    for (const m of names) {
      const file = nuxtPath(ctx, project, m.value, false);
      if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind, evidence: `${config}:${m.line} ${key} "${m.value}" (a Nuxt module)${project.where}, loaded by ${why}`, line: m.line });
    }
  }
};

type Alias = { name: string; target: string; line: number };

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const toolRunFound = toolRun(ctx, pkg.dir, ['nuxt', 'nuxi'], { bundler: true });
  const run: NuxtRun = { kind: kindOf(toolRunFound), why: runEvidence(toolRunFound, 'nuxt'), source: config ?? pkg.manifest };
  const read = config ? readToolConfig(ctx, config, out.diagnostics, 'nuxt').value : null;
  const layers = nuxtLayers(ctx, pkg.dir, config, read, out.diagnostics);
  // The files of a layer below a project's folder are the layer's (its own srcDir and aliases).
  const innerLayers = (dir: string) => {
    const prefix = dir === '' ? '' : `${dir}/`;
    const inner = layers.filter((l) => l.dir !== dir && l.dir.startsWith(prefix)).map((l) => `${l.dir}/`);
    return (file: string) => inner.some((p) => file.startsWith(p));
  };
  const app: NuxtProject = { dir: pkg.dir, srcDir: nuxtSrcDir(ctx, pkg, read), appDir: pkg.dir, config, read, where: '', inInnerLayer: innerLayers(pkg.dir), inNestedPackage: inNestedPackage(ctx, pkg) };
  const projects = [
    app,
    ...layers.map((l): NuxtProject => ({
      dir: l.dir,
      srcDir: srcDirOf(ctx, l.dir, l.read),
      appDir: pkg.dir,
      config: l.config,
      read: l.read,
      where: ` in layer ${l.dir} (${l.via})`,
      inInnerLayer: innerLayers(l.dir),
      inNestedPackage: inNestedPackage(ctx, { ...pkg, dir: l.dir }),
    })),
  ];
  // `#layers/<name>`: Nuxt's alias to the srcDir of each folder of layers/, in every file of the build.
  const layerAliases = projects.flatMap((p, i) => (i > 0 && layers[i - 1].aliasName ? [{ name: `#layers/${layers[i - 1].aliasName}`, target: p.srcDir, line: 1 }] : []));
  if (config) out.entries.push({ source: config, target: config, targetKind: 'file', kind: run.kind, evidence: `${config}: Nuxt config, loaded by ${run.why}` });
  for (const l of layers) {
    if (l.config) out.entries.push({ source: run.source, target: l.config, targetKind: 'file', kind: run.kind, evidence: `${l.config}: Nuxt layer config (${l.via}), loaded by ${run.why}` });
  }
  for (const project of projects) readProject(ctx, project, run, layerAliases, out);
  // @nuxtjs/i18n reads the app's options and those a layer sets.
  const i18n = dependsOn(pkg, I18N) || projects.some((p) => listsModule(p.read, I18N));
  for (const project of projects) {
    if (!i18n || (project !== app && i18nOptions(project.read) === null)) continue;
    i18nFiles(ctx, project.dir, project.srcDir, project.read, (file, what) => out.entries.push({ source: project.config ?? run.source, target: file, targetKind: 'file', kind: run.kind, evidence: `${what}${project.where}, loaded by ${run.why}` }));
  }
};

/** Whether a Nuxt config's `modules` names a package. */
const listsModule = (read: ConfigValue | null, name: string): boolean => nuxtListNames(configAt(read, 'modules')).names.some((n) => n.value === name);

const I18N = '@nuxtjs/i18n';

/**
 * A Nuxt module's options, as Nuxt merges them: nuxt.config's `key` (its configKey: `i18n`,
 * `pwa`), else the object beside the module in `modules: [['@nuxtjs/i18n', {...}]]`.
 */
export const nuxtModuleOptions = (config: ConfigValue | null, key: string, module: string): ConfigValue | null => {
  const direct = configAt(config, key);
  if (direct) return direct;
  const modules = configAt(config, 'modules');
  for (const m of modules?.kind === 'array' ? modules.items : []) {
    if (m.kind === 'array' && m.items[0]?.kind === 'string' && m.items[0].value === module) return m.items[1] ?? null;
  }
  return null;
};

/** @nuxtjs/i18n's options. */
const i18nOptions = (read: ConfigValue | null): ConfigValue | null => nuxtModuleOptions(read, 'i18n', I18N);

/** The vue-i18n config and locale files @nuxtjs/i18n loads (see the file comment). */
const i18nFiles = (ctx: FrameworkContext, dir: string, srcDir: string, read: ConfigValue | null, add: (file: string, what: string) => void) => {
  const options = i18nOptions(read);
  const text = (key: string): string | null => {
    const v = configAt(options, key);
    return v?.kind === 'string' ? v.value.replace(/^\.\//, '').replace(/\/+$/, '') : null;
  };
  const i18nDir = joinRepo(dir, text('restructureDir') ?? 'i18n') ?? dir;
  const named = text('vueI18n');
  const candidates = named ? [joinRepo(i18nDir, named), joinRepo(dir, named)] : [`${i18nDir}/i18n.config`, joinRepo(dir, 'i18n.config')];
  const config = candidates.map((c) => (c === null ? null : ctx.files.has(c) ? c : codeFileAt(ctx, c))).find((f) => f) ?? null;
  if (config) add(config, `@nuxtjs/i18n vue-i18n config (${named ? `vueI18n "${named}"` : 'its default i18n.config'})`);
  const langDir = text('langDir') ?? 'locales';
  const dirs = [joinRepo(i18nDir, langDir), ...(text('langDir') ? [joinRepo(srcDir, langDir)] : [])].filter((d): d is string => d !== null);
  for (const dir of new Set(dirs)) {
    for (const file of pathsWithPrefix(ctx.files, `${dir}/`)) {
      if (/\.[cm]?[jt]s$/.test(file) && !file.endsWith('.d.ts') && !file.includes('node_modules/')) add(file, `@nuxtjs/i18n locale file (langDir "${langDir}")`);
    }
  }
};

const nuxt: FrameworkReader = {
  id: 'nuxt',
  title: 'Nuxt (app folders, auto-registered plugins, composables and components, server/, config plugins and modules, local layers)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Nuxt'),
  collect: eachPackage(packages, collectPackage),
};

export default nuxt;
