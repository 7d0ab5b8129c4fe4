/**
 * The Quasar CLI (@quasar/app-vite, @quasar/app-webpack, v1's @quasar/app) builds the app from
 * what quasar.config.{js,ts,mjs,cjs} (older: quasar.conf.js) names, not from imports:
 *
 * - `boot: ['axios', { path: 'i18n', server: false }]`: src/boot/<name>, which the CLI's generated
 *   entry imports through its `boot` alias (a name with `./` that names nothing there is looked up
 *   from the app folder); `~x` imports `x` as a module: a Quasar alias (`~src/x`, `~boot/x`) is a
 *   file of the app, anything else a package's;
 * - `css: ['app.scss']`: src/css/<name>, `~` as above;
 * - `sourceFiles`: rootComponent, router, store, the PWA, Electron and BEX files and the HTML
 *   template, each at the path given (relative to the app folder) or, when the key is absent and
 *   the file is there, the CLI's default (src/App.vue, src/router/index, src/stores/index or
 *   src/store/index, src-pwa/register-service-worker, …);
 * - SSR: src-ssr/server (src-ssr/production-export before app-vite 2), and src-ssr/middlewares/<name>
 *   for each of `ssr.middlewares`; Electron: src-electron/<name> for each of `electron.preloadScripts`.
 *
 * These are the built app: production roots. The config is often `configure(() => ({ … }))` from
 * 'quasar/wrappers' (or '#q-app/wrappers'), or a function of the build context: the object it
 * returns is read; a computed name is a warning naming the config and line.
 */
import { callsIn, configAt, possibleValues, type ConfigValue } from '../../languages/javascript/config-value.js';
import { warning } from '../../util/diagnostics.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, filesIn, readToolConfig, resolveToolPath, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^quasar\.(config\.[cm]?[jt]s|conf\.js)$/;
const CLI_PACKAGES = ['@quasar/app-vite', '@quasar/app-webpack', '@quasar/app'];

/** `sourceFiles` keys and where the CLI looks when a key is absent (app-vite's default first, then app-webpack's). */
const SOURCE_FILES: { key: string; defaults: string[]; what: string }[] = [
  { key: 'rootComponent', defaults: ['src/App.vue'], what: "the app's root component" },
  { key: 'router', defaults: ['src/router/index'], what: "the app's router" },
  { key: 'store', defaults: ['src/stores/index', 'src/store/index'], what: "the app's store" },
  { key: 'pwaRegisterServiceWorker', defaults: ['src-pwa/register-service-worker'], what: 'the PWA service worker registration' },
  { key: 'pwaServiceWorker', defaults: ['src-pwa/custom-service-worker'], what: 'the PWA service worker' },
  { key: 'pwaManifestFile', defaults: ['src-pwa/manifest.json'], what: 'the PWA manifest' },
  { key: 'electronMain', defaults: ['src-electron/electron-main'], what: 'the Electron main process' },
  { key: 'electronPreload', defaults: ['src-electron/electron-preload'], what: 'the Electron preload script' },
  { key: 'bexManifestFile', defaults: ['src-bex/manifest.json'], what: 'the browser extension manifest' },
  { key: 'indexHtmlTemplate', defaults: ['index.html', 'src/index.template.html'], what: 'the HTML template' },
];
/** The SSR server entry the CLI builds when the app has SSR mode (app-vite 2; production-export before it). */
const SSR_ENTRIES = ['src-ssr/server', 'src-ssr/production-export'];
/** Quasar's import aliases, as a `~` path may use them: alias → folder under the app. */
const ALIASES: Record<string, string> = { src: 'src', app: '.', components: 'src/components', layouts: 'src/layouts', pages: 'src/pages', assets: 'src/assets', boot: 'src/boot', stores: 'src/stores', store: 'src/store' };

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, CLI_PACKAGES, CONFIG);

/**
 * The object the config returns: `export default configure((ctx) => ({ … }))` reads as a call
 * census does not know, so the function `configure` is handed is read instead.
 */
const configObject = (ctx: FrameworkContext, config: string, out: FrameworkOutput): ConfigValue | null => {
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'quasar', true);
  if (value?.kind === 'object') return value;
  const text = ctx.readText(config);
  const wrapped = text === null ? undefined : callsIn(config, text, /^configure$/).find((c) => c.args[0]?.kind === 'object');
  if (wrapped) return wrapped.args[0];
  if (value !== null) out.diagnostics.push(warning('quasar/not-static', `the Quasar config is computed, not read: ${value.kind === 'unknown' ? value.text : value.kind}; boot files, css and sourceFiles are read from the CLI's defaults only`, config, value.line));
  return null;
};

/** A file a `~` spec names through a Quasar alias (`~src/x`, `~boot/x`); null for a package's module. */
const aliased = (ctx: FrameworkContext, app: string, spec: string): string | null => {
  const [first, ...rest] = spec.split('/');
  const folder = ALIASES[first];
  if (folder === undefined) return null;
  const base = joinRepo(app, folder, ...rest);
  return base === null ? null : resolveToolPath(ctx, app, base.slice(app === '' ? 0 : app.length + 1));
};

interface Named {
  value: string;
  line: number;
}

