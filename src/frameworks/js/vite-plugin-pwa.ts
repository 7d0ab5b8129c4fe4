/**
 * vite-plugin-pwa with `strategies: 'injectManifest'` bundles the app's own service worker from
 * `<srcDir>/<filename>` (defaults `public` and `sw.js`; a `.ts` file is compiled), resolved
 * against the Vite root, and nothing imports that file: the build is what loads it. Its options
 * are the `VitePWA({...})` call in vite.config.*, or for Nuxt (@vite-pwa/nuxt) nuxt.config's `pwa`
 * key or the options beside the module in `modules: [['@vite-pwa/nuxt', {...}]]`, whose paths
 * resolve against Nuxt's source folder (`srcDir`, `app/` in Nuxt 4), else the project folder. The
 * default `generateSW` strategy writes the worker itself: no source file. The worker is a root
 * with the kind of what runs the build (vite or nuxt). The call is found by the name the config's
 * import binds (`import { VitePWA as pwa }`, `const { VitePWA: pwa } = require(…)`, `import * as
 * p` → `p.VitePWA`), so a renamed import is read too.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { nuxtModuleOptions, nuxtSrcDir } from './nuxt.js';
import { dependsOn, enabledByPackages, filesIn, jsPackages, kindOf, readToolConfig, resolveToolPath, runEvidence, toolRun, warnUnread, type JsPackage } from './support.js';
import { viteRoot } from './vite.js';

const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
const NUXT_CONFIG = /^nuxt\.config\.[cm]?[jt]s$/;
const NUXT_MODULE = '@vite-pwa/nuxt';

/** The callee names a config calls VitePWA by: the local names its imports of vite-plugin-pwa bind (VitePWA when none is seen). */
const pluginCallee = (ctx: FrameworkContext, config: string): RegExp => {
  const names = new Set<string>();
  for (const imp of ctx.facts(config)?.imports ?? []) {
    if (imp.specifier !== 'vite-plugin-pwa') continue;
    for (const n of imp.names) {
      if (n.name === 'VitePWA') names.add(n.alias ?? n.name);
      else if (n.name === '*' && n.alias) names.add(`${n.alias}.VitePWA`);
    }
  }
  if (names.size === 0) names.add('VitePWA');
  return new RegExp(`^(?:${[...names].map(escapeRegExp).join('|')})$`);
};

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'vite-plugin-pwa') || dependsOn(p, NUXT_MODULE));

/** A string option, its default when absent, or null (and a warning) when computed. */
const option = (options: ConfigValue, key: string, fallback: string, unread: { line: number; text: string }[]): { value: string; line: number | null } | null => {
  const v = configAt(options, key);
  if (v === null) return { value: fallback, line: null };
  if (v.kind === 'string') return { value: v.value, line: v.line };
  if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  return null;
};

/** The service worker source one set of options names, looked for under each folder in turn. */
const serviceWorker = (ctx: FrameworkContext, config: string, options: ConfigValue, roots: string[], out: FrameworkOutput): { file: string; what: string } | null => {
  const unread: { line: number; text: string }[] = [];
  const strategies = configAt(options, 'strategies');
  if (strategies?.kind === 'unknown') unread.push({ line: strategies.line, text: strategies.text });
  const srcDir = option(options, 'srcDir', 'public', unread);
  const filename = option(options, 'filename', 'sw.js', unread);
  warnUnread(out.diagnostics, 'vite-plugin-pwa', config, unread, 'a PWA option');
  if (strategies?.kind !== 'string' || strategies.value !== 'injectManifest' || srcDir === null || filename === null) return null;
  for (const root of roots) {
    const dir = joinRepo(root, srcDir.value);
    const file = dir === null ? null : resolveToolPath(ctx, dir, filename.value);
    const named = (o: { value: string; line: number | null }, key: string) => (o.line === null ? `${key} "${o.value}" (its default)` : `${key} "${o.value}"`);
    if (file) return { file, what: `${config}:${strategies.line} strategies "injectManifest", ${named(srcDir, 'srcDir')}, ${named(filename, 'filename')}: the service worker vite-plugin-pwa bundles` };
  }
  return null;
};

const viteOptions = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, VITE_CONFIG)[0];
  const text = config ? ctx.readText(config) : null;
  if (!config || text === null || !text.includes('VitePWA')) return;
  // Parse failures are the vite reader's to warn about: it reads the same config.
  const root = viteRoot(readToolConfig(ctx, config, [], 'vite-plugin-pwa').value, pkg.dir);
  const run = toolRun(ctx, pkg.dir, ['vite'], { bundler: true });
  for (const call of callsIn(config, text, pluginCallee(ctx, config))) {
    const options = call.args[0] ?? null;
    if (options?.kind === 'unknown') warnUnread(out.diagnostics, 'vite-plugin-pwa', config, [{ line: options.line, text: options.text }], 'VitePWA options');
    if (options?.kind !== 'object') continue;
    const found = serviceWorker(ctx, config, options, [root], out);
    if (found) out.entries.push({ source: config, target: found.file, targetKind: 'file', kind: kindOf(run), evidence: `${found.what} (${runEvidence(run, 'vite')})`, line: call.line });
  }
};

const nuxtOptions = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, NUXT_CONFIG)[0];
  if (!config) return;
  // Parse failures are the nuxt reader's to warn about: it reads the same config.
  const value = readToolConfig(ctx, config, [], 'vite-plugin-pwa').value;
  const options = nuxtModuleOptions(value, 'pwa', NUXT_MODULE);
  if (options?.kind === 'unknown') warnUnread(out.diagnostics, 'vite-plugin-pwa', config, [{ line: options.line, text: options.text }], '@vite-pwa/nuxt options');
  if (options?.kind !== 'object') return;
  const run = toolRun(ctx, pkg.dir, ['nuxt', 'nuxi'], { bundler: true });
  const found = serviceWorker(ctx, config, options, [...new Set([nuxtSrcDir(ctx, pkg, value), pkg.dir])], out);
  if (found) out.entries.push({ source: config, target: found.file, targetKind: 'file', kind: kindOf(run), evidence: `${found.what} (@vite-pwa/nuxt; ${runEvidence(run, 'nuxt')})`, line: options.line });
};

const vitePluginPwa: FrameworkReader = {
  id: 'vite-plugin-pwa',
  title: 'vite-plugin-pwa (the injectManifest service worker of VitePWA() or @vite-pwa/nuxt)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'vite-plugin-pwa'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      viteOptions(ctx, pkg, out);
      nuxtOptions(ctx, pkg, out);
    }
    return out;
  },
};

export default vitePluginPwa;
