/**
 * Expo and React Native start an app without a package.json `main` that census can follow: Expo's
 * default entry (`expo/AppEntry`, also when `main` is absent) registers the root `App.*`;
 * expo-router (`"main": "expo-router/entry"`, the dependency, or — in a package with no entry of
 * its own — app/ files that import expo-router) routes every file of `app/`
 * (`src/app/`, or the `root` its config plugin names) — screens, `_layout`, `+html`,
 * `+not-found`, `+api`; React Native's `index.*` registers the app. app.json / app.config.{js,ts,json}'s
 * local `plugins` (`./plugins/withX`) run at prebuild: tooling. App files get the kind of what
 * runs expo / react-native / eas in the package. Metro picks a platform-specific file over its
 * plain sibling (`icon.web.tsx` or `icon.ios.tsx` for an import of `./icon`, `.native` for both
 * phones; Expo's Metro config bundles for ios, android and web): each such file is a reference
 * from the plain one, so it lives and dies with what imports the plain one.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, dependsOn, eachPackage, enabledByPackages, fileReference, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const APP_CONFIG = /^app\.(json|config\.([cm]?[jt]s|json))$/;
const CODE = /\.([cm]?[jt]sx?)$/;
const PLATFORM_FILE = /^(.+)\.(ios|android|web|native)\.([cm]?[jt]sx?)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['expo', 'react-native', 'expo-router'], null);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['expo', 'eas', 'react-native'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'expo / react-native');
  const at = (name: string) => (pkg.dir === '' ? name : `${pkg.dir}/${name}`);
  const main = typeof pkg.json.main === 'string' ? pkg.json.main : null;
  const add = (source: string, target: string, what: string, line?: number) => out.entries.push({ source, target, targetKind: 'file', kind, evidence: `${what}, loaded by ${why}`, ...(line ? { line } : {}) });
  const config = filesIn(ctx, pkg.dir, APP_CONFIG)[0] ?? null;
  const value: ConfigValue | null = config ? readToolConfig(ctx, config, out.diagnostics, 'expo').value : null;
  const expo = configAt(value, 'expo') ?? value;

  if (main === null || /^expo\/AppEntry(\.js)?$|node_modules\/expo\/AppEntry/.test(main)) {
    const app = codeFileAt(ctx, at('App'));
    if (app && dependsOn(pkg, 'expo')) add(pkg.manifest, app, main ? `${pkg.manifest} main "${main}" registers App` : 'Expo\'s default entry (expo/AppEntry) registers App');
  }
  const index = codeFileAt(ctx, at('index'));
  if (index && main === null) add(pkg.manifest, index, 'React Native\'s index entry');

  // A package with no entry of its own (no main, App or index: expo/AppEntry would have nothing to
  // load) whose app/ files import expo-router is an expo-router app whose dependency is declared
  // elsewhere (a monorepo's root): expo-router/entry is the only way such an app starts.
  const importsRouter = (dir: string) => packageFilesUnder(ctx, pkg, dir).some((f) => ctx.facts(f)?.imports.some((i) => i.specifier === 'expo-router' || i.specifier.startsWith('expo-router/')));
  const noOwnEntry = main === null && codeFileAt(ctx, at('App')) === null && index === null;
  const declared = main?.startsWith('expo-router/') || dependsOn(pkg, 'expo-router');
  const inferred = !declared && noOwnEntry && (importsRouter(at('app')) || importsRouter(at('src/app')));
  const usesRouter = declared || inferred;
  if (usesRouter) {
    let root: string | null = null;
    const plugins = configAt(expo, 'plugins');
    if (plugins?.kind === 'array') {
      for (const p of plugins.items) {
        if (p.kind === 'array' && p.items[0]?.kind === 'string' && p.items[0].value === 'expo-router') {
          const r = configAt(p.items[1] ?? null, 'root');
          if (r?.kind === 'string') root = joinRepo(pkg.dir, r.value.replace(/\/+$/, ''));
        }
      }
    }
    const candidates = root ? [root] : [at('app'), at('src/app')];
    const appDir = candidates.find((d) => packageFilesUnder(ctx, pkg, d).length > 0);
    if (appDir) for (const file of packageFilesUnder(ctx, pkg, appDir)) if (CODE.test(file) && !file.endsWith('.d.ts')) add(config ?? pkg.manifest, file, `expo-router route (${appDir}/${inferred ? `: its files import expo-router and ${pkg.manifest} has no main, App or index` : ''})`);
  }

  for (const file of packageFilesUnder(ctx, pkg, '')) {
    const m = PLATFORM_FILE.exec(file);
    if (!m || m[1].endsWith('.d')) continue;
    const plain = codeFileAt(ctx, m[1]);
    if (plain) out.references.push(fileReference(plain, file, undefined, `loaded by Metro in place of ${plain} when bundling for ${m[2]} (platform-specific extension .${m[2]}.${m[3]})`));
  }

  if (config) {
    const plugins = configAt(expo, 'plugins');
    const items = plugins?.kind === 'array' ? plugins.items.map((p) => (p.kind === 'array' ? (p.items[0] ?? p) : p)) : [];
    for (const p of items) {
      if (p.kind !== 'string' || !p.value.startsWith('.')) continue;
      const file = resolveToolPath(ctx, pkg.dir, p.value);
      if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'tooling', evidence: `${config}${p.line > 1 ? `:${p.line}` : ''} plugins "${p.value}" (an Expo config plugin, run at prebuild)`, ...(p.line > 1 ? { line: p.line } : {}) });
    }
  }
};

const expo: FrameworkReader = {
  id: 'expo',
  title: 'Expo and React Native (App and index entries, expo-router app/ routes, platform-specific files, app.json config plugins)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Expo / React Native'),
  collect: eachPackage(packages, collectPackage),
};

export default expo;
