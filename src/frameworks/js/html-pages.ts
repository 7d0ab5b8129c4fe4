/**
 * A stand-alone HTML page loads its scripts by path: `<script src="assets/js/app.js">` from the
 * page's folder, `<script src="/assets/js/app.js">` from the site's root, and no JS file imports
 * them, so without the page they all look dead. Each page outside vendored and built folders
 * (node_modules, dist, build, coverage, vendor, bower_components) is read, and each local script it
 * names is a reference from the page; a remote one (`https:`, `//cdn…`) or one a template engine
 * fills in (`{{ … }}`, `{% … %}`) is not. The site's root is the folder a server serves when the
 * page is in one (static-dirs' `express.static`, or a static file server a command runs: `serve
 * app`, `http-server`, `live-server`), else the page's top folder below its package (`app/` for
 * `app/commands/actions.html`): the folder a static server is pointed at.
 *
 * What loads the page decides the scripts' kind, through the page (classify walks through HTML
 * pages): a page a static file server serves is an entry of the kind of the command that runs the
 * server; a page an end-to-end test visits (`cy.visit('/todo')`, `page.goto('http://localhost:8080/todo')`)
 * is reached from that test when the URL's path names exactly one page (`todo.html`,
 * `todo/index.html`); a page a server sends or renders (`res.sendFile`, `res.render`: served-files.ts)
 * is reached from that server's file; a page nothing visibly serves is a page a person opens in a browser, a root
 * of the manual tier (languages/web: `runByPath`).
 */
