/**
 * Convex deploys a folder, not an entry: `convex deploy` (and `convex dev`) bundles every module of
 * the functions folder (`convex/`, or convex.json's `functions`) as the backend, `schema.ts`,
 * `http.ts`, `crons.ts` and `*.config.ts` included, so each is a production root. Left out, as
 * Convex leaves them out: `_generated/` (written by `convex codegen`, imported by the functions,
 * and a tooling root here, since its `.d.ts` files are the functions' types and nothing imports a
 * `.d.ts` by path), dot-files, `.d.ts` files and test files (`*.test.ts`, the test runners' to judge).
 * The reader applies to a package that depends on `convex`, has a convex.json, or holds the
 * `_generated/` folder codegen writes.
 */
import { configAt } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configDir, dependsOn, eachPackage, enabledByPackages, filesIn, jsPackages, packageFilesUnder, readToolConfig, type JsPackage } from './support.js';
import { isFolder } from '../../util/file-index.js';

const CONFIG = /^convex\.json$/;
const CODE = /\.([cm]?[jt]sx?)$/;

/** The functions folder of a package: convex.json's `functions`, else `convex/`. */
const functionsDir = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput | null): string => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0];
  const value = config ? readToolConfig(ctx, config, out?.diagnostics ?? [], 'convex').value : null;
  return configDir(pkg.dir, configAt(value, 'functions'), 'convex');
};

const packages = (ctx: FrameworkContext): JsPackage[] =>
  jsPackages(ctx).filter((p) => dependsOn(p, 'convex') || filesIn(ctx, p.dir, CONFIG).length > 0 || isFolder(ctx.files, `${functionsDir(ctx, p, null)}/_generated`));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const dir = functionsDir(ctx, pkg, out);
  const source = filesIn(ctx, pkg.dir, CONFIG)[0] ?? pkg.manifest;
  const generated = `${dir}/_generated/`;
  for (const file of packageFilesUnder(ctx, pkg, dir)) {
    if (!CODE.test(file)) continue;
    if (file.startsWith(generated)) {
      out.entries.push({ source, target: file, targetKind: 'file', kind: 'tooling', evidence: `Convex generated code (${generated}, written by convex codegen / convex dev)` });
      continue;
    }
    const rest = file.slice(dir.length + 1);
    if (rest.split('/').some((part) => part.startsWith('.')) || file.endsWith('.d.ts') || /\.(test|spec)\.[cm]?[jt]sx?$/.test(file)) continue;
    out.entries.push({ source, target: file, targetKind: 'file', kind: 'production', evidence: `Convex function module (${dir}/), deployed by convex deploy` });
  }
};

const convex: FrameworkReader = {
  id: 'convex',
  title: 'Convex (every module of the functions folder, and its generated code)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Convex'),
  collect: eachPackage(packages, collectPackage),
};

export default convex;
