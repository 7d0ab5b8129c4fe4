/**
 * TanStack Router's file-based routing loads every file in its routes folder by name, not by
 * import (the generated routeTree.gen.ts imports them, but it is often missing or stale in a
 * repo): `routesDirectory` from tsr.config.json or the options of the bundler plugin
 * (`TanStackRouterVite({...})`, `tanstackRouter({...})`, and TanStack Start's `tanstackStart({...})`
 * with its `router`/`tsr` options), default `src/routes` (`app/routes` for a Start app.config).
 * Names starting with `routeFileIgnorePrefix` (default `-`) or matching `routeFileIgnorePattern`,
 * files or folders, are not routes. TanStack Start also loads `router`, `client`, `server` and
 * `start` from its source folder. Plugin options census cannot read (`tanstackStart(opts.x)`) are a
 * warning and no routes folder is guessed then; Start's entries in the default `src/` still count
 * (they import the generated route tree, which imports the routes). All with the kind of what runs
 * vite (or vinxi, rsbuild, tsr).
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { warning } from '../../util/diagnostics.js';
import { basename, joinRepo } from '../../util/path.js';
import { safeRegExp } from '../../util/safe-regex.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFileAt, enabledByPackages, filesIn, kindOf, packageFilesUnder, readToolConfig, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const ROUTER_DEPS = [/^@tanstack\/(react|solid|vue)-router$/, /^@tanstack\/router-(plugin|vite-plugin|cli)$/];
const START_DEPS = [/^@tanstack\/((react|solid|vue)-)?start$/];
const BUNDLER_CONFIG = /^(vite|app|rsbuild|rspack|webpack)(\.[\w-]+)*\.config\.[cm]?[jt]s$/;
const PLUGIN = /^(TanStackRouter(Vite|Rspack|Webpack|Esbuild)?|tanstackRouter(Vite|Rspack|Webpack|Esbuild)?|tanstackStart)$/;
const ROUTE_CODE = /\.(tsx|ts|jsx|js|vue)$/;
const BINS = ['vite', 'vinxi', 'rsbuild', 'rspack', 'webpack', 'tsr'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, [...ROUTER_DEPS, ...START_DEPS], /^tsr\.config\.json$/);

interface Options {
  source: string;
  line: number;
  routesDirectory?: string;
  ignorePrefix?: string;
  ignorePattern?: string;
  srcDirectory?: string;
  /** The options were computed (an unknown argument): nothing is guessed. */
  unread?: string;
}

const str = (v: ConfigValue | null): string | undefined => (v?.kind === 'string' ? v.value : undefined);

const optionsOf = (value: ConfigValue | null, source: string, line: number, start: boolean): Options => {
  const router = start ? (configAt(value, 'router') ?? configAt(value, 'tsr')) : value;
  return {
    source,
    line,
    routesDirectory: str(configAt(router, 'routesDirectory')),
    ignorePrefix: str(configAt(router, 'routeFileIgnorePrefix')),
    ignorePattern: str(configAt(router, 'routeFileIgnorePattern')),
    srcDirectory: start ? (str(configAt(value, 'srcDirectory')) ?? str(configAt(router, 'srcDirectory'))) : undefined,
  };
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, BINS, { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'TanStack Router');
  const found: Options[] = [];
  let isStart = START_DEPS.some((d) => Object.keys({ ...(pkg.json.dependencies as object), ...(pkg.json.devDependencies as object) }).some((n) => d.test(n)));
  let startApp = false;
  const tsr = filesIn(ctx, pkg.dir, /^tsr\.config\.json$/)[0];
  if (tsr) found.push(optionsOf(readToolConfig(ctx, tsr, out.diagnostics, 'tanstack-router').value, tsr, 1, false));
  for (const config of filesIn(ctx, pkg.dir, BUNDLER_CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !/tanstack/i.test(text)) continue;
    if (basename(config).startsWith('app.config.')) startApp = isStart = true;
    for (const call of callsIn(config, text, PLUGIN)) {
      const start = call.name === 'tanstackStart';
      if (start) isStart = true;
      const arg = call.args[0] ?? null;
      if (arg?.kind === 'unknown') {
        out.diagnostics.push(warning('tanstack-router/not-static', `${call.name} options are computed, not read: ${arg.text}`, config, call.line));
        found.push({ source: config, line: call.line, unread: arg.text });
      } else found.push(optionsOf(arg, config, call.line, start));
    }
  }
  // The plugin's options win over tsr.config.json, as the plugin reads the file first and merges its own.
  const last = <K extends keyof Options>(key: K): Options[K] | undefined => [...found].reverse().find((o) => o[key] !== undefined)?.[key];
  // Computed plugin options may move the routes: no routes are guessed then (the warning says so).
  const routesUnread = found.some((o) => o.unread) && last('routesDirectory') === undefined;
  const srcDirectory = last('srcDirectory') ?? (startApp ? 'app' : 'src');
  const routesNamed = last('routesDirectory');
  const routesRelative = routesNamed ?? (isStart ? `${srcDirectory}/routes` : 'src/routes');
  // Start resolves its router's routesDirectory inside srcDirectory; the router plugin from the package.
  const routes = joinRepo(pkg.dir, (isStart && routesNamed !== undefined && last('srcDirectory') !== undefined ? `${srcDirectory}/${routesNamed}` : routesRelative).replace(/^\.\//, '').replace(/\/+$/, ''));
  const source = found.find((o) => o.routesDirectory !== undefined)?.source ?? found[0]?.source ?? pkg.manifest;
  const prefix = last('ignorePrefix') ?? '-';
  const patternSource = last('ignorePattern');
  const pattern = patternSource === undefined ? null : safeRegExp(patternSource);
  if (patternSource !== undefined && pattern === null) out.diagnostics.push(warning('tanstack-router/unsafe-pattern', `routeFileIgnorePattern not used (refused as unsafe or invalid): ${patternSource}`, source, 1));
  if (routes !== null && !routesUnread) {
    const ignored = (name: string) => name.startsWith('.') || (prefix !== '' && name.startsWith(prefix)) || (pattern !== null && pattern.test(name));
    for (const file of packageFilesUnder(ctx, pkg, routes)) {
      if (!ROUTE_CODE.test(file) || file.endsWith('.d.ts')) continue;
      const parts = file.slice(routes === '' ? 0 : routes.length + 1).split('/');
      if (parts.some(ignored)) continue;
      out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `TanStack Router route file (${routes}/), loaded by ${why}` });
    }
  }
  if (isStart) {
    const src = joinRepo(pkg.dir, srcDirectory.replace(/^\.\//, ''));
    for (const name of startApp ? ['router', 'client', 'ssr', 'api'] : ['router', 'client', 'server', 'start']) {
      const file = src === null ? null : codeFileAt(ctx, joinRepo(src, name) ?? name);
      if (file) out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `TanStack Start ${name} entry (${src}/), loaded by ${why}` });
    }
  }
};

const tanstackRouter: FrameworkReader = {
  id: 'tanstack-router',
  title: 'TanStack Router / Start (file-based routes, routesDirectory and ignore prefix/pattern, Start entries)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'TanStack Router'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default tanstackRouter;
