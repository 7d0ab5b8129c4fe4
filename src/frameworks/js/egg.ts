/**
 * Stop 50: egg (Alibaba's Koa framework) loads each unit of an app by convention, never by import:
 * egg-core's loader walks the app, every plugin it enables and the framework chain under it, and in
 * each unit's folder reads `config/config.default`, `config/config.<env>` and `config/plugin*`,
 * runs `app` and `agent` (the boot hooks), the six extensions of `app/extend/` (agent, application,
 * context, request, response, helper, and their `.<env>` variants), and every file of
 * `app/middleware/`, `app/service/` and `app/schedule/` (egg-schedule is one of egg's default
 * plugins); `app/router` and `app/controller/` only from the app, `config/plugin*` not from a plugin. A unit is a package whose package.json has `egg` (a framework: `"egg":
 * {"framework": true}`, or an app's egg options) or `eggPlugin` (a plugin), or that depends on
 * `egg` (an app). Its folders are the package's own and, since egg 4, each folder its `exports`
 * names (`"egg": {"exports": {"typescript": "./src"}}`: egg reads the TypeScript sources there).
 *
 * A framework or plugin is loaded by the apps built on it (production); an app's kind follows what
 * runs `egg-scripts` or `egg-bin` (tooling when nothing does), as hubot's and sails' do. Config for
 * the `unittest` environment is test, for `local` (development) tooling.
 */
import { isRecord } from '../../manifests/json.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, jsPackages, kindOf, packageFilesUnder, runEvidence, toolRun, type JsPackage } from './support.js';

const CODE = /\.(?:[cm]?js|[cm]?ts)$/;
/**
 * What egg-core loads from a unit's folder, as the path below it, and what it is; `units`: which
 * units it reads it from (egg-core's loaders: `loadRouter` and `loadController` read only the app's
 * baseDir; `config/plugin*` is read from the app and the frameworks, a plugin names its own
 * dependencies in `eggPlugin.dependencies`; the rest from every unit).
 */
const CONVENTIONS: { test: RegExp; what: string; units: 'all' | 'app' | 'not-plugin' }[] = [
  { test: /^config\/config\.[\w-]+\.[cm]?[jt]s$/, what: 'config file (config/config.default, config/config.<env>)', units: 'all' },
  { test: /^config\/plugin(?:\.[\w-]+)?\.[cm]?[jt]s$/, what: 'plugin list (config/plugin*)', units: 'not-plugin' },
  { test: /^(?:app|agent)\.[cm]?[jt]s$/, what: 'boot hook (app, agent)', units: 'all' },
  { test: /^app\/router\.[cm]?[jt]s$/, what: 'router (app/router)', units: 'app' },
  { test: /^app\/controller\//, what: 'file of a folder it loads whole (app/controller)', units: 'app' },
  // Review 3 (#4): loadExtend(name) reads `app/extend/<name>` and `<name>.<serverEnv>` for these six names only.
  { test: /^app\/extend\/(?:agent|application|context|request|response|helper)(?:\.[\w-]+)?(?:\/index)?\.[cm]?[jt]s$/, what: 'extension (app/extend/agent, application, context, request, response, helper)', units: 'all' },
  { test: /^app\/(?:middleware|service|schedule)\//, what: 'file of a folder it loads whole (app/middleware, service, schedule)', units: 'all' },
];

/** The environment a file egg-core reads per server env is for (`config.unittest`, `helper.local`), or undefined. */
const ENV_FILE = /^(?:config\/(?:config|plugin)|app\/extend\/(?:agent|application|context|request|response|helper))\.([\w-]+)\.[cm]?[jt]s$/;

/** The egg options of a package: `egg` (framework or app options) or `eggPlugin`, and which. */
const eggField = (pkg: JsPackage): { field: 'egg' | 'eggPlugin'; value: Record<string, unknown> } | null => {
  if (isRecord(pkg.json.eggPlugin)) return { field: 'eggPlugin', value: pkg.json.eggPlugin };
  if (isRecord(pkg.json.egg)) return { field: 'egg', value: pkg.json.egg };
  return null;
};

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => eggField(p) !== null || dependsOn(p, 'egg'));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const field = eggField(pkg);
  const library = field !== null && (field.field === 'eggPlugin' || field.value.framework === true);
  const run = library ? null : toolRun(ctx, pkg.dir, ['egg-scripts', 'egg-bin']);
  const kind = library ? 'production' : kindOf(run);
  const why = library
    ? `${pkg.manifest} "${field!.field}"${field!.field === 'egg' ? ' (framework: true)' : ''}: egg-core loads it from this ${field!.field === 'egg' ? 'framework' : 'plugin'} for every app built on it`
    : runEvidence(run, 'egg');
  // The package's folder, and each folder its egg exports name (`./src`, `./dist/esm`).
  const units = new Map<string, string>([[pkg.dir, pkg.dir === '' ? '.' : pkg.dir]]);
  const exportsField = field === null ? undefined : field.value.exports;
  if (isRecord(exportsField)) {
    for (const [condition, value] of Object.entries(exportsField)) {
      if (typeof value !== 'string') continue;
      const dir = joinRepo(pkg.dir, value.replace(/^\.\//, '').replace(/\/+$/, ''));
      if (dir !== null && !units.has(dir)) units.set(dir, `${value} (${field!.field}.exports.${condition})`);
    }
  }
  const seen = new Set<string>();
  for (const [dir, shown] of units) {
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const file of packageFilesUnder(ctx, pkg, dir)) {
      if (!CODE.test(file) || file.endsWith('.d.ts') || seen.has(file)) continue;
      const rel = file.slice(prefix.length);
      const convention = CONVENTIONS.find((c) => c.test.test(rel));
      if (convention === undefined) continue;
      if ((convention.units === 'app' && library) || (convention.units === 'not-plugin' && field?.field === 'eggPlugin')) continue;
      seen.add(file);
      // config.unittest / plugin.unittest / helper.unittest load only under `EGG_SERVER_ENV=unittest` (egg-bin test), *.local only in local development.
      const env = ENV_FILE.exec(rel)?.[1];
      const own = env === 'unittest' ? 'test' : env === 'local' && kind === 'production' ? 'tooling' : kind;
      const envNote = own === kind ? '' : `, only in the ${env} environment`;
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: own, evidence: `egg-core's loader, which loads the ${convention.what} of the egg unit in ${shown} by its place, not by an import${envNote} (${why})` });
    }
  }
};

const egg: FrameworkReader = {
  id: 'egg',
  title: 'egg (config/, app and agent boot hooks, app/router and the app/ folders egg-core loads)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'egg'),
  collect: eachPackage(packages, collectPackage),
};

export default egg;
