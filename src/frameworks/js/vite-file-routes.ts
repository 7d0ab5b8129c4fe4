/**
 * Vite plugins that route by file: they glob a folder and import every page in it, so no import in
 * the repo names those files. vite-plugin-pages (`Pages({ dirs, extensions, exclude })`, default
 * `src/pages` with `.vue`/`.ts`/`.js` files in a Vue app, `.tsx`/`.jsx`/`.ts`/`.js` otherwise),
 * unplugin-vue-router (`VueRouter({ routesFolder, extensions })`, default `src/pages` and `.vue`),
 * the same plugin as vue-router 5 ships it (`import VueRouter from 'vue-router/vite'`: vue-router
 * alone routes nothing by file, so only a config that imports and calls it counts)
 * and vite-plugin-vue-layouts(-next) (`Layouts({ layoutsDirs })`, default `src/layouts`, `.vue`).
 * The plugin's options are read from its call in vite.config.* (the name its default import has);
 * a computed option is a warning and the default is not guessed then. Kind of what runs vite.
 */
import { callsIn, configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, filesIn, globFiles, jsPackages, kindOf, packageFilesUnder, runEvidence, toolRun, warnUnread, type JsPackage } from './support.js';
import { escapeRegExp } from '../../util/regexp.js';

const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;

interface FileRouter {
  pkg: string;
  what: string;
  /** Option keys naming the folders, and the folders when the call gives none. */
  dirKeys: string[];
  dirs: (pkg: JsPackage) => string[];
  extensions: (pkg: JsPackage) => string[];
  /** The module its plugin is imported from, when not the package (or its `/vite` entry). */
  from?: string;
  /** The dependency alone does not route by file: only a config that calls the plugin does. */
  onlyWhenCalled?: boolean;
}

const ROUTERS: FileRouter[] = [
  { pkg: 'vite-plugin-pages', what: 'vite-plugin-pages page', dirKeys: ['dirs'], dirs: () => ['src/pages'], extensions: (p) => (dependsOn(p, 'vue') ? ['vue', 'ts', 'js'] : ['tsx', 'jsx', 'ts', 'js']) },
  { pkg: 'unplugin-vue-router', what: 'unplugin-vue-router page', dirKeys: ['routesFolder'], dirs: () => ['src/pages'], extensions: () => ['vue'] },
  { pkg: 'vue-router', from: 'vue-router/vite', onlyWhenCalled: true, what: 'vue-router/vite page', dirKeys: ['routesFolder'], dirs: () => ['src/pages'], extensions: () => ['vue'] },
  { pkg: 'vite-plugin-vue-layouts', what: 'vite-plugin-vue-layouts layout', dirKeys: ['layoutsDirs', 'layoutsDir'], dirs: () => ['src/layouts'], extensions: () => ['vue'] },
  { pkg: 'vite-plugin-vue-layouts-next', what: 'vite-plugin-vue-layouts layout', dirKeys: ['layoutsDirs', 'layoutsDir'], dirs: () => ['src/layouts'], extensions: () => ['vue'] },
];

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => ROUTERS.some((r) => dependsOn(p, r.pkg)));

/** The local name a config imports a package's default export under (`import Pages from 'vite-plugin-pages'`). */
const importedName = (text: string, router: FileRouter): string | null => {
  const module = router.from === undefined ? String.raw`${escapeRegExp(router.pkg)}(?:/vite)?` : escapeRegExp(router.from);
  return new RegExp(String.raw`import\s+(\w+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"]${module}['"]`).exec(text)?.[1] ?? null;
};

/** Folder strings of a `dirs` option: a string, a list of strings, or `{ dir }` objects. */
const folderStrings = (value: ConfigValue | null, unread: { line: number; text: string }[]): string[] => {
  if (value === null) return [];
  if (value.kind === 'array') return value.items.flatMap((v) => folderStrings(v, unread));
  if (value.kind === 'object') return folderStrings(configAt(value, 'dir'), unread);
  const read = configStrings(value);
  unread.push(...read.unknown);
  return read.strings.map((s) => s.value);
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['vite'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'vite');
  const config = filesIn(ctx, pkg.dir, VITE_CONFIG)[0] ?? null;
  const text = config ? ctx.readText(config) : null;
  for (const router of ROUTERS.filter((r) => dependsOn(pkg, r.pkg))) {
    const name = text === null ? null : importedName(text, router);
    const call = config && text && name ? callsIn(config, text, new RegExp(`^${name}$`))[0] : undefined;
    if (router.onlyWhenCalled && call === undefined) continue;
    const options = call?.args[0] ?? null;
    const unread: { line: number; text: string }[] = [];
    const named = router.dirKeys.flatMap((k) => folderStrings(configAt(options, k), unread));
    if (config) warnUnread(out.diagnostics, 'vite-file-routes', config, unread, router.dirKeys[0]);
    if (unread.length > 0 && named.length === 0) continue;
    const declaredExtensions = configStrings(configAt(options, 'extensions')).strings.map((s) => s.value.replace(/^\./, ''));
    const extensions = declaredExtensions.length > 0 ? declaredExtensions : router.extensions(pkg);
    const excluded = configStrings(configAt(options, 'exclude')).strings.map((s) => s.value);
    for (const dir of named.length > 0 ? named : router.dirs(pkg)) {
      const folder = joinRepo(pkg.dir, dir.replace(/^\.\//, '').replace(/\/+$/, '')) ?? pkg.dir;
      const skip = new Set(excluded.length > 0 ? globFiles(ctx, pkg.dir, excluded).map((m) => m.file) : []);
      for (const file of packageFilesUnder(ctx, pkg, folder)) {
        if (skip.has(file) || file.endsWith('.d.ts') || !extensions.some((e) => file.endsWith(`.${e}`))) continue;
        out.entries.push({ source: config ?? pkg.manifest, target: file, targetKind: 'file', kind, evidence: `${router.what} (${folder}/), loaded by ${why}` });
      }
    }
  }
};

const viteFileRoutes: FrameworkReader = {
  id: 'vite-file-routes',
  title: 'Vite file routing plugins (vite-plugin-pages, unplugin-vue-router and vue-router/vite, vite-plugin-vue-layouts)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'a Vite file-routing plugin'),
  collect: eachPackage(packages, collectPackage),
};

export default viteFileRoutes;
