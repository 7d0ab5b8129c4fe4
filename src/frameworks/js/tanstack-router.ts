/**
 * TanStack Router's file-based routing loads every file in its routes folder by name, not by
 * import (the generated routeTree.gen.ts imports them, but it is often missing or stale in a
 * repo). Where the folder is, as TanStack documents and its plugins resolve it:
 * - the router plugin (`TanStackRouterVite({...})`, `tanstackRouter({...})`) and tsr.config.json:
 *   `routesDirectory` (default `./src/routes`) and `generatedRouteTree` (`./src/routeTree.gen.ts`)
 *   from the package folder;
 * - TanStack Start's vite/rsbuild plugin (`tanstackStart({ srcDirectory, router: {...} })`): both
 *   inside `srcDirectory` (default `src`; routes default `routes`, tree `routeTree.gen.ts`), and
 *   Start loads `router`, `client`, `server` and `start` from there;
 * - the older vinxi `app.config` (`tsr: {...}`): `app/routes`, and Start's `router`, `client`,
 *   `ssr`, `api` in `app/`.
 * A helper that takes Start's options and calls `tanstackStart` itself (Payload's `withPayload`)
 * is read like the plugin, with its own defaults. A `srcDirectory` that is one of several values
 * (`exists ? a : 'app'`) names each folder it may be; one computed from a folder's parts
 * (`path.relative(__dirname, path.resolve(__dirname, suite, 'app'))`) names each folder those parts
 * allow that holds a Start router entry (a warning says which). Names starting with `routeFileIgnorePrefix`
 * (default `-`) or matching `routeFileIgnorePattern`, files or folders, are not routes, nor (stop 53)
 * names that do not start with `routeFilePrefix` when one is set, which then wins over the pattern
 * (router-generator's getRouteNodes tests the prefix first and returns). Plugin
 * options census cannot read (`tanstackStart(opts.x)`) are a warning and no routes folder is
 * guessed then; Start's entries in the default `src/` still count. All with the kind of what runs
 * vite (or vinxi, rsbuild, tsr).
 */
