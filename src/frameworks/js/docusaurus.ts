/**
 * Docusaurus builds a site from folders: every page under `src/pages` (`.js`/`.jsx`/`.ts`/`.tsx`,
 * `.md`, `.mdx`) except names starting with `_` and test files, the swizzled components under
 * `src/theme` (Docusaurus resolves `@theme/X` to them), `src/clientModules` named in the config's
 * `clientModules`, and local plugins and themes the config names by path (`./plugins/x`). All
 * with the kind of what runs docusaurus in the package.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

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
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default docusaurus;
