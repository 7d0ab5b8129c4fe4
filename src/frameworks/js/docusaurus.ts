/**
 * Docusaurus builds a site from folders: every page under `src/pages` (`.js`/`.jsx`/`.ts`/`.tsx`,
 * `.md`, `.mdx`) except names starting with `_` and test files, the swizzled components under
 * `src/theme` (Docusaurus resolves `@theme/X` to them), `src/clientModules` named in the config's
 * `clientModules`, and local plugins and themes the config names by path (`./plugins/x`); the
 * sidebars file any plugin or preset options name (`sidebarPath: './sidebars.js'`); the `scripts`
 * the site's pages load from its static folders (`'/js/custom.js'` or `{ src }`, served from
 * `static/` or the config's `staticDirectories`). All with the kind of what runs docusaurus in the
 * package. Imports through `@site/` (Docusaurus's alias for the site folder) are references.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { aliasReferences, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^docusaurus\.config\.[cm]?[jt]s$/;
const PAGE = /\.(jsx?|tsx?|mdx?)$/;
const CODE = /\.(c|m)?[jt]sx?$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@docusaurus/core'], CONFIG);

/** Local paths among plugin/theme/clientModules values: `'./plugins/x'`, `['./plugins/y', {…}]`. */
const localPaths = (v: ConfigValue | null): { value: string; line: number }[] => {
  const out: { value: string; line: number }[] = [];
  const items = v?.kind === 'array' ? v.items : v ? [v] : [];
  for (const item of items) {
    const first = item.kind === 'array' ? item.items[0] : item;
    if (first?.kind === 'string' && /^\.{1,2}\//.test(first.value)) out.push({ value: first.value, line: first.line });
  }
  return out;
};

/** Every `sidebarPath` string in plugin and preset options (`['@docusaurus/preset-classic', { docs: { sidebarPath } }]`). */
const sidebarPaths = (v: ConfigValue | null, out: { value: string; line: number }[], depth = 0): void => {
  if (!v || depth > 8) return;
  if (v.kind === 'array') for (const item of v.items) sidebarPaths(item, out, depth + 1);
  else if (v.kind === 'object') {
    for (const [key, x] of v.props) {
      if (key === 'sidebarPath' && x.kind === 'string') out.push({ value: x.value, line: x.line });
      else sidebarPaths(x, out, depth + 1);
    }
  }
};

/** `scripts: ['/js/x.js', { src: '/js/y.js', async: true }]`: site-absolute paths, served from the static folders. */
const staticScripts = (v: ConfigValue | null): { value: string; line: number }[] => {
  const out: { value: string; line: number }[] = [];
  for (const item of v?.kind === 'array' ? v.items : []) {
    const src = item.kind === 'object' ? configAt(item, 'src') : item;
    if (src?.kind === 'string' && src.value.startsWith('/') && !src.value.startsWith('//')) out.push({ value: src.value, line: src.line });
  }
  return out;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const run = toolRun(ctx, pkg.dir, ['docusaurus'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'docusaurus');
  const source = config ?? pkg.manifest;
  const at = (p: string) => (pkg.dir === '' ? p : `${pkg.dir}/${p}`);
  const add = (target: string, what: string) => out.entries.push({ source, target, targetKind: 'file', kind, evidence: `Docusaurus ${what}, loaded by ${why}` });
  const pages = at('src/pages');
  for (const file of packageFilesUnder(ctx, pkg, pages)) {
    if (!PAGE.test(file) || file.endsWith('.d.ts') || /\.(test|spec)\.[jt]sx?$/.test(file)) continue;
    if (file.slice(pages.length + 1).split('/').some((part) => part.startsWith('_'))) continue;
    add(file, `page (${pages}/)`);
  }
  for (const file of packageFilesUnder(ctx, pkg, at('src/theme'))) if (CODE.test(file) && !file.endsWith('.d.ts')) add(file, 'swizzled theme component (src/theme/)');
  if (config === null) return;
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'docusaurus');
  out.references.push(...aliasReferences(ctx, pkg.dir, [{ name: '@site', target: pkg.dir, line: 1 }], config, 'Docusaurus'));
  const entry = (file: string, what: string, line: number) => out.entries.push({ source: config, target: file, targetKind: 'file', kind, line, evidence: `Docusaurus ${what} in ${config}:${line}, loaded by ${why}` });
  const sidebars: { value: string; line: number }[] = [];
  for (const key of ['plugins', 'presets', 'themes']) sidebarPaths(configAt(value, key), sidebars);
  for (const p of sidebars) {
    const file = resolveToolPath(ctx, pkg.dir, p.value);
    if (file) entry(file, `sidebarPath "${p.value}"`, p.line);
  }
  const staticDirs = configAt(value, 'staticDirectories');
  const dirs = staticDirs?.kind === 'array' ? staticDirs.items.flatMap((d) => (d.kind === 'string' ? [d.value] : [])) : ['static'];
  for (const script of staticScripts(configAt(value, 'scripts'))) {
    for (const dir of dirs) {
      const file = joinRepo(pkg.dir, `${dir.replace(/\/+$/, '')}${script.value}`);
      if (file !== null && ctx.files.has(file)) {
        entry(file, `scripts "${script.value}" (served from ${dir}/)`, script.line);
        break;
      }
    }
  }
  for (const key of ['plugins', 'themes', 'clientModules']) {
    for (const p of localPaths(configAt(value, key))) {
      const file = resolveToolPath(ctx, pkg.dir, p.value);
      // Roots of the run's kind: the config itself is only a tooling root by its name.
      if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind, line: p.line, evidence: `Docusaurus ${key} "${p.value}" in ${config}:${p.line}, loaded by ${why}` });
    }
  }
};

const docusaurus: FrameworkReader = {
  id: 'docusaurus',
  title: 'Docusaurus (src/pages, swizzled src/theme, local plugins, themes and client modules)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Docusaurus'),
  collect: eachPackage(packages, collectPackage),
};

export default docusaurus;
