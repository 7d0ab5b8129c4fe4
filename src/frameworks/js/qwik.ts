/**
 * Qwik's Vite plugin starts an app from files it names itself, not from index.html: `qwikVite()`'s
 * default inputs are `<srcDir>/entry.ssr` for the SSR build and dev server, `<srcDir>/root` for the
 * client build and `<srcDir>/entry.dev` for client-only dev (`srcDir` defaults to `src`, or the
 * plugin's `srcDir` option). Qwik City (`qwikCity()`) routes by file name under `src/routes` (or
 * its `routesDir`): `index.*` pages and endpoints (`.md`/`.mdx` pages are not code), `layout.*` / `layout-name.*` / `layout!.*`,
 * `plugin.*` / `plugin@name.*` middleware and `service-worker.*`; files with a leading `_` are
 * private. All with the kind of what runs vite / qwik in the package.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { basename } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, configDir, dependsOn, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
const ROUTE_FILE = /^(index|layout([-!][\w-]*)?|plugin(@[\w-]+)?|service-worker)\.(tsx|ts|jsx|js)$/;
const CITY = ['@builder.io/qwik-city', '@qwik.dev/router'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@builder.io/qwik', '@qwik.dev/core'], null);

/** The first object argument of `name({...})` in the package's vite config, and whether the call is there at all. */
const pluginOptions = (ctx: FrameworkContext, pkg: JsPackage, name: RegExp, word: string): { called: boolean; value: ConfigValue | null } => {
  for (const config of filesIn(ctx, pkg.dir, VITE_CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !text.includes(`${word}(`)) continue;
    const calls = callsIn(config, text, name);
    if (calls.length === 0) continue;
    return { called: true, value: calls.find((c) => c.args[0]?.kind === 'object')?.args[0] ?? null };
  }
  return { called: false, value: null };
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
  const routes = configDir(pkg.dir, configAt(city.value, 'routesDir'), 'src/routes');
  for (const file of packageFilesUnder(ctx, pkg, routes)) {
    if (!ROUTE_FILE.test(basename(file)) || file.slice(routes.length).split('/').some((segment) => segment.startsWith('_'))) continue;
    add(file, `City route file (${routes}/)`);
  }
};

const qwik: FrameworkReader = {
  id: 'qwik',
  title: 'Qwik and Qwik City (entry.ssr, root and entry.dev inputs, src/routes route files)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Qwik'),
  collect: eachPackage(packages, collectPackage),
};

export default qwik;