/** The names a list option holds (`['a', { path: 'b' }]`, either branch of a condition), and what cannot be read. */
const namesIn = (value: ConfigValue | null): { names: Named[]; unread: { line: number; text: string }[] } => {
  const names: Named[] = [];
  const unread: { line: number; text: string }[] = [];
  const visit = (v: ConfigValue, depth: number) => {
    if (depth > 4) return;
    if (v.kind === 'string') {
      if (v.value !== '') names.push({ value: v.value, line: v.line });
    } else if (v.kind === 'array') v.items.forEach((i) => visit(i, depth + 1));
    else if (v.kind === 'object') {
      const path = configAt(v, 'path');
      if (path) visit(path, depth + 1);
    } else if (v.kind === 'unknown') {
      if (v.alternatives) for (const alt of possibleValues(v)) visit(alt, depth + 1);
      else unread.push({ line: v.line, text: v.text });
    }
  };
  if (value) visit(value, 0);
  return { names, unread };
};

const push = (out: FrameworkOutput, config: string, target: string, evidence: string, line?: number) =>
  out.entries.push({ source: config, target, targetKind: 'file', kind: 'production', evidence, ...(line !== undefined && line > 1 ? { line } : {}) });

/**
 * `boot` and `css` entries: a name under `folder` (src/boot, src/css); `~x` a module (a file of
 * the app only through a Quasar alias); a `./`/`../` name that is not under `folder` is looked up
 * from the app folder; anything else that names no file is a warning.
 */
const readList = (ctx: FrameworkContext, app: string, config: string, value: ConfigValue | null, key: string, folder: string, out: FrameworkOutput, what: string) => {
  const { names, unread } = namesIn(configAt(value, ...key.split('.')));
  warnUnread(out.diagnostics, 'quasar', config, unread, key);
  for (const n of names) {
    if (n.value.startsWith('~')) {
      const file = aliased(ctx, app, n.value.slice(1));
      if (file !== null) push(out, config, file, `${config}:${n.line} ${key} "${n.value}" (${what}, through Quasar's ${n.value.slice(1).split('/')[0]} alias)`, n.line);
      continue;
    }
    const under = joinRepo(app, folder);
    const inFolder = under === null || n.value.startsWith('/') ? null : resolveToolPath(ctx, under, n.value);
    const fromApp = inFolder === null && /^\.{1,2}\//.test(n.value) ? resolveToolPath(ctx, app, n.value) : null;
    const file = inFolder ?? fromApp;
    if (file === null) {
      out.diagnostics.push(warning('quasar/missing-file', `${key} "${n.value}" names no file under ${under || '.'}/ (the Quasar CLI would fail to build)`, config, n.line));
      continue;
    }
    const where = fromApp !== null ? `; nothing there under ${under || '.'}/, found from ${app || '.'}/` : '';
    push(out, config, file, `${config}:${n.line} ${key} "${n.value}" (${what}${where})`, n.line);
  }
};

/** `sourceFiles`: each key's path (relative to the app folder), else the CLI's default when that file is there. */
const readSourceFiles = (ctx: FrameworkContext, app: string, config: string, value: ConfigValue | null, out: FrameworkOutput) => {
  const sourceFiles = configAt(value, 'sourceFiles');
  for (const { key, defaults, what } of SOURCE_FILES) {
    const given = configAt(sourceFiles, key);
    if (given?.kind === 'string') {
      const file = resolveToolPath(ctx, app, given.value);
      if (file !== null) push(out, config, file, `${config}:${given.line} sourceFiles.${key} "${given.value}" (${what}, built into the app by the Quasar CLI)`, given.line);
      else out.diagnostics.push(warning('quasar/missing-file', `sourceFiles.${key} "${given.value}" names no file under ${app || '.'}/`, config, given.line));
      continue;
    }
    if (given?.kind === 'unknown') {
      warnUnread(out.diagnostics, 'quasar', config, [given], `sourceFiles.${key}`);
      continue;
    }
    // A computed sourceFiles may hold the key: the default is not assumed then.
    if (sourceFiles !== null && sourceFiles.kind !== 'object') continue;
    if (sourceFiles?.kind === 'object' && sourceFiles.partial) continue;
    for (const d of defaults) {
      const file = resolveToolPath(ctx, app, d);
      if (file === null) continue;
      push(out, config, file, `${config}: sourceFiles.${key} not set, so the Quasar CLI uses its default ${d} (${what})`);
      break;
    }
  }
};

/** SSR mode: the server entry, and each of `ssr.middlewares` under src-ssr/middlewares. */
const readSsr = (ctx: FrameworkContext, app: string, config: string, value: ConfigValue | null, out: FrameworkOutput) => {
  const server = SSR_ENTRIES.map((d) => resolveToolPath(ctx, app, d)).find((f) => f !== null);
  if (server) push(out, config, server, `${config}: the Quasar CLI builds ${server} as the SSR server (SSR mode: src-ssr/ is there)`);
  readList(ctx, app, config, value, 'ssr.middlewares', 'src-ssr/middlewares', out, 'an SSR middleware the Quasar CLI loads into the server');
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG).sort((a, b) => Number(/\.conf\.js$/.test(a)) - Number(/\.conf\.js$/.test(b)))[0];
  if (config === undefined) return;
  const value = configObject(ctx, config, out);
  const app = pkg.dir;
  readList(ctx, app, config, value, 'boot', 'src/boot', out, 'a boot file the Quasar CLI runs before the app starts');
  readList(ctx, app, config, value, 'css', 'src/css', out, 'a stylesheet the Quasar CLI adds to the app');
  readList(ctx, app, config, value, 'electron.preloadScripts', 'src-electron', out, 'an Electron preload script the Quasar CLI builds');
  readSourceFiles(ctx, app, config, value, out);
  readSsr(ctx, app, config, value, out);
};

const quasar: FrameworkReader = {
  id: 'quasar',
  title: 'Quasar CLI (boot files, css, sourceFiles and their defaults, SSR middlewares)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'the Quasar CLI'),
  collect: eachPackage(packages, collectPackage),
};

export default quasar;
