/**
 * Qwik's Vite plugin starts an app from files it names itself, not from index.html: `qwikVite()`'s
 * default inputs are `<srcDir>/entry.ssr` for the SSR build and dev server, `<srcDir>/root` for the
 * client build and `<srcDir>/entry.dev` for client-only dev (`srcDir` defaults to `src`, or the
 * plugin's `srcDir` option). Qwik City (`qwikCity()`) routes by file name under `src/routes` (or
 * its `routesDir`): `index.*` pages and endpoints (`.md`/`.mdx` pages are not code), `layout.*` / `layout-name.*` / `layout!.*`,
 * `plugin.*` / `plugin@name.*` middleware and `service-worker.*`; files with a leading `_` are
 * private. `routesDir` is one folder, relative to the project root (`''` is the root itself):
 * Qwik City (and Qwik 2's router) takes it only when it is a string and routes `src/routes`
 * otherwise, so an array or object there is a warning, not a list of folders. Server plugins are
 * read from the top of `serverPluginsDir` when it names another folder (by default the routes
 * folder, where they are route files already). All with the kind of what runs vite / qwik in the package.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { warning } from '../../util/diagnostics.js';
import { basename } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, configDir, dependsOn, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
const ROUTE_FILE = /^(index|layout([-!][\w-]*)?|plugin(@[\w-]+)?|service-worker)\.(tsx|ts|jsx|js)$/;
const SERVER_PLUGIN = /^plugin(@[\w-]+)?\.(tsx|ts|jsx|js)$/;
const CITY = ['@builder.io/qwik-city', '@qwik.dev/router'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@builder.io/qwik', '@qwik.dev/core'], null);

/** The first object argument of `name({...})` in the package's vite config, the config, and whether the call is there at all. */
const pluginOptions = (ctx: FrameworkContext, pkg: JsPackage, name: RegExp, word: string): { called: boolean; value: ConfigValue | null; config: string | null } => {
  for (const config of filesIn(ctx, pkg.dir, VITE_CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !text.includes(`${word}(`)) continue;
    const calls = callsIn(config, text, name);
    if (calls.length === 0) continue;
    return { called: true, value: calls.find((c) => c.args[0]?.kind === 'object')?.args[0] ?? null, config };
  }
  return { called: false, value: null, config: null };
};

/**
 * A Qwik City folder option (`routesDir`, `serverPluginsDir`) as Qwik City reads it: a string,
 * relative to the project root; anything else is not taken (null), with a warning when it is written.
 */
const cityFolder = (pkg: JsPackage, options: ConfigValue | null, key: string, config: string | null, out: FrameworkOutput): string | null => {
  const value = configAt(options, key);
  if (value === null) return null;
  if (value.kind === 'string') return configDir(pkg.dir, value, '');
  const where = config ?? pkg.manifest;
  if (value.kind === 'unknown') out.diagnostics.push(warning('qwik/not-static', `qwikCity ${key} is computed, not read: ${value.text}`, where, value.line));
  else out.diagnostics.push(warning('qwik/folder-not-string', `qwikCity ${key} is ${value.kind === 'array' ? 'an array' : `a ${value.kind}`}: Qwik City takes only a string (one folder) and ignores it`, where, value.line));
  return null;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['vite', 'qwik'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'Qwik (vite)');
  const add = (target: string, what: string) => out.entries.push({ source: pkg.manifest, target, targetKind: 'file', kind, evidence: `Qwik ${what}, loaded by ${why}` });

  const optimizer = pluginOptions(ctx, pkg, /^qwikVite$/, 'qwikVite');
  const src = configDir(pkg.dir, configAt(optimizer.value, 'srcDir'), 'src');
  for (const [name, what] of [['entry.ssr', 'SSR entry (qwikVite\'s default ssr input'], ['root', 'root component (qwikVite\'s default client input'], ['entry.dev', 'client-only dev entry (qwikVite\'s dev input']] as const) {
    const file = codeFileAt(ctx, `${src}/${name}`);
    if (file) add(file, `${what} in ${src}/)`);
  }

  const city = pluginOptions(ctx, pkg, /^qwikCity$/, 'qwikCity');
  if (!city.called && !CITY.some((d) => dependsOn(pkg, d))) return;
  const routes = cityFolder(pkg, city.value, 'routesDir', city.config, out) ?? configDir(pkg.dir, null, 'src/routes');
  const shown = routes === '' ? '.' : routes;
  for (const file of packageFilesUnder(ctx, pkg, routes)) {
    if (!ROUTE_FILE.test(basename(file)) || file.slice(routes.length).split('/').some((segment) => segment.startsWith('_'))) continue;
    add(file, `City route file (${shown}/)`);
  }
  const plugins = cityFolder(pkg, city.value, 'serverPluginsDir', city.config, out);
  if (plugins === null || plugins === routes) return;
  for (const file of filesIn(ctx, plugins, SERVER_PLUGIN)) add(file, `City server plugin (serverPluginsDir ${plugins === '' ? '.' : plugins}/)`);
};

const qwik: FrameworkReader = {
  id: 'qwik',
  title: 'Qwik and Qwik City (entry.ssr, root and entry.dev inputs, src/routes route files)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Qwik'),
  collect: eachPackage(packages, collectPackage),
};

export default qwik;
