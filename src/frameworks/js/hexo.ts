/**
 * Hexo builds a site from folders, and loads code from two of them without an import: every file
 * of the site's `scripts/` and of its theme's `scripts/` (hexo's load_plugins lists both folders,
 * recursively, and runs each `.js` with `hexo` in scope: helpers, filters, tags). The theme is
 * `themes/<name>/`, `<name>` being the `theme:` of the site's `_config.yml`; its `source/` folder
 * is copied into the built site, so its scripts are what the site's pages load (`<%- js('js/x') %>`
 * in the layouts) — all but hidden ones, a path part that starts with `_` or `.` (`_partial/`), which
 * hexo's theme source processor skips. A site is a package that depends on `hexo` with a `_config.yml` beside it.
 * All with the kind of what runs hexo in the package (`hexo server`, `hexo generate`).
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, kindOf, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CODE = /\.[cm]?js$/;
/** Hexo's isHiddenFile: a path part starting with `_` or `.`. */
const HIDDEN = /(^|\/)[_.]/;

const sites = (ctx: FrameworkContext): JsPackage[] =>
  toolPackages(ctx, ['hexo'], null).filter((p) => ctx.files.has(joinRepo(p.dir, '_config.yml') ?? '_config.yml'));

/** `theme: landscape` in _config.yml (a top-level key; quotes allowed). */
const themeOf = (config: string): { name: string; line: number } | null => {
  const lines = config.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^theme:\s*['"]?([\w.-]+)['"]?\s*(?:#.*)?$/.exec(lines[i].trimEnd());
    if (m) return { name: m[1], line: i + 1 };
  }
  return null;
};

const collectSite = (ctx: FrameworkContext, site: JsPackage, out: FrameworkOutput) => {
  const config = joinRepo(site.dir, '_config.yml') ?? '_config.yml';
  const run = toolRun(ctx, site.dir, ['hexo']);
  const kind = kindOf(run);
  const why = runEvidence(run, 'hexo');
  const add = (folder: string, what: string, line?: number, skipHidden = false) => {
    // A theme is often a package of its own (hexo-theme-x): its folder is read whole all the same.
    for (const file of pathsWithPrefix(ctx.files, `${folder}/`)) {
      if (!CODE.test(file) || file.includes('node_modules/')) continue;
      if (skipHidden && HIDDEN.test(file.slice(folder.length + 1))) continue;
      out.entries.push({ source: config, target: file, targetKind: 'file', kind, ...(line ? { line } : {}), evidence: `Hexo ${what} (${folder}/), loaded by ${why}` });
    }
  };
  add(joinRepo(site.dir, 'scripts') ?? 'scripts', 'site script');
  const theme = themeOf(ctx.readText(config) ?? '');
  if (theme === null) return;
  const themeDir = joinRepo(site.dir, 'themes', theme.name);
  if (themeDir === null) return;
  add(`${themeDir}/scripts`, `theme "${theme.name}" script, ${config}:${theme.line}`, theme.line);
  add(`${themeDir}/source`, `theme "${theme.name}" asset copied into the site, ${config}:${theme.line}`, theme.line, true);
};

const hexo: FrameworkReader = {
  id: 'hexo',
  title: 'Hexo (site and theme scripts/, theme source/ assets)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(sites(ctx), 'Hexo'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const site of sites(ctx)) collectSite(ctx, site, out);
    return out;
  },
};

export default hexo;
