/**
 * Next.js loads files by where they are, not by imports: every route file of the app router
 * (`app/**\/page.tsx`, `layout`, `route`, `loading`, `error`, `not-found`, metadata files such as
 * `sitemap.ts`…), every file under `pages/` (the pages router, `_app`, `api/`), and
 * `middleware`/`proxy`/`instrumentation` beside them. Next looks for each router's folder at the
 * package root first and in src/ only when it is not there: with a root `app/`, `src/app` holds no
 * routes; with a root `pages/`, `src/pages` holds none (a root `pages/` beside `src/app` is fine).
 * `pageExtensions` in next.config narrows which files count. `next dev ./web` makes web/ the
 * project folder Next reads all of this from. Local loaders in Turbopack's rules
 * (`turbopack.rules`, formerly `experimental.turbo.rules`: `{ '*.svg': { loaders: ['./x.cjs'] } }`)
 * are loaded by path from the project folder. Applies to each package that depends on `next` or holds a next.config;
 * the kind comes from what runs `next` there (a `start` script or a deploy step: production).
 * next-intl's request config is loaded by its next.config plugin, not imported: the path given to
 * `createNextIntlPlugin('./x')` when literal, else `i18n/request.*` or `i18n.*` at the root or in src/.
 */
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { callsIn, configAt, configStrings } from '../../languages/javascript/config-value.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFileAt, dependsOn, enabledByPackages, filesIn, inNestedPackage, jsPackages, kindOf, positionalArgs, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^next\.config\.(js|mjs|cjs|ts|mts)$/;
const DEFAULT_EXTENSIONS = ['tsx', 'ts', 'jsx', 'js'];

/** The app router's special file names (https://nextjs.org/docs/app/api-reference/file-conventions). */
const APP_FILES = new Set([
  'page', 'layout', 'template', 'loading', 'error', 'global-error', 'not-found', 'global-not-found', 'forbidden', 'unauthorized',
  'default', 'route', 'opengraph-image', 'twitter-image', 'icon', 'apple-icon', 'sitemap', 'robots', 'manifest',
]);
/** Files Next.js loads from the project root or src/. */
const ROOT_FILES = new Set(['middleware', 'proxy', 'instrumentation', 'instrumentation-client', 'mdx-components']);

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['next'], CONFIG);

/** Which extensions are pages: next.config's `pageExtensions` when literal, else Next's default. */
const pageExtensions = (ctx: FrameworkContext, config: string | null, out: FrameworkOutput): { extensions: string[]; line?: number } => {
  if (config === null) return { extensions: DEFAULT_EXTENSIONS };
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'next');
  const declared = configAt(value, 'pageExtensions');
  if (!declared) return { extensions: DEFAULT_EXTENSIONS };
  const { strings, unknown } = configStrings(declared);
  warnUnread(out.diagnostics, 'next', config, unknown, 'pageExtensions');
  return unknown.length > 0 ? { extensions: DEFAULT_EXTENSIONS } : { extensions: strings.map((s) => s.value.replace(/^\./, '')), line: declared.line };
};

/** The page extensions as name endings, longest first (`.tsx` before `.ts`, as the old per-file sort put them): made once per package, not once per file. */
const pageSuffixes = (extensions: string[]): string[] => [...extensions].sort((a, b) => b.length - a.length).map((ext) => `.${ext}`);

/** `page.tsx` with suffixes [.tsx, .ts] → 'page'; null when its extension is not a page extension. */
const stem = (name: string, suffixes: readonly string[]): string | null => {
  for (const suffix of suffixes) if (name.endsWith(suffix)) return name.slice(0, -suffix.length);
  return null;
};

/** The `app`/`pages` folder a file sits under (relative to the package), the first one from the top. */
const routerOf = (relative: string): { router: 'app' | 'pages'; dir: string } | null => {
  const parts = relative.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    // pages/ only at the package root or src/ (a `pages` folder elsewhere is usually not Next's);
    // app/ anywhere: test apps and examples keep their own app folder under one package.
    if (parts[i] === 'pages' && (i === 0 || (i === 1 && parts[0] === 'src'))) return { router: 'pages', dir: parts.slice(0, i + 1).join('/') };
    if (parts[i] === 'app') return { router: 'app', dir: parts.slice(0, i + 1).join('/') };
  }
  return null;
};

/** True for a path at the root or directly in src/ (`middleware.ts`, `src/instrumentation.ts`). */
export const atTop = (relative: string): boolean => {
  const slash = relative.indexOf('/');
  return slash < 0 || (slash === 3 && relative.startsWith('src/') && relative.indexOf('/', 4) < 0);
};

/** Private folders (`_components`) and files under them are not routes in the app router. */
const isPrivate = (relative: string, routerDir: string): boolean =>
  relative.slice(routerDir.length + 1).split('/').slice(0, -1).some((segment) => segment.startsWith('_'));


/** next-intl's defaults (https://next-intl.dev/docs/usage/plugin), newest first. */
const INTL_DEFAULTS = ['i18n/request', 'src/i18n/request', 'i18n', 'src/i18n'];

/** The request config next-intl's plugin loads for this package, with the line that names it. */
const intlRequestConfig = (ctx: FrameworkContext, pkg: JsPackage, config: string | null): { file: string; how: string } | null => {
  if (!dependsOn(pkg, 'next-intl')) return null;
  const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  const text = config === null ? null : ctx.readText(config);
  if (config !== null && text !== null) {
    for (const call of callsIn(config, text, /^createNextIntlPlugin$/)) {
      const named = configStrings(call.args[0] ?? null).strings[0];
      if (!named) continue;
      const file = resolveToolPath(ctx, pkg.dir, named.value);
      if (file) return { file, how: `named by createNextIntlPlugin('${named.value}') at ${config}:${named.line}` };
    }
  }
  for (const stemPath of INTL_DEFAULTS) {
    const file = codeFileAt(ctx, `${prefix}${stemPath}`);
    if (file) return { file, how: `its default path ${stemPath}.*` };
  }
  return null;
};

