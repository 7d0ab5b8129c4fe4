/**
 * Remix and React Router v7 (framework mode) load an app by file names: `root`, `entry.client`
 * and `entry.server` in the app folder (`appDirectory`, default `app/`), the route modules of
 * `app/routes.ts` (the file paths its `route()`/`index()`/`layout()` calls name, read as string
 * literals), and, without a routes.ts or when it calls `flatRoutes()`, the routes folder by its
 * convention: every file directly in `routes/`, the `route.*` file of a route folder, and every
 * file of a folder with no `route.*` (Remix v1 nesting). A file beside a `route.*` is a
 * colocated module, reached only by import. All with the kind of what runs the tool. A template's
 * `remix.init/index.js` is a tooling root (create-remix runs it once).
 */
import { configAt } from '../../languages/javascript/config-value.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, configDir, eachPackage, enabledByPackages, fileReference, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^(remix|react-router)\.config\.[cm]?[jt]s$/;
const CODE = /\.([cm]?[jt]sx?|mdx?)$/;
const DEPS = ['@remix-run/dev', '@remix-run/react', '@remix-run/node', '@remix-run/serve', '@react-router/dev', '@react-router/node', '@react-router/serve', 'remix'];
/**
 * A string literal naming a module file: `"routes/home.tsx"`, `'./routes/about.tsx'`, and route
 * names with `$` params (`routes/$.tsx`, `users.$id.tsx`); a template's `${…}` is not a name.
 */
const FILE_STRING = /(["'`])((?:\.{1,2}\/)?(?:[^"'`\s${}]|\$(?!\{))+\.(?:[cm]?[jt]sx?|mdx?))\1/g;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, DEPS, CONFIG);

/** Route modules by the routes-folder convention (see the file comment). */
const conventionalRoutes = (ctx: FrameworkContext, pkg: JsPackage, routes: string): string[] => {
  const files = packageFilesUnder(ctx, pkg, routes).filter((f) => CODE.test(f) && !f.endsWith('.d.ts'));
  const hasRouteFile = new Set(files.filter((f) => /^route\.[^.]+$/.test(basename(f))).map(dirname));
  return files.filter((f) => {
    const dir = dirname(f);
    if (dir === routes) return true;
    if (/^route\.[^.]+$/.test(basename(f))) return true;
    // Remix v1 nesting: a folder with no route.* holds routes at any depth.
    for (let d = dir; d.length > routes.length; d = dirname(d)) if (hasRouteFile.has(d)) return false;
    return true;
  });
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value = config ? readToolConfig(ctx, config, out.diagnostics, 'remix').value : null;
  const app = configDir(pkg.dir, configAt(value, 'appDirectory'), 'app');
  const run = toolRun(ctx, pkg.dir, ['remix', 'react-router', 'vite', 'remix-serve', 'react-router-serve'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'Remix / React Router');
  const source = config ?? pkg.manifest;
  const add = (target: string, what: string) => out.entries.push({ source, target, targetKind: 'file', kind, evidence: `${what}, loaded by ${why}` });
  // A template's remix.init/index.js runs once, when `remix init` / create-remix sets the app up.
  const init = codeFileAt(ctx, pkg.dir === '' ? 'remix.init/index' : `${pkg.dir}/remix.init/index`);
  if (init) out.entries.push({ source: pkg.manifest, target: init, targetKind: 'file', kind: 'tooling', evidence: `remix.init script, run by remix init / create-remix when the template is set up` });
  let found = false;
  for (const name of ['root', 'entry.client', 'entry.server']) {
    const file = codeFileAt(ctx, `${app === '' ? '' : `${app}/`}${name}`);
    if (file) {
      found = true;
      add(file, `the app's ${name} module (${app}/)`);
    }
  }
  const routesTs = codeFileAt(ctx, `${app}/routes`);
  const routesDir = joinRepo(app, 'routes') ?? 'routes';
  if (routesTs) {
    found = true;
    add(routesTs, `the route config (${app}/)`);
    const text = ctx.readText(routesTs) ?? '';
    for (const m of text.matchAll(FILE_STRING)) {
      const line = text.slice(0, m.index).split('\n').length;
      const file = resolveToolPath(ctx, app, m[2].replace(/^\.\//, ''));
      if (file && file !== routesTs) out.references.push(fileReference(routesTs, file, line, `route module "${m[2]}" in ${routesTs}:${line}`));
    }
    if (!/\bflatRoutes\s*\(/.test(text)) return;
  }
  if (!found && !config) return;
  for (const file of conventionalRoutes(ctx, pkg, routesDir)) add(file, `route module (${routesDir}/ convention)`);
};

const remix: FrameworkReader = {
  id: 'remix',
  title: 'Remix and React Router v7 (root, entry.client/server, routes.ts, the routes folder)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Remix / React Router'),
  collect: eachPackage(packages, collectPackage),
};

export default remix;
