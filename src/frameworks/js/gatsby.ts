/**
 * Gatsby builds a site from conventions: every component under `src/pages` is a page
 * (gatsby-plugin-page-creator, always on, leaves out `template-*`, `__tests__/`, `*.test.*`,
 * `*.spec.*`, `*.d.ts`, and names starting with `_` or `.`); every module under `src/api` is a
 * Gatsby Function (the same `_` and test rules); the site's API files at its root
 * (`gatsby-config`, `gatsby-node`, `gatsby-browser`, `gatsby-ssr`) are loaded by name; and
 * `gatsby-node`'s `createPage({ component: path.resolve('./src/templates/post.js') })` names page
 * templates by a path from the site's folder, which is where `gatsby` runs. All with the kind of
 * what runs gatsby in the package.
 */
import { joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const API_FILE = /^gatsby-(config|node|browser|ssr)\.([cm]?[jt]sx?)$/;
const NODE_API = /^gatsby-node\.[cm]?[jt]sx?$/;
const CODE = /\.[jt]sx?$/;
/** What gatsby-plugin-page-creator leaves out, beside names starting with `_` or `.` anywhere on the path. */
const NOT_A_PAGE = /\.(test|spec)\.[jt]sx?$|\.d\.tsx?$|(^|\/)__tests__\//;
/** A path from the site's folder to a code file under src/: `./src/templates/blog-post.js`, `src/templates/x.tsx`. */
const SITE_PATH = /(['"`])((?:\.\/)?src\/[^'"`$\n]+\.[cm]?[jt]sx?)\1/g;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['gatsby'], API_FILE);

/** A path below a routes folder that Gatsby skips: a segment starting with `_` or `.`, or a test, a declaration. */
const skipped = (relative: string): boolean => NOT_A_PAGE.test(relative) || relative.split('/').some((part) => part.startsWith('_') || part.startsWith('.'));

/** A line that is a comment (`// exports.createPages = …`, ` * component: …`): its paths load nothing. */
const commentedAt = (text: string, index: number): boolean => {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const head = text.slice(start, index).trimStart();
  return head.startsWith('//') || head.startsWith('*') || head.startsWith('/*');
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['gatsby'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'gatsby');
  const at = (p: string) => (pkg.dir === '' ? p : `${pkg.dir}/${p}`);
  const add = (source: string, target: string, what: string, line?: number) =>
    out.entries.push({ source, target, targetKind: 'file', kind, ...(line ? { line } : {}), evidence: `Gatsby ${what}, loaded by ${why}` });
  const apiFiles = filesIn(ctx, pkg.dir, API_FILE);
  for (const file of apiFiles) add(pkg.manifest, file, `API file ${file.slice(file.lastIndexOf('/') + 1)}`);
  for (const [folder, what] of [['src/pages', 'page'], ['src/api', 'Function']] as const) {
    const dir = at(folder);
    for (const file of packageFilesUnder(ctx, pkg, dir)) {
      const relative = file.slice(dir.length + 1);
      if (!CODE.test(file) || skipped(relative) || (what === 'page' && relative.split('/').some((part) => part.startsWith('template-')))) continue;
      add(pkg.manifest, file, `${what} (${dir}/)`);
    }
  }
  for (const node of apiFiles.filter((f) => NODE_API.test(f.slice(f.lastIndexOf('/') + 1)))) {
    const text = ctx.readText(node);
    if (text === null) continue;
    for (const m of text.matchAll(SITE_PATH)) {
      const target = joinRepo(pkg.dir, m[2]);
      if (target === null || !ctx.files.has(target) || commentedAt(text, m.index)) continue;
      const line = lineAt(text, m.index);
      add(node, target, `page template "${m[2]}" named in ${node}:${line} (createPage's component, a path from the site's folder)`, line);
    }
  }
};

const gatsby: FrameworkReader = {
  id: 'gatsby',
  title: 'Gatsby (src/pages, src/api Functions, the gatsby-* API files, createPage templates)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Gatsby'),
  collect: eachPackage(packages, collectPackage),
};

export default gatsby;
