/**
 * Nuxt builds an app from folders, not imports: app.vue, error.vue and app.config in its source
 * folder (`srcDir`; `app/` in Nuxt 4 layouts), every file under pages/, layouts/, middleware/,
 * components/ (auto-imported), server/ (routes, API, server middleware, plugins, utils) and
 * shared/; the top-level files (or `<name>/index`) of plugins/, composables/, utils/ and modules/;
 * and the files nuxt.config's `plugins` names (`~/plugins/x`); imports through Nuxt's `~`/`@`
 * (srcDir) and `~~`/`@@` (root) aliases. With @nuxtjs/i18n, the vue-i18n config the module loads
 * (its `vueI18n` option, default `i18n.config.*` in the `i18n/` folder — `restructureDir` — or,
 * before v9, at the root) and the locale files in its `langDir` (default `locales/` in that folder),
 * which the module imports by file name. All with the kind of what runs
 * nuxt there (a `start`/`preview` or a Dockerfile build: production; `nuxt dev` alone: tooling).
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { aliasReferences, codeFileAt, dependsOn, eachPackage, enabledByPackages, filesIn, inNestedPackage, kindOf, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^nuxt\.config\.[cm]?[jt]s$/;
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

/**
 * Nuxt's source folder: the config's `srcDir` (relative to the project), else `app/` in a Nuxt 4
 * layout (app/app.vue or app/pages/; server/ and shared/ stay at the root), else the project
 * folder (Nuxt 3). Shared with the readers of Nuxt modules whose paths resolve against it.
 */
export const nuxtSrcDir = (ctx: FrameworkContext, pkg: JsPackage, config: ConfigValue | null): string => {
  const srcDirValue = configAt(config, 'srcDir');
  if (srcDirValue?.kind === 'string') return joinRepo(pkg.dir, srcDirValue.value) ?? pkg.dir;
  const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  return ctx.files.has(`${prefix}app/app.vue`) || pathsWithPrefix(ctx.files, `${prefix}app/pages/`).length > 0 ? `${prefix}app` : pkg.dir;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const run = toolRun(ctx, pkg.dir, ['nuxt', 'nuxi'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'nuxt');
  const read = config ? readToolConfig(ctx, config, out.diagnostics, 'nuxt').value : null;
  const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  const nested = inNestedPackage(ctx, pkg);
  const srcDir = nuxtSrcDir(ctx, pkg, read);
  const bases = [...new Set([srcDir, pkg.dir])];
  if (config) out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: Nuxt config, loaded by ${why}` });
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    if (file.includes('node_modules/') || file.includes('/.nuxt/') || file.includes('/.output/') || nested(file)) continue;
    for (const base of bases) {
      const basePrefix = base === '' ? '' : `${base}/`;
      if (!file.startsWith(basePrefix)) continue;
      const what = conventional(file.slice(basePrefix.length));
      if (what === null) continue;
      out.entries.push({ source: config ?? pkg.manifest, target: file, targetKind: 'file', kind, evidence: `${what}, loaded by ${why}` });
      break;
    }
  }
  // Nuxt's own aliases (its generated tsconfig is not in the repo): ~ and @ are srcDir, ~~ and @@ the root.
  const aliases = [{ name: '~~', target: pkg.dir, line: 1 }, { name: '@@', target: pkg.dir, line: 1 }, { name: '~', target: srcDir, line: 1 }, { name: '@', target: srcDir, line: 1 }];
  out.references.push(...aliasReferences(ctx, pkg.dir, aliases, config ?? pkg.manifest, 'Nuxt'));
  i18nFiles(ctx, pkg, srcDir, read, (file, what) => out.entries.push({ source: config ?? pkg.manifest, target: file, targetKind: 'file', kind, evidence: `${what}, loaded by ${why}` }));
  if (config) {
    const plugins = configStrings(configAt(read, 'plugins'));
    warnUnread(out.diagnostics, 'nuxt', config, plugins.unknown, 'plugins');
    for (const p of plugins.strings) {
      const file = resolveToolPath(ctx, pkg.dir, p.value.replace(/^~~?\//, './').replace(/^@\//, './'), srcDir);
      if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind, evidence: `${config}:${p.line} plugins "${p.value}", loaded by ${why}`, line: p.line });
    }
  }
};

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
const i18nFiles = (ctx: FrameworkContext, pkg: JsPackage, srcDir: string, read: ConfigValue | null, add: (file: string, what: string) => void) => {
  const modules = configAt(read, 'modules');
  const listed = modules?.kind === 'array' && modules.items.some((m) => (m.kind === 'string' ? m.value : m.kind === 'array' && m.items[0]?.kind === 'string' ? m.items[0].value : null) === I18N);
  if (!dependsOn(pkg, I18N) && !listed) return;
  const options = i18nOptions(read);
  const text = (key: string): string | null => {
    const v = configAt(options, key);
    return v?.kind === 'string' ? v.value.replace(/^\.\//, '').replace(/\/+$/, '') : null;
  };
  const i18nDir = joinRepo(pkg.dir, text('restructureDir') ?? 'i18n') ?? pkg.dir;
  const named = text('vueI18n');
  const candidates = named ? [joinRepo(i18nDir, named), joinRepo(pkg.dir, named)] : [`${i18nDir}/i18n.config`, joinRepo(pkg.dir, 'i18n.config')];
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
  title: 'Nuxt (app folders, auto-registered plugins, composables and components, server/, config plugins)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Nuxt'),
  collect: eachPackage(packages, collectPackage),
};

export default nuxt;
