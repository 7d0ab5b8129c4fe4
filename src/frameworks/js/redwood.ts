/**
 * RedwoodJS loads most of an app by convention from the folder holding `redwood.toml`, not by
 * imports: each serverless function in `api/src/functions/` (a top-level file, `x/x.ts` or
 * `x/index.ts`, as `findApiServerFunctions` in @redwoodjs/internal lists them), the web side's
 * `web/src/entry.client` (the module script Redwood's Vite plugin puts in index.html), and every
 * `web/src/pages/**\/*Page.{js,jsx,ts,tsx}`, which the routes auto-loader babel plugin imports
 * into `web/src/Routes`. Its babel plugins also rewrite two kinds of import the resolver cannot
 * follow: a glob (`import services from 'src/services/**\/*.{js,ts}'`, babel-plugin-redwood-import-dir,
 * test and scenario files left out) and a directory-named one (`src/pages/FatalErrorPage` loads
 * `FatalErrorPage/FatalErrorPage.tsx`). `yarn rw exec NAME` runs `scripts/NAME`, and the root
 * package.json's `prisma.seed` names such a command. App files get the kind of what runs `rw`.
 */
import { warning } from '../../util/diagnostics.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { isRecord } from '../../manifests/json.js';
import { compileRepoGlob } from '../../util/glob.js';
import { pathsWithPrefix, pathsNamedLike } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFileAt, fileReference, kindOf, runEvidence, toolInvocations, toolRun } from './support.js';

const CODE = /\.[cm]?[jt]sx?$/;
const NOT_LOADED = /\.(test|scenarios|fixtures)\.|\.d\.ts$/;
const FUNCTION_FILE = /\.(js|ts)$/;
const PAGE_FILE = /Page\.(js|jsx|ts|tsx)$/;
const EXEC = /\b(?:rw|redwood)\s+exec\s+([\w./-]+)/;

/** Folders holding a redwood.toml: the roots of Redwood projects. */
const projects = (ctx: FrameworkContext): string[] => pathsNamedLike(ctx.files, { stems: ['redwood'] }, 'sorted').filter((f) => f.endsWith('redwood.toml') && basename(f) === 'redwood.toml' && !f.includes('node_modules/')).map(dirname);

const under = (ctx: FrameworkContext, dir: string): readonly string[] => pathsWithPrefix(ctx.files, dir === '' ? '' : `${dir}/`);
const at = (root: string, path: string): string => joinRepo(root, path) ?? path;

/** `api/src/functions/graphql.ts`, `health/health.ts` or `health/index.ts`: what Redwood serves as a function. */
const isFunction = (functions: string, file: string): boolean => {
  const rest = file.slice(functions.length + 1).split('/');
  if (rest.length === 1) return true;
  if (rest.length !== 2) return false;
  const name = rest[1].replace(/\.(js|ts)$/, '');
  return name === rest[0] || name === 'index';
};

/** The file a specifier names on a Redwood side: `src/…` is the side's src (its babel alias), `./…` the importer's folder. */
const specifierBase = (side: string, file: string, specifier: string): string | null =>
  specifier.startsWith('src/') ? joinRepo(side, specifier) : specifier.startsWith('.') ? joinRepo(dirname(file), specifier) : null;

const collectProject = (ctx: FrameworkContext, root: string, out: FrameworkOutput) => {
  const toml = at(root, 'redwood.toml');
  const run = toolRun(ctx, root, ['rw', 'redwood']);
  const kind = kindOf(run);
  const why = runEvidence(run, 'Redwood');
  const add = (target: string, what: string) => out.entries.push({ source: toml, target, targetKind: 'file', kind, evidence: `Redwood's ${what} (${toml}), loaded by ${why}` });

  const functions = at(root, 'api/src/functions');
  for (const file of under(ctx, functions)) if (FUNCTION_FILE.test(file) && !NOT_LOADED.test(file) && isFunction(functions, file)) add(file, `API function convention (${functions}/)`);
  const client = codeFileAt(ctx, at(root, 'web/src/entry.client'));
  if (client) add(client, 'web client entry (web/src/entry.client)');

  const routes = codeFileAt(ctx, at(root, 'web/src/Routes'));
  if (routes) {
    const pages = at(root, 'web/src/pages');
    for (const page of under(ctx, pages)) if (PAGE_FILE.test(page)) out.references.push(fileReference(routes, page, undefined, `imported into ${routes} by Redwood's routes auto-loader (every ${pages}/**/*Page file)`));
  }

  for (const sideName of ['api', 'web']) {
    const side = at(root, sideName);
    for (const file of under(ctx, side)) {
      if (!CODE.test(file) || file.includes('node_modules/')) continue;
      for (const imp of ctx.facts(file)?.imports ?? []) {
        const base = specifierBase(side, file, imp.specifier);
        if (base === null) continue;
        if (imp.specifier.includes('**')) {
          const folder = base.slice(0, base.indexOf('*')).replace(/\/[^/]*$/, '');
          const match = compileRepoGlob(base.slice(folder.length + 1), (reason) => out.diagnostics.push(warning('redwood/glob-import', reason, file, imp.line)));
          for (const target of under(ctx, folder)) {
            if (CODE.test(target) && !NOT_LOADED.test(target) && match(target.slice(folder.length + 1))) out.references.push(fileReference(file, target, imp.line, `imported by ${file}:${imp.line} through the glob "${imp.specifier}" (Redwood's import-dir babel plugin)`));
          }
        } else if (!codeFileAt(ctx, base) && !codeFileAt(ctx, `${base}/index`)) {
          const named = codeFileAt(ctx, `${base}/${basename(base)}`);
          if (named) out.references.push(fileReference(file, named, imp.line, `imported by ${file}:${imp.line} as "${imp.specifier}" (a directory-named import, which Redwood's babel plugin loads from ${basename(base)}/${basename(named)})`));
        }
      }
    }
  }

  // `yarn rw exec NAME` runs scripts/NAME; prisma runs the root package.json's prisma.seed command on `prisma db seed` and `migrate reset`.
  const scripts: { name: string; evidence: string }[] = [];
  const manifest = at(root, 'package.json');
  const prisma = packageJsonObject(ctx.manifests, manifest)?.prisma;
  const seed = isRecord(prisma) && typeof prisma.seed === 'string' ? EXEC.exec(prisma.seed) : null;
  if (seed) scripts.push({ name: seed[1], evidence: `${manifest} prisma.seed "${isRecord(prisma) ? String(prisma.seed) : ''}" (run by prisma db seed)` });
  for (const call of toolInvocations(ctx, ['rw', 'redwood'])) if (call.args[0] === 'exec' && call.args[1] && (call.cwd === root || call.cwd.startsWith(`${root}/`) || root === '')) scripts.push({ name: call.args[1], evidence: call.evidence });
  for (const s of scripts) {
    const file = codeFileAt(ctx, at(root, `scripts/${s.name}`));
    if (file) out.entries.push({ source: manifest, target: file, targetKind: 'file', kind: 'tooling', evidence: `${s.evidence}: yarn rw exec runs scripts/${s.name}` });
  }
};

const redwood: FrameworkReader = {
  id: 'redwood',
  title: 'RedwoodJS (API functions, web client entry, auto-loaded pages, glob and directory-named imports, rw exec scripts)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = projects(ctx);
    return found.length === 0 ? null : `${at(found[0], 'redwood.toml')} marks a Redwood project${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const root of projects(ctx)) collectProject(ctx, root, out);
    return out;
  },
};

export default redwood;
