/**
 * Umi (and @umijs/max, Ant Design Pro's base) builds an app from its config and its folders
 * (umijs.org/docs/guides/directories, /routes):
 * - `routes` in `.umirc.ts` or `config/config.ts`: each `component: './Home'` is
 *   `src/pages/Home(.tsx|/index.tsx)`, `'@/layouts/x'` a path from `src/`; nested `routes` too.
 *   Without `routes`, every page file under `src/pages` is a route (convention routing), less
 *   `components/`, `models/`, `services/` folders, tests and declarations;
 * - the alias `@` → `src/` (and `@@` → `src/.umi`), built in: the project's tsconfig extends the
 *   generated `src/.umi/tsconfig.json`, which is not in the repo, so `@/utils/format` resolves by
 *   Umi's rule, not by a tsconfig the resolver can read;
 * - convention files: `src/app` (runtime config), `src/access` (the access plugin), `src/global`,
 *   `src/loading`, `src/layouts/index`, `src/models/**` (the model plugin), and `mock/**` (the dev
 *   server's mocks, tooling).
 * Entries have the kind of what runs `umi`/`max`; mocks are tooling.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { aliasReferences, eachPackage, enabledByPackages, kindOf, packageFilesUnder, readToolConfig, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIGS = ['.umirc.ts', '.umirc.js', 'config/config.ts', 'config/config.js'];
const CODE = /\.[jt]sx?$/;
const NOT_CODE = /\.d\.ts$|\.(test|spec|e2e)\.[jt]sx?$/;
const CONVENTION_FILES = /^src\/(?:app|access|global|loading|layouts\/index)\.[jt]sx?$/;
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['umi', '@umijs/max'], null);

/** The file a route's `component` names: relative to src/pages, or `@/` from src/. */
const routeFile = (ctx: FrameworkContext, pkgDir: string, component: string): string | null => {
  const base = component.startsWith('@/') ? joinRepo(pkgDir, `src/${component.slice(2)}`) : joinRepo(pkgDir, `src/pages/${component.replace(/^\.\//, '')}`);
  if (base === null) return null;
  if (ctx.files.has(base) && CODE.test(base)) return base;
  for (const ext of EXTENSIONS) if (ctx.files.has(`${base}${ext}`)) return `${base}${ext}`;
  for (const ext of EXTENSIONS) if (ctx.files.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
  return null;
};

/** Every `component` string of a routes array, nested `routes` included. */
const routeComponents = (routes: ConfigValue | null, out: { value: string; line: number }[], depth = 0): void => {
  if (routes?.kind !== 'array' || depth > 8) return;
  for (const route of routes.items) {
    if (route.kind !== 'object') continue;
    for (const key of ['component', 'wrappers']) {
      const v = configAt(route, key);
      for (const item of v?.kind === 'array' ? v.items : v ? [v] : []) if (item.kind === 'string') out.push({ value: item.value, line: item.line });
    }
    routeComponents(configAt(route, 'routes'), out, depth + 1);
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const at = (p: string) => (pkg.dir === '' ? p : `${pkg.dir}/${p}`);
  const config = CONFIGS.map(at).find((f) => ctx.files.has(f)) ?? null;
  const run = toolRun(ctx, pkg.dir, ['umi', 'max'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'umi');
  const source = config ?? pkg.manifest;
  const add = (target: string, what: string, line?: number, entryKind = kind) =>
    out.entries.push({ source, target, targetKind: 'file', kind: entryKind, ...(line ? { line } : {}), evidence: `Umi ${what}, loaded by ${entryKind === kind ? why : 'the umi dev server'}` });
  const { value } = config === null ? { value: null } : readToolConfig(ctx, config, out.diagnostics, 'umi');
  const routes = value === null ? null : configAt(value, 'routes');
  if (routes !== null && routes.kind === 'array') {
    const components: { value: string; line: number }[] = [];
    routeComponents(routes, components);
    for (const c of components) {
      const file = routeFile(ctx, pkg.dir, c.value);
      if (file) add(file, `route component "${c.value}" in ${config}:${c.line}`, c.line);
    }
  } else {
    const pages = at('src/pages');
    for (const file of packageFilesUnder(ctx, pkg, pages)) {
      const relative = file.slice(pages.length + 1);
      if (!CODE.test(file) || NOT_CODE.test(file) || /(^|\/)(components|models|services|utils)\//.test(relative)) continue;
      add(file, `route (${pages}/, convention routing: no routes in ${config ?? 'a config'})`);
    }
  }
  for (const file of packageFilesUnder(ctx, pkg, at('src'))) {
    const relative = pkg.dir === '' ? file : file.slice(pkg.dir.length + 1);
    if (CONVENTION_FILES.test(relative)) add(file, `convention file ${relative}`);
    else if (relative.startsWith('src/models/') && CODE.test(file) && !NOT_CODE.test(file)) add(file, 'model (src/models/, the model plugin)');
  }
  for (const file of packageFilesUnder(ctx, pkg, at('mock'))) if (CODE.test(file) && !NOT_CODE.test(file)) add(file, 'mock (mock/, read by the dev server)', undefined, 'tooling');
  out.references.push(
    ...aliasReferences(ctx, pkg.dir, [{ name: '@@', target: at('src/.umi'), line: 1 }, { name: '@', target: at('src'), line: 1 }], config ?? pkg.manifest, 'Umi built-in'),
  );
};

const umi: FrameworkReader = {
  id: 'umi',
  title: 'Umi (config routes or convention routing, the @ alias, convention files, mocks)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Umi'),
  collect: eachPackage(packages, collectPackage),
};

export default umi;