import { pathsNamedLike } from '../../util/file-index.js';
import { callsIn, configAt, possibleValues, type ConfigValue } from '../../languages/javascript/config-value.js';
import { warning } from '../../util/diagnostics.js';
import { compileRepoGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { safeRegExp } from '../../util/safe-regex.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { folderPatternOf } from '../../languages/javascript/folder-expr.js';
import { codeFileAt, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, readToolConfig, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const ROUTER_DEPS = [/^@tanstack\/(react|solid|vue)-router$/, /^@tanstack\/router-(plugin|vite-plugin|cli)$/];
const START_DEPS = [/^@tanstack\/((react|solid|vue)-)?start$/];
const BUNDLER_CONFIG = /^(vite|app|rsbuild|rspack|webpack)(\.[\w-]+)*\.config\.[cm]?[jt]s$/;
const PLUGIN = /^(TanStackRouter(Vite|Rspack|Webpack|Esbuild)?|tanstackRouter(Vite|Rspack|Webpack|Esbuild)?|tanstackStart)$/;
const ROUTE_CODE = /\.(tsx|ts|jsx|js|vue)$/;
const BINS = ['vite', 'vinxi', 'rsbuild', 'rspack', 'webpack', 'tsr'];

/**
 * Helpers that take TanStack Start's options and call `tanstackStart` with them, and the defaults
 * they give it. Payload's `withPayload(build, options)` (@payloadcms/tanstack-start): routes in
 * `app`, and its generated import maps and `*.functions.*` server-function modules are not routes.
 */
const START_WRAPPERS = [
  { name: 'withPayload', module: '@payloadcms/tanstack-start', arg: 1, srcDirectory: 'src', routesDirectory: 'app', ignorePattern: String.raw`importMap\.|\.functions\.` },
];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, [...ROUTER_DEPS, ...START_DEPS], /^tsr\.config\.json$/);

/** An option's value and where it was set (or that it is TanStack's default). */
interface Setting {
  value: string;
  /** `key "value" (file:line)` for evidence; `default` when nothing set it. */
  origin: string;
}

interface Options {
  source: string;
  line: number;
  routesDirectory?: Setting;
  generatedRouteTree?: Setting;
  ignorePrefix?: string;
  ignorePattern?: string;
  /** `routeFilePrefix`: when set, only names that start with it are routes. */
  filePrefix?: string;
  /** Every folder `srcDirectory` may be (one, or the branches of a conditional). */
  srcDirectories?: Setting[];
  /** The options were computed (an unknown argument): nothing is guessed. */
  unread?: string;
}

const setting = (key: string, v: ConfigValue | null, file: string): Setting | undefined =>
  v?.kind === 'string' ? { value: v.value, origin: `${key} "${v.value}" (${v.file ?? file}:${v.line})` } : undefined;

const RELATIVE_TO_CONFIG = /^(?:path\s*\.\s*)?relative\(\s*(?:__dirname|import\.meta\.dirname)\s*,\s*([\s\S]+)\)$/;
const ROUTER_ENTRY = /^router\.[cm]?[jt]sx?$/;

/**
 * A srcDirectory computed at run time from a folder's parts (`path.relative(__dirname, suiteDir)`,
 * `suiteDir = path.resolve(__dirname, suite, 'app')`, `suite` from an environment variable): every
 * folder its read parts allow that holds a Start router entry, as only such a folder can be a
 * Start app. Relative to the config's folder, onto which Start joins srcDirectory.
 */
const computedSrcDirectories = (ctx: FrameworkContext, v: ConfigValue & { kind: 'unknown' }, config: string): { pattern: string; dirs: Setting[] } | null => {
  const file = v.file ?? config;
  const inner = RELATIVE_TO_CONFIG.exec(v.text.trim())?.[1];
  const text = inner === undefined || v.text.endsWith('...') ? null : ctx.readText(file);
  const pattern = text === null || inner === undefined ? null : folderPatternOf(inner, file, text);
  if (pattern === null) return null;
  const base = dirname(file);
  const matches = compileRepoGlob(pattern);
  const dirs = new Set<string>();
  for (let at = 0, listed = pathsNamedLike(ctx.files, { stems: ['router'] }); at < listed.length; at++) {
    const f = listed[at];
    if (ROUTER_ENTRY.test(basename(f)) && matches(dirname(f))) dirs.add(dirname(f));
  }
  const origin = `srcDirectory ${v.text} (${file}:${v.line}), read as ${pattern} with a router entry`;
  const under = [...dirs].filter((d) => base === '' || d.startsWith(`${base}/`)).sort();
  return { pattern, dirs: under.map((d) => ({ value: base === '' ? d : d.slice(base.length + 1), origin })) };
};

const str = (v: ConfigValue | null): string | undefined => (v?.kind === 'string' ? v.value : undefined);

/** `flat`: a wrapper's options, which carry the router's keys beside `srcDirectory`. */
const optionsOf = (ctx: FrameworkContext, value: ConfigValue | null, source: string, line: number, start: boolean, out: FrameworkOutput, flat = false): Options => {
  const router = start && !flat ? (configAt(value, 'router') ?? configAt(value, 'tsr')) : value;
  const options: Options = {
    source,
    line,
    routesDirectory: setting('routesDirectory', configAt(router, 'routesDirectory'), source),
    generatedRouteTree: setting('generatedRouteTree', configAt(router, 'generatedRouteTree'), source),
    ignorePrefix: str(configAt(router, 'routeFileIgnorePrefix')),
    ignorePattern: str(configAt(router, 'routeFileIgnorePattern')),
    filePrefix: str(configAt(router, 'routeFilePrefix')),
  };
  if (start) {
    const src = configAt(value, 'srcDirectory') ?? configAt(router, 'srcDirectory') ?? configAt(router, 'appDirectory');
    const each = possibleValues(src);
    const read: Setting[] = [];
    for (const v of each) {
      if (v.kind !== 'unknown') {
        const s = setting('srcDirectory', v, source);
        if (s) read.push(s);
        continue;
      }
      const computed = computedSrcDirectories(ctx, v, source);
      read.push(...(computed?.dirs ?? []));
      const note = computed ? `read as any ${computed.pattern} with a router entry: ${computed.dirs.map((s) => s.value).join(', ') || 'none'}` : 'not read';
      out.diagnostics.push(warning('tanstack-router/not-static', `srcDirectory may be computed: ${v.text}, ${note}`, v.file ?? source, v.line));
    }
    if (read.length > 0) options.srcDirectories = read;
  }
  return options;
};

/** The options a Start wrapper (withPayload) is given, over its own defaults. */
const wrapperOptions = (ctx: FrameworkContext, config: string, text: string, out: FrameworkOutput): Options[] => {
  const found: Options[] = [];
  for (const wrapper of START_WRAPPERS) {
    if (!text.includes(wrapper.module)) continue;
    for (const call of callsIn(config, text, new RegExp(`^${wrapper.name}$`))) {
      const origin = `${wrapper.name} default`;
      const read = optionsOf(ctx, call.args[wrapper.arg] ?? null, config, call.line, true, out, true);
      found.push({
        ...read,
        routesDirectory: read.routesDirectory ?? { value: wrapper.routesDirectory, origin: `routesDirectory "${wrapper.routesDirectory}" (${origin})` },
        srcDirectories: read.srcDirectories ?? [{ value: wrapper.srcDirectory, origin: `srcDirectory "${wrapper.srcDirectory}" (${origin})` }],
        ignorePattern: read.ignorePattern ?? wrapper.ignorePattern,
      });
    }
  }
  return found;
};

const clean = (dir: string): string => dir.replace(/^\.\//, '').replace(/\/+$/, '');

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, BINS, { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'TanStack Router');
  const found: Options[] = [];
  let isStart = START_DEPS.some((d) => Object.keys({ ...(pkg.json.dependencies as object), ...(pkg.json.devDependencies as object) }).some((n) => d.test(n)));
  let startApp = false;
  const tsr = filesIn(ctx, pkg.dir, /^tsr\.config\.json$/)[0];
  if (tsr) found.push(optionsOf(ctx, readToolConfig(ctx, tsr, out.diagnostics, 'tanstack-router').value, tsr, 1, false, out));
  for (const config of filesIn(ctx, pkg.dir, BUNDLER_CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !/tanstack/i.test(text)) continue;
    if (basename(config).startsWith('app.config.')) startApp = isStart = true;
    const wrapped = wrapperOptions(ctx, config, text, out);
    if (wrapped.length > 0) isStart = true;
    found.push(...wrapped);
    for (const call of callsIn(config, text, PLUGIN)) {
      const start = call.name === 'tanstackStart';
      if (start) isStart = true;
      const arg = call.args[0] ?? null;
      if (arg?.kind === 'unknown') {
        // `tanstackStart(pluginOptions.tanstackStart)` inside a wrapper's build callback: the wrapper's options, read above.
        if (start && wrapped.length > 0) continue;
        out.diagnostics.push(warning('tanstack-router/not-static', `${call.name} options are computed, not read: ${arg.text}`, config, call.line));
        found.push({ source: config, line: call.line, unread: arg.text });
      } else found.push(optionsOf(ctx, arg, config, call.line, start, out));
    }
  }
  // The plugin's options win over tsr.config.json, as the plugin reads the file first and merges its own.
  const last = <K extends keyof Options>(key: K): Options[K] | undefined => [...found].reverse().find((o) => o[key] !== undefined)?.[key];
  // Computed plugin options may move the routes: no routes are guessed then (the warning says so).
  const routesUnread = found.some((o) => o.unread) && last('routesDirectory') === undefined;
  const source = found.find((o) => o.routesDirectory !== undefined || o.srcDirectories !== undefined)?.source ?? found[0]?.source ?? pkg.manifest;
  const defaultSrc = startApp ? 'app' : 'src';
  const srcDirectories = last('srcDirectories') ?? [{ value: defaultSrc, origin: `srcDirectory default "${defaultSrc}"` }];
  const routesSetting = last('routesDirectory');
  const treeSetting = last('generatedRouteTree');
  // Start's vite plugin resolves routes and route tree inside srcDirectory; the router plugin,
  // tsr.config.json and vinxi's app.config from the package folder.
  const startPlugin = isStart && !startApp;
  const folders: { routes: string; tree: string; origin: string; srcOrigin?: string }[] = startPlugin
    ? srcDirectories.map((src) => ({
        routes: `${clean(src.value)}/${clean(routesSetting?.value ?? 'routes')}`,
        tree: `${clean(src.value)}/${clean(treeSetting?.value ?? 'routeTree.gen.ts')}`,
        origin: `${src.origin}, ${routesSetting?.origin ?? 'routesDirectory default "routes"'}`,
        srcOrigin: src.origin,
      }))
    : [{ routes: clean(routesSetting?.value ?? `${defaultSrc}/routes`), tree: clean(treeSetting?.value ?? `${defaultSrc}/routeTree.gen.ts`), origin: routesSetting?.origin ?? `routesDirectory default "${defaultSrc}/routes"` }];
  const prefix = last('ignorePrefix') ?? '-';
  const patternSource = last('ignorePattern');
  const pattern = patternSource === undefined ? null : safeRegExp(patternSource);
  if (patternSource !== undefined && pattern === null) out.diagnostics.push(warning('tanstack-router/unsafe-pattern', `routeFileIgnorePattern not used (refused as unsafe or invalid): ${patternSource}`, source, 1));
  // Stop 53: with a routeFilePrefix, the generator keeps only names (files and folders) that start with it, and
  // tests that before routeFileIgnorePattern, which it then never applies (getRouteNodes; review 5 #3).
  const filePrefix = last('filePrefix') ?? '';
  const ignored = (name: string) => name.startsWith('.') || (prefix !== '' && name.startsWith(prefix)) || (filePrefix !== '' ? !name.startsWith(filePrefix) : pattern !== null && pattern.test(name));
  for (const folder of routesUnread ? [] : folders) {
    const routes = joinRepo(pkg.dir, folder.routes);
    if (routes === null) continue;
    for (const file of packageFilesUnder(ctx, pkg, routes)) {
      if (!ROUTE_CODE.test(file) || file.endsWith('.d.ts')) continue;
      const parts = file.slice(routes === '' ? 0 : routes.length + 1).split('/');
      if (parts.some(ignored)) continue;
      out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `TanStack Router route file (${routes}/; ${folder.origin}${filePrefix === '' ? '' : `, routeFilePrefix "${filePrefix}"`}), loaded by ${why}` });
    }
    const tree = joinRepo(pkg.dir, folder.tree);
    if (tree !== null && ctx.files.has(tree)) out.entries.push({ source, target: tree, targetKind: 'file', kind, evidence: `TanStack Router generated route tree (${treeSetting?.origin ?? 'generatedRouteTree default'}${folder.srcOrigin ? ` in ${folder.srcOrigin}` : ''}), loaded by ${why}` });
  }
  if (isStart) {
    for (const src of srcDirectories) {
      const dir = joinRepo(pkg.dir, clean(src.value));
      if (dir === null) continue;
      for (const name of startApp ? ['router', 'client', 'ssr', 'api'] : ['router', 'client', 'server', 'start']) {
        const file = codeFileAt(ctx, joinRepo(dir, name) ?? name);
        if (file) out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `TanStack Start ${name} entry (${dir}/; ${src.origin}), loaded by ${why}` });
      }
    }
  }
};

const tanstackRouter: FrameworkReader = {
  id: 'tanstack-router',
  title: 'TanStack Router / Start (file-based routes, routesDirectory and ignore prefix/pattern, Start entries)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'TanStack Router'),
  collect: eachPackage(packages, collectPackage),
};

export default tanstackRouter;
