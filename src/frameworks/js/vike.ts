/**
 * Vike (formerly vite-plugin-ssr) loads an app from file names, not imports: every `+` file of the
 * project (`+Page.tsx`, `+config.ts`, `+data.ts`, `+onRenderHtml.tsx`, `+Layout.vue`…) is a setting
 * or hook it crawls for, in `pages/`, `renderer/` or any other folder
 * (https://vike.dev/config). The V0.4 design of vite-plugin-ssr named them `*.page.js`,
 * `*.page.server.js`, `*.page.client.js` and `*.page.route.js` (`_default.page.*`, `_error.page.*`),
 * which Vike 0.4 still loads. Applies to each package that depends on `vike` or
 * `vite-plugin-ssr`; files of nested packages belong to them. All with the kind of what runs vite
 * (or vike) in the package.
 */
import { basename } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, kindOf, packageFilesUnder, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

/** A `+` file: `+` then a setting or hook name, with a code extension (https://vike.dev/config). */
const PLUS_FILE = /^\+[\w.-]+\.(vue|svelte|mdx|[cm]?[jt]sx?)$/;
/** The V0.4 design's page files (https://vite-plugin-ssr.com/filesystem-routing). */
const PAGE_FILE = /\.page(\.(server|client|route))?\.(vue|svelte|mdx|[cm]?[jt]sx?)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['vike', 'vite-plugin-ssr'], null);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['vite', 'vike'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'Vike (vite)');
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    const name = basename(file);
    if (name.endsWith('.d.ts')) continue;
    const what = PLUS_FILE.test(name) ? `+ file (${name.replace(/\.[^.]+$/, '')})` : PAGE_FILE.test(name) ? 'page file (V0.4 design)' : null;
    if (what === null) continue;
    out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind, evidence: `Vike ${what}, loaded by ${why}` });
  }
};

const vike: FrameworkReader = {
  id: 'vike',
  title: 'Vike / vite-plugin-ssr (+ files such as +Page and +data, V0.4 .page files)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Vike'),
  collect: eachPackage(packages, collectPackage),
};

export default vike;
