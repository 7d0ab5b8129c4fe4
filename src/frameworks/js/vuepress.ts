/**
 * VuePress themes and sites, by the folders VuePress reads without an import. A theme folder
 * (VuePress 1): every `.vue` directly in `layouts/` is a layout (`Layout.vue`, `404.vue`, and any a
 * page's frontmatter `layout:` names), every `.vue` below `global-components/` is registered as a
 * global component under its file name, `enhanceApp.js` runs in the client app, and an import of
 * `@theme/…` names a file of the theme folder (VuePress's alias for it). Theme folders are a theme
 * package (named `vuepress-theme-*`, `@scope/vuepress-theme-*` or `@vuepress/theme-*`: the package
 * folder, whose main is the theme's entry) and a site's local `.vuepress/theme/`. A site's
 * `.vuepress/` folder adds its config (`config.{js,ts,mjs,mts,cjs}`), its own `enhanceApp.js`, `components/**` `*.vue` (registered globally,
 * VuePress 1; VuePress 2 registers nothing by folder) and `client.{js,ts}` (VuePress 2's client
 * config file). A theme package's files are references from its main, so they take its verdict; a
 * site's are roots with the kind of what runs vuepress in its package (nothing found: tooling).
 */
import { basename, dirname } from '../../util/path.js';
import { isFolder, listedPaths, pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { explainedFolderOf, LITERAL } from '../../languages/javascript/folder-expr.js';
import { lineAt } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { codeFilesMarked, fileReference, jsPackages, kindOf, resolveToolPath, runEvidence, toolRun, type JsPackage } from './support.js';

const THEME_PACKAGE = /^(?:@[^/]+\/)?vuepress-theme-|^@vuepress\/theme-/;
const BINS = ['vuepress', 'vuepress-vite', 'vuepress-webpack'];
const CODE = /\.(c|m)?[jt]sx?$|\.vue$/;
const SITE_FILES: Record<string, string> = {
  config: "the site's config",
  enhanceApp: "the site's client app enhancement",
  client: "the site's client config file (VuePress 2)",
};

interface Convention {
  file: string;
  what: string;
}

/** VuePress 2 registers no component by folder: a package that depends on vuepress 2 (`^2…`, `next`) is read without that rule. */
const isVuePress2 = (ctx: FrameworkContext, dir: string): boolean => {
  const manifest = ctx.manifests.nearest(dir, 'package.json');
  const pkg = jsPackages(ctx).find((p) => p.manifest === manifest);
  const deps = { ...(pkg?.json.devDependencies as Record<string, unknown> | undefined), ...(pkg?.json.dependencies as Record<string, unknown> | undefined) };
  const version = deps.vuepress;
  return typeof version === 'string' && /^(?:[\^~>=\s]*2|next)/.test(version);
};

/** The files a theme folder holds by VuePress's conventions (its entry `index.js` aside). */
const themeConventions = (ctx: FrameworkContext, theme: string): Convention[] => {
  const out: Convention[] = [];
  const at = (p: string) => (theme === '' ? p : `${theme}/${p}`);
  for (const f of pathsWithPrefix(ctx.files, `${at('layouts')}/`)) {
    if (f.endsWith('.vue') && dirname(f) === at('layouts')) out.push({ file: f, what: `the theme's layout ${basename(f).slice(0, -'.vue'.length)} (every .vue of ${at('layouts')}/)` });
  }
  // VuePress 1 reads the theme's own folder for layouts as well as layouts/ (theme-api getLayoutComponentMap): `theme/Layout.vue`.
  for (const f of isVuePress2(ctx, theme) ? [] : pathsInDir(ctx.files, theme)) {
    if (f.endsWith('.vue')) out.push({ file: f, what: `the theme's layout ${basename(f).slice(0, -'.vue'.length)} (a .vue of the theme's own folder ${theme || '.'}/)` });
  }
  for (const f of pathsWithPrefix(ctx.files, `${at('global-components')}/`)) {
    if (f.endsWith('.vue')) out.push({ file: f, what: `a global component of the theme (${at('global-components')}/ is registered by file name)` });
  }
  if (ctx.files.has(at('enhanceApp.js'))) out.push({ file: at('enhanceApp.js'), what: "the theme's client app enhancement (enhanceApp.js)" });
  return out.filter((c) => !c.file.includes('node_modules/'));
};

/** `@theme/components/Home.vue` in the files of `scope`: the file of the theme folder it names. */
const themeAliasReferences = (ctx: FrameworkContext, scope: string, theme: string, out: FrameworkOutput): void => {
  for (const file of pathsWithPrefix(ctx.files, scope === '' ? '' : `${scope}/`)) {
    if (!CODE.test(file) || file.includes('node_modules/')) continue;
    for (const imp of ctx.facts(file)?.imports ?? []) {
      if (!imp.specifier.startsWith('@theme/')) continue;
      const target = resolveToolPath(ctx, theme, `./${imp.specifier.slice('@theme/'.length)}`);
      if (target !== null && target !== file) {
        out.references.push(fileReference(file, target, imp.line, `imported by ${file}:${imp.line} as "${imp.specifier}": VuePress's @theme alias names the theme folder ${theme || '.'}/`));
      }
    }
  }
};

const themePackages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => typeof p.json.name === 'string' && THEME_PACKAGE.test(p.json.name));

/** The `.vuepress` folders of the repo (outside node_modules). */
const siteFolders = (ctx: FrameworkContext): string[] => {
  const out = new Set<string>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (f.includes('node_modules/')) continue;
    const i = f.indexOf('.vuepress/');
    if (i !== -1 && (i === 0 || f[i - 1] === '/')) out.add(f.slice(0, i + '.vuepress'.length));
  }
  return [...out].sort();
};

const collectThemePackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const main = typeof pkg.json.main === 'string' ? pkg.json.main : 'index.js';
  const entry = resolveToolPath(ctx, pkg.dir, main.startsWith('.') ? main : `./${main}`);
  if (entry === null) return;
  for (const c of themeConventions(ctx, pkg.dir)) {
    if (c.file !== entry) out.references.push(fileReference(entry, c.file, undefined, `${c.what}: VuePress loads it for the theme package ${String(pkg.json.name)}, whose entry is ${entry}`));
  }
  themeAliasReferences(ctx, pkg.dir, pkg.dir, out);
};

/** `path.join(__dirname, 'docs.fallback')`: a folder spelled from a module's own, whole. */
const OWN_FOLDER_JOIN = new RegExp(String.raw`\b(?:path\s*\.\s*)?(?:join|resolve)\(\s*__dirname\s*(?:,\s*${LITERAL}\s*)+\)`, 'g');
/** The join is a source folder's value: `this.sourceDir = this.options.sourceDir || ` / `sourceDir: ` just before it, in the same statement. */
const SOURCE_DIR_VALUE = /\bsourceDir\s*[:=](?!=)[^;\n]*$/;

/**
 * The code file of the site's package that sets the site's folder as a `sourceDir` from its own
 * folder, as VuePress's App names its fallback docs: `this.sourceDir = this.options.sourceDir ||
 * path.join(__dirname, 'docs.fallback')`. The site is then that program's, not a site a command
 * builds. A join that is no `sourceDir` (a script that lists the docs folder) hands VuePress nothing.
 */
const sourceDirLoader = (ctx: FrameworkContext, pkgDir: string, sourceDir: string): OwnFolderJoin | null => {
  return ownFolderJoins(ctx).get(sourceDir)?.find((j) => pkgDir === '' || j.file.startsWith(`${pkgDir}/`)) ?? null;
};

interface OwnFolderJoin {
  file: string;
  line: number;
  call: string;
}

/** Every folder a code file sets as a `sourceDir` from its own (`sourceDir = … path.join(__dirname, 'x')`), with the files and lines that do, in path order (once per scan). */
const ownFolderJoins = perScan((ctx: FrameworkContext): Map<string, OwnFolderJoin[]> => {
  const out = new Map<string, OwnFolderJoin[]>();
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const text = ctx.readText(file) ?? '';
    if (!text.includes('__dirname') || !text.includes('sourceDir')) continue;
    for (const m of text.matchAll(OWN_FOLDER_JOIN)) {
      const at = m.index ?? 0;
      if (!SOURCE_DIR_VALUE.test(text.slice(Math.max(0, at - 200), at))) continue;
      const folder = explainedFolderOf(m[0], file, text)?.folder;
      if (folder === undefined || file.startsWith(`${folder}/`)) continue;
      const join = { file, line: lineAt(text, at), call: m[0] };
      const list = out.get(folder);
      if (list === undefined) out.set(folder, [join]);
      else if (!list.some((j) => j.file === file)) list.push(join);
    }
  }
  return out;
});

const collectSite = (ctx: FrameworkContext, dotDir: string, out: FrameworkOutput): void => {
  const manifest = ctx.manifests.nearest(dirname(dotDir), 'package.json');
  const pkgDir = manifest === null ? '' : dirname(manifest);
  const run = toolRun(ctx, pkgDir, BINS, { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'vuepress');
  const loader = sourceDirLoader(ctx, pkgDir, dirname(dotDir));
  const found: Convention[] = [];
  for (const name of ['config.js', 'config.ts', 'config.mjs', 'config.mts', 'config.cjs', 'enhanceApp.js', 'client.js', 'client.ts']) {
    const f = `${dotDir}/${name}`;
    if (ctx.files.has(f)) found.push({ file: f, what: SITE_FILES[name.replace(/\..*$/, '')] });
  }
  if (!isVuePress2(ctx, dirname(dotDir))) {
    for (const f of pathsWithPrefix(ctx.files, `${dotDir}/components/`)) if (f.endsWith('.vue')) found.push({ file: f, what: `a global component of the site (${dotDir}/components/ is registered by path)` });
  }
  const theme = `${dotDir}/theme`;
  const localTheme = isFolder(ctx.files, theme);
  if (localTheme) {
    if (ctx.files.has(`${theme}/index.js`)) found.push({ file: `${theme}/index.js`, what: "the entry of the site's local theme" });
    found.push(...themeConventions(ctx, theme));
  }
  for (const c of found) {
    if (c.file.includes('node_modules/')) continue;
    if (loader !== null) {
      out.references.push(fileReference(loader.file, c.file, loader.line, `${c.what}: VuePress loads it from the source folder ${dirname(dotDir)}/ that ${loader.file}:${loader.line} hands it (${loader.call})`));
      continue;
    }
    out.entries.push({ source: c.file, target: c.file, targetKind: 'file', kind, evidence: `${c.file}: ${c.what}, loaded by ${why}` });
  }
  if (localTheme) themeAliasReferences(ctx, dotDir, theme, out);
};

const vuepress: FrameworkReader = {
  id: 'vuepress',
  title: 'VuePress (theme layouts, global components, enhanceApp, the @theme alias; a site’s .vuepress/ folder)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const theme = themePackages(ctx)[0];
    if (theme) return `${theme.manifest} is the VuePress theme ${String(theme.json.name)}`;
    const site = siteFolders(ctx)[0];
    return site === undefined ? null : `${site}/ is a VuePress site's folder`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of themePackages(ctx)) collectThemePackage(ctx, pkg, out);
    for (const dotDir of siteFolders(ctx)) collectSite(ctx, dotDir, out);
    return out;
  },
};

export default vuepress;
