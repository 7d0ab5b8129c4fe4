/**
 * SvelteKit loads an app by file names, not imports: every `+page`, `+layout`, `+server` and
 * `+error` file under `src/routes` (`.svelte`, `.js`, `.ts`, with `@reset` layouts and `.server`
 * variants), the hooks (`src/hooks.server`, `src/hooks.client`, universal `src/hooks`), param
 * matchers in `src/params`, and `src/service-worker`. svelte.config's `kit.files` moves those
 * folders and `kit.alias` adds aliases beside `$lib` (default `src/lib`), which SvelteKit writes
 * into a generated tsconfig that is not in the repo, so imports through them are references here.
 * All with the kind of what runs vite / svelte-kit in the package.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { aliasReferences, codeFileAt, configDir, enabledByPackages, filesIn, kindOf, packageFilesUnder, readAliases, readToolConfig, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^svelte\.config\.[cm]?[jt]s$/;
const ROUTE_FILE = /^\+(page|layout|server|error)(@[\w-]*)?(\.server)?\.(svelte|[cm]?[jt]s)$/;
const CODE = /\.(svelte|[cm]?[jt]s)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@sveltejs/kit'], null);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value: ConfigValue | null = config ? readToolConfig(ctx, config, out.diagnostics, 'sveltekit').value : null;
  const files = configAt(value, 'kit', 'files');
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
  const params = configDir(pkg.dir, configAt(files, 'params'), 'src/params');
  for (const file of packageFilesUnder(ctx, pkg, params)) if (CODE.test(file) && dirname(file) === params && !/\.(test|spec)\./.test(file)) add(file, 'param matcher');
  const worker = configDir(pkg.dir, configAt(files, 'serviceWorker'), 'src/service-worker');
  const workerFile = codeFileAt(ctx, worker) ?? codeFileAt(ctx, `${worker}/index`);
  if (workerFile) add(workerFile, 'service worker');

  const lib = configDir(pkg.dir, configAt(files, 'lib'), 'src/lib');
  const aliases = [{ name: '$lib', target: lib, line: configAt(files, 'lib')?.line ?? 1 }, ...readAliases(configAt(value, 'kit', 'alias'), pkg.dir)];
  out.references.push(...aliasReferences(ctx, pkg.dir, aliases, source, 'SvelteKit'));
};

const sveltekit: FrameworkReader = {
  id: 'sveltekit',
  title: 'SvelteKit (routes, hooks, param matchers, service worker, $lib and kit.alias)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'SvelteKit'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default sveltekit;
