/**
 * Astro builds a site from folders: every page under `src/pages` (`.astro`, `.md`, `.mdx`,
 * `.html`, and `.js`/`.ts` endpoints), except files and folders whose name starts with `_`,
 * which Astro leaves out of routing; `src/middleware` (a file or a folder's index); the content
 * collections config (`src/content.config.*`, legacy `src/content/config.*`, `src/live.config.*`);
 * and actions (`src/actions/index.*`); with `@astrojs/db`, `db/config` and `db/seed`; with
 * `@astrojs/markdoc`, markdoc.config.* and the components its `component('./src/x.astro')` calls
 * render tags and nodes with (paths from the project root). astro.config's
 * `srcDir` moves `src` (imports through its `vite.resolve.alias` resolve in the import resolver).
 * All with the kind of what runs astro in the package.
 */
import { callsIn, configAt, configStrings } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, configDir, dependsOn, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^astro\.config\.[cm]?[jt]s$/;
const PAGE = /\.(astro|md|mdx|markdown|html|[cm]?[jt]s)$/;
const MARKDOC_CONFIG = /^markdoc\.config\.[cm]?[jt]s$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['astro'], CONFIG);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value = config ? readToolConfig(ctx, config, out.diagnostics, 'astro').value : null;
  const src = configDir(pkg.dir, configAt(value, 'srcDir'), 'src');
  const run = toolRun(ctx, pkg.dir, ['astro'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'astro');
  const source = config ?? pkg.manifest;
  const add = (target: string, what: string) => out.entries.push({ source, target, targetKind: 'file', kind, evidence: `Astro ${what}, loaded by ${why}` });
  const pages = src === '' ? 'pages' : `${src}/pages`;
  for (const file of packageFilesUnder(ctx, pkg, pages)) {
    if (!PAGE.test(file) || file.endsWith('.d.ts')) continue;
    // `_components/x.astro`, `_util.ts`: Astro does not route files or folders starting with `_`.
    if (file.slice(pages.length + 1).split('/').some((part) => part.startsWith('_'))) continue;
    add(file, `page (${pages}/)`);
  }
  const at = (name: string) => `${src === '' ? '' : `${src}/`}${name}`;
  for (const [base, what] of [['middleware', 'middleware'], ['middleware/index', 'middleware'], ['content.config', 'content collections config'], ['content/config', 'content collections config'], ['live.config', 'live content config'], ['actions/index', 'actions'], ['actions', 'actions']] as const) {
    const file = codeFileAt(ctx, at(base));
    if (file) add(file, what);
  }
  // Astro DB loads db/config and db/seed from the package root, not from srcDir.
  if (dependsOn(pkg, '@astrojs/db')) {
    for (const base of ['db/config', 'db/seed']) {
      const file = codeFileAt(ctx, pkg.dir === '' ? base : `${pkg.dir}/${base}`);
      if (file) add(file, `DB ${base.slice(3)}`);
    }
  }
  // @astrojs/markdoc loads markdoc.config.* and renders tags with the components it names.
  if (dependsOn(pkg, '@astrojs/markdoc')) {
    for (const markdoc of filesIn(ctx, pkg.dir, MARKDOC_CONFIG)) {
      add(markdoc, 'Markdoc config');
      const text = ctx.readText(markdoc);
      if (text === null || !text.includes('component(')) continue;
      for (const call of callsIn(markdoc, text, /^component$/)) {
        const named = configStrings(call.args[0] ?? null).strings[0];
        const file = named ? resolveToolPath(ctx, pkg.dir, named.value) : null;
        if (file) out.entries.push({ source: markdoc, target: file, targetKind: 'file', kind, evidence: `Astro Markdoc component('${named!.value}') at ${markdoc}:${named!.line}, loaded by ${why}` });
      }
    }
  }
};

const astro: FrameworkReader = {
  id: 'astro',
  title: 'Astro (src/pages routes and endpoints, middleware, content config, actions)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Astro'),
  collect: eachPackage(packages, collectPackage),
};

export default astro;