import { isFolder, sortedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { servedFolders } from './static-dirs.js';
import { fileReference, jsCodeFiles, jsPackages, kindOf, toolInvocations, toolRun } from './support.js';
import type { EntryKind } from '../../model/verdict.js';
import { htmlScripts } from './vite.js';
import { isLanguageVariantPage } from '../../languages/web/index.js';
import { inlineRequires, inlineRequireTarget } from './inline-requires.js';
import { searchIndexLoads } from './sphinx-search-index.js';

const PAGE = /\.html?$/;
/** A page the repo owns: `x.html`, `x.htm`, or one language's version of one (`x.html.de`, languages/web). */
const isPage = (path: string): boolean => PAGE.test(path) || isLanguageVariantPage(path);
const RANK: readonly EntryKind[] = ['production', 'tooling', 'test'];
/** Folders whose pages are a dependency's or a build's, not the repo's own. */
const VENDORED = /(^|\/)(node_modules|bower_components|dist|build|coverage|vendor)\//;
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;
/** A `src` a template engine or a build fills in: not a path yet. */
const TEMPLATED = /\{\{|\{%|<%|\$\{|<\?/;
/** Files an end-to-end test suite holds: where `cy.visit`/`page.goto` are looked for. */
const E2E_FILE = /(^|\/)(cypress|e2e|tests?|__tests__|playwright|specs?)\/|\.(cy|spec|test|e2e)\.[cm]?[jt]sx?$/;
/** `cy.visit('…')`, `page.goto('…')` (any receiver) with a literal URL as the first argument. */
const VISIT = /\b(?:cy\s*\.\s*visit|\.\s*goto)\s*\(\s*(["'`])([^"'`\n$]*)\1/g;
/** A test server's origin: only a URL on the machine the suite runs on names a page of this repo. */
const LOCAL_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d+)?(?=\/|$)/i;

interface PageScript {
  page: string;
  line: number;
  src: string;
  target: string;
  /** How the page loads it, as evidence says it: `<script src="js/app.js">`, `require('./js/app') in an inline <script>`. */
  how: string;
}

const SERVERS = ['serve', 'http-server', 'live-server'];

interface ServerRun {
  folder: string;
  bin: string;
  evidence: string;
  source: string;
  kind: EntryKind;
}

/**
 * The folders a static file server run by a command serves: its first argument that is a folder of
 * the repo (`serve app`, `http-server ./site -p 8080`), else the folder it runs in (http-server:
 * `public/` there when it exists, as it does).
 */
const serverRuns = perScan((ctx: FrameworkContext): ServerRun[] => {
  const out: ServerRun[] = [];
  const holdsFiles = (dir: string | null): dir is string => dir !== null && isFolder(ctx.files, dir);
  for (const bin of SERVERS) {
    for (const inv of toolInvocations(ctx, [bin])) {
      const named = inv.args.filter((a) => !a.startsWith('-')).map((a) => joinRepo(inv.cwd, a)).find(holdsFiles);
      const publicDir = joinRepo(inv.cwd, 'public');
      const folder = named ?? (bin === 'http-server' && holdsFiles(publicDir) ? publicDir : inv.cwd);
      out.push({ folder, bin, evidence: inv.evidence, source: inv.source, kind: kindOf(toolRun(ctx, inv.cwd, [bin])) });
    }
  }
  return out;
});

/** The innermost of `folders` that holds `page`, or null. */
const innermost = (page: string, folders: Iterable<string>): string | null => {
  let found: string | null = null;
  for (const folder of folders) if ((folder === '' || page.startsWith(`${folder}/`)) && (found === null || folder.length > found.length)) found = folder;
  return found;
};

/** The folder `/x` is served from for a page: a served folder holding it, else its top folder below its package. */
const siteRootOf = (ctx: FrameworkContext, page: string, packageDirs: readonly string[]): string => {
  const served = innermost(page, [...servedFolders(ctx).map((s) => s.folder), ...serverRuns(ctx).map((r) => r.folder)]);
  if (served !== null) return served;
  const pkg = innermost(page, packageDirs) ?? '';
  const rest = pkg === '' ? page : page.slice(pkg.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? pkg : (joinRepo(pkg, rest.slice(0, slash)) ?? pkg);
};

/** A Jinja `url` filter of one literal: `{{ 'js/base.js'|url }}` (MkDocs' themes). */
const URL_FILTER = /^\{\{-?\s*(["'])([^"'{}|\n]+)\1\s*\|\s*url\s*-?\}\}$/;

/**
 * The folder a theme's `url` filter paths start from: MkDocs copies a theme's files to the site's
 * root and its `url` filter makes a path relative to that root, so `{{ 'js/base.js'|url }}` in any
 * template of the theme is the theme folder's `js/base.js`. The theme folder is the nearest one
 * above the template holding the theme's config (`mkdocs_theme.yml`), else the template's own.
 */
const themeRootOf = (ctx: FrameworkContext, page: string): string => {
  for (let dir = dirname(page); ; dir = dirname(dir)) {
    if (ctx.files.has(joinRepo(dir, 'mkdocs_theme.yml') ?? '')) return dir;
    if (dir === '') return dirname(page);
  }
};

/** The repo file a page's `src` names, exactly (no extension guessing: a browser asks for that path). */
export const scriptTarget = (ctx: FrameworkContext, page: string, src: string, siteRoot: string): string | null => {
  const filtered = URL_FILTER.exec(src);
  if (filtered !== null) {
    const path = filtered[2].replace(/[?#].*$/, '').replace(/^\/+/, '');
    const target = SCRIPT_FILE.test(path) && !/^[a-z][\w+.-]*:/i.test(path) ? joinRepo(themeRootOf(ctx, page), path) : null;
    return target !== null && ctx.files.has(target) ? target : null;
  }
  if (TEMPLATED.test(src)) return null;
  const path = src.replace(/[?#].*$/, '');
  if (!SCRIPT_FILE.test(path)) return null;
  const target = path.startsWith('/') ? joinRepo(siteRoot, path.slice(1)) : joinRepo(dirname(page), path);
  return target !== null && ctx.files.has(target) ? target : null;
};

/** Every local script of every page the repo owns, with the folder each page's `/` is. */
export const pageScripts = perScan((ctx: FrameworkContext): { scripts: PageScript[]; roots: Map<string, string> } => {
  const scripts: PageScript[] = [];
  const roots = new Map<string, string>();
  let packageDirs: string[] | null = null;
  for (const page of sortedPaths(ctx.files)) {
    if (!isPage(page) || VENDORED.test(page)) continue;
    const text = ctx.readText(page);
    if (text === null || !/<script/i.test(text)) continue;
    packageDirs ??= jsPackages(ctx).map((p) => p.dir);
    const root = siteRootOf(ctx, page, packageDirs);
    roots.set(page, root);
    for (const { src, line } of htmlScripts(text)) {
      const target = scriptTarget(ctx, page, src, root);
      if (target !== null) scripts.push({ page, line, src, target, how: `<script src="${src}">` });
    }
    for (const { spec, line } of inlineRequires(text)) {
      const target = inlineRequireTarget(ctx.files, page, spec);
      if (target !== null) scripts.push({ page, line, src: spec, target, how: `require('${spec}') in an inline <script>` });
    }
    // Stop 60: a Sphinx search page's index (sphinx-search-index.ts), fetched relative to the page as a <script src> is.
    for (const { spec, line } of searchIndexLoads(text)) {
      const target = scriptTarget(ctx, page, spec, root);
      if (target !== null) scripts.push({ page, line, src: spec, target, how: `Search.loadIndex("${spec}") in an inline <script>` });
    }
  }
  return { scripts, roots };
});

/** The page a URL path names under a site root: `x.html` as it is, else `x.html` or `x/index.html`. */
export const pagesForPath = (files: ReadonlySet<string>, root: string, urlPath: string): string[] => {
  const path = urlPath.replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '');
  const base = joinRepo(root, path);
  if (base === null) return [];
  const candidates = path === '' ? [joinRepo(root, 'index.html')] : PAGE.test(path) ? [base] : [`${base}.html`, `${base}/index.html`];
  return candidates.filter((c): c is string => c !== null && files.has(c));
};

/** The local path of a URL a test visits, or null for another site's URL. */
export const visitedPath = (url: string): string | null => {
  const local = url.replace(LOCAL_ORIGIN, '');
  if (/^[a-z][\w+.-]*:|^\/\//i.test(local)) return null;
  return local.startsWith('/') || local === '' ? local : `/${local}`;
};

const htmlPages: FrameworkReader = {
  id: 'html-pages',
  title: 'stand-alone HTML pages (<script src>) and the pages end-to-end tests visit',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = pageScripts(ctx).scripts[0];
    return first ? `${first.page}:${first.line} ${first.how}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const { scripts, roots } = pageScripts(ctx);
    for (const s of scripts) {
      // A theme's template is rendered by the program that loads the theme, by its package: the
      // package's __init__.py stands in for the template (census has no edge from a renderer to it).
      const theme = URL_FILTER.test(s.src) ? joinRepo(themeRootOf(ctx, s.page), '__init__.py') : null;
      if (theme !== null && ctx.files.has(theme)) out.references.push(fileReference(theme, s.target, undefined, `loaded by <script src="${s.src}"> in ${s.page}:${s.line}, a template of the theme package ${theme}`));
      else out.references.push(fileReference(s.page, s.target, s.line, `loaded by ${s.how} in ${s.page}:${s.line}`));
    }
    const runs = serverRuns(ctx);
    for (const page of roots.keys()) {
      const folder = innermost(page, runs.map((r) => r.folder));
      const run = folder === null ? undefined : runs.filter((r) => r.folder === folder).sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind))[0];
      if (run) out.entries.push({ source: run.source, target: page, targetKind: 'file', kind: run.kind, evidence: `${page}: a page ${run.bin} serves from ${run.folder || '.'}/, run by ${run.evidence}` });
    }
    const siteRoots = [...new Set(roots.values())];
    for (const file of jsCodeFiles(ctx)) {
      if (!E2E_FILE.test(file)) continue;
      const text = ctx.readText(file);
      if (text === null || !(text.includes('visit(') || text.includes('goto('))) continue;
      for (const m of text.matchAll(VISIT)) {
        const path = visitedPath(m[2]);
        if (path === null) continue;
        // Exact: the path names one page under every site root there is, or it is not followed.
        const pages = siteRoots.flatMap((root) => pagesForPath(ctx.files, root, path).filter((p) => roots.get(p) === root));
        if (pages.length !== 1) continue;
        const line = lineAt(text, m.index ?? 0);
        out.references.push(fileReference(file, pages[0], line, `a page visited by ${file}:${line} ${m[0].replace(/\s+/g, '')})`));
      }
    }
    return out;
  },
};

export default htmlPages;