/** Local loader files of Turbopack's rules in next.config, with the line that names each. */
const turbopackLoaders = (ctx: FrameworkContext, pkg: JsPackage, config: string, out: FrameworkOutput): { file: string; spec: string; line: number }[] => {
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'next');
  const found: { file: string; spec: string; line: number }[] = [];
  for (const rules of [configAt(value, 'turbopack', 'rules'), configAt(value, 'experimental', 'turbo', 'rules')]) {
    if (rules?.kind !== 'object') continue;
    for (const rule of rules.props.values()) {
      // A rule is `{ loaders, as }`, or a list of such (conditional rules).
      for (const r of rule.kind === 'array' ? rule.items : [rule]) {
        const loaders = configAt(r, 'loaders');
        for (const l of loaders?.kind === 'array' ? loaders.items : []) {
          const named = l.kind === 'string' ? l : configAt(l, 'loader');
          if (named?.kind !== 'string' || !/^\.{1,2}\//.test(named.value)) continue;
          const file = resolveToolPath(ctx, pkg.dir, named.value);
          if (file) found.push({ file, spec: named.value, line: named.line });
        }
      }
    }
  }
  return found;
};

/** Flags of next dev/build/start that take a value, so the value is not read as the project folder. */
const VALUE_FLAGS = ['-p', '--port', '-H', '--hostname', '--experimental-https-key', '--experimental-https-cert', '--experimental-https-ca', '--keepAliveTimeout', '--experimental-upload-trace', '--debug-prerender'];

/**
 * `next dev ./web`: the project folder a next command line names, which Next reads as its root
 * (its config, app/, pages/) instead of the folder it runs in; a nested package is read on its own.
 */
const projectDirs = (ctx: FrameworkContext, pkg: JsPackage): string[] => {
  const dirs = new Set<string>();
  for (const inv of toolInvocations(ctx, ['next']).filter((i) => i.cwd === pkg.dir)) {
    const [sub, folder] = positionalArgs(inv.args, VALUE_FLAGS);
    if (!['dev', 'build', 'start'].includes(sub ?? '') || folder === undefined) continue;
    const dir = joinRepo(pkg.dir, folder);
    if (dir !== null && dir !== pkg.dir && dir !== '' && isFolder(ctx.files, dir) && !jsPackages(ctx).some((p) => p.dir === dir)) dirs.add(dir);
  }
  return [...dirs];
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput, runDir = pkg.dir) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const suffixes = pageSuffixes(pageExtensions(ctx, config, out).extensions);
  const run = toolRun(ctx, runDir, ['next'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'next');
  const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  // Files of a nested package belong to it, not to this one.
  const nested = inNestedPackage(ctx, pkg);
  if (config) out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: Next.js config, loaded by ${why}` });
  for (const loader of config ? turbopackLoaders(ctx, pkg, config, out) : []) {
    out.entries.push({ source: config!, target: loader.file, targetKind: 'file', kind, evidence: `Turbopack loader "${loader.spec}" at ${config}:${loader.line}, loaded by ${why}` });
  }
  // Next's findPagesDir takes ./app over ./src/app and ./pages over ./src/pages, one router at a time
  // (https://nextjs.org/docs/app/api-reference/file-conventions/src-folder).
  const atRoot = (dir: string) => pathsWithPrefix(ctx.files, `${prefix}${dir}/`).some((f) => !nested(f));
  const shadowed = new Set(['app', 'pages'].filter(atRoot).map((dir) => `src/${dir}`));
  const intl = intlRequestConfig(ctx, pkg, config);
  if (intl) out.entries.push({ source: config ?? pkg.manifest, target: intl.file, targetKind: 'file', kind, evidence: `next-intl request config (${intl.how}), loaded by ${why}` });
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    if (file.includes('node_modules/')) continue;
    const relative = file.slice(prefix.length);
    // A router folder is a whole segment above the file: its name and a slash.
    const routed = relative.includes('app/') || relative.includes('pages/');
    // Next loads a file by its place only under a router folder or at the root or src/: a root
    // package holds every file of the repo, and most are neither, so they go before any name is made.
    if (!routed && !atTop(relative)) continue;
    const name = stem(basename(relative), suffixes);
    // A file's name rules most out before its folders are looked up (a root package holds every file of the repo).
    if (name === null || name.endsWith('.d') || nested(file)) continue;
    const folder = dirname(relative);
    let what: string | null = null;
    if ((folder === '' || folder === 'src') && ROOT_FILES.has(name)) what = `Next.js ${name} file`;
    else {
      const router = routed ? routerOf(relative) : null;
      if (router && shadowed.has(router.dir)) continue;
      if (router?.router === 'pages') what = 'Next.js pages router file';
      else if (router?.router === 'app' && APP_FILES.has(name) && !isPrivate(relative, router.dir)) what = `Next.js app router ${name} (${prefix}${router.dir})`;
    }
    if (what === null) continue;
    out.entries.push({ source: config ?? pkg.manifest, target: file, targetKind: 'file', kind, evidence: `${what}, loaded by ${why}` });
  }
};

const next: FrameworkReader = {
  id: 'next',
  title: 'Next.js (app and pages routers, middleware, instrumentation, next.config)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Next.js'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      collectPackage(ctx, pkg, out);
      for (const dir of projectDirs(ctx, pkg)) collectPackage(ctx, { ...pkg, dir }, out, pkg.dir);
    }
    return out;
  },
};

export default next;
