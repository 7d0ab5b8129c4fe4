/**
 * SvelteKit loads an app by file names, not imports: every `+page`, `+layout`, `+server` and
 * `+error` file under `src/routes` (`.svelte`, `.js`, `.ts`, with `@reset` layouts and `.server`
 * variants), the hooks (`src/hooks.server`, `src/hooks.client`, universal `src/hooks`), param
 * matchers in `src/params`, `src/service-worker` and `src/instrumentation.server`. svelte.config's
 * `kit.files` moves those folders (and options passed to the `sveltekit({...})` vite plugin win
 * over it) and `kit.alias` adds aliases beside `$lib` (default `src/lib`), which SvelteKit writes
 * into a generated tsconfig that is not in the repo, so imports through them are references here.
 * All with the kind of what runs vite / svelte-kit in the package.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { aliasReferences, codeFileAt, configDir, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, readAliases, readToolConfig, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^svelte\.config\.[cm]?[jt]s$/;
const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
const ROUTE_FILE = /^\+(page|layout|server|error)(@[\w-]*)?(\.server)?\.(svelte|[cm]?[jt]s)$/;
const CODE = /\.(svelte|[cm]?[jt]s)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@sveltejs/kit'], null);

/** The options of `sveltekit({...})` in the package's vite config, when it passes any. */
const viteOptions = (ctx: FrameworkContext, pkg: JsPackage): { config: string; value: ConfigValue } | null => {
  for (const config of filesIn(ctx, pkg.dir, VITE_CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !text.includes('sveltekit(')) continue;
    const arg = callsIn(config, text, /^sveltekit$/).find((c) => c.args[0]?.kind === 'object')?.args[0];
    if (arg) return { config, value: arg };
  }
  return null;
};

const mergeFiles = (base: ConfigValue | null, over: ConfigValue | null): ConfigValue | null => {
  if (over?.kind !== 'object') return base;
  if (base?.kind !== 'object') return over;
  return { ...base, props: new Map([...base.props, ...over.props]) };
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value: ConfigValue | null = config ? readToolConfig(ctx, config, out.diagnostics, 'sveltekit').value : null;
  const inline = viteOptions(ctx, pkg);
  // Options given to the vite plugin win over svelte.config's, key by key.
  const files = mergeFiles(configAt(value, 'kit', 'files'), inline ? (configAt(inline.value, 'kit', 'files') ?? configAt(inline.value, 'files')) : null);
  const run = toolRun(ctx, pkg.dir, ['vite', 'svelte-kit'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'SvelteKit (vite)');
  const source = config ?? pkg.manifest;
  const add = (target: string, what: string) => out.entries.push({ source, target, targetKind: 'file', kind, evidence: `SvelteKit ${what}, loaded by ${why}` });

  const routes = configDir(pkg.dir, configAt(files, 'routes'), 'src/routes');
  for (const file of packageFilesUnder(ctx, pkg, routes)) if (ROUTE_FILE.test(basename(file))) add(file, `route file (${routes}/)`);
  for (const [key, fallback] of [['server', 'src/hooks.server'], ['client', 'src/hooks.client'], ['universal', 'src/hooks']] as const) {
    const named = configAt(files, 'hooks', key);
    const base = joinRepo(pkg.dir, named?.kind === 'string' ? named.value : fallback);
    const file = base === null ? null : (codeFileAt(ctx, base) ?? codeFileAt(ctx, `${base}/index`));
    if (file) add(file, `${key} hooks`);
  }
  // SvelteKit 2.31+: `src/instrumentation.server` runs before the app (observability setup).
  const instrumentation = codeFileAt(ctx, joinRepo(configDir(pkg.dir, null, 'src'), 'instrumentation.server') ?? '');
  if (instrumentation) add(instrumentation, 'server instrumentation');
  const params = configDir(pkg.dir, configAt(files, 'params'), 'src/params');
  for (const file of packageFilesUnder(ctx, pkg, params)) if (CODE.test(file) && dirname(file) === params && !/\.(test|spec)\./.test(file)) add(file, 'param matcher');
  const worker = configDir(pkg.dir, configAt(files, 'serviceWorker'), 'src/service-worker');
  const workerFile = codeFileAt(ctx, worker) ?? codeFileAt(ctx, `${worker}/index`);
  if (workerFile) add(workerFile, 'service worker');

  const lib = configDir(pkg.dir, configAt(files, 'lib'), 'src/lib');
  const inlineLib = inline ? (configAt(inline.value, 'kit', 'files', 'lib') ?? configAt(inline.value, 'files', 'lib')) : null;
  out.references.push(...aliasReferences(ctx, pkg.dir, [{ name: '$lib', target: lib, line: configAt(files, 'lib')?.line ?? 1 }], inlineLib && inline ? inline.config : source, 'SvelteKit'));
  out.references.push(...aliasReferences(ctx, pkg.dir, readAliases(configAt(value, 'kit', 'alias'), pkg.dir), source, 'SvelteKit'));
};

const sveltekit: FrameworkReader = {
  id: 'sveltekit',
  title: 'SvelteKit (routes, hooks, param matchers, service worker, $lib and kit.alias)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'SvelteKit'),
  collect: eachPackage(packages, collectPackage),
};

export default sveltekit;
