/**
 * What a folder expression (folder-expr.ts) may refer to in a scan: the workspace packages by
 * their package.json name, and the settings an nconf config module's JSON files settle
 * (nconf-config.ts), and a folder held on an object and read elsewhere (`obj.parent.webPublicPath`:
 * property-folder.ts) or in an environment variable (`process.env.UIX_BASE_PATH`: env-folders.ts), the package holding a module (a package-root helper given the module's own
 * URL: folder-expr.ts packageRootCall). Built once per scan and shared by the readers that follow folders.
 */
import type { FolderScope } from '../../languages/javascript/folder-expr.js';
import { nconfFolder } from './nconf-config.js';
import { propertyFolder } from './property-folder.js';
import { envFolder, isEnvRead } from './env-folders.js';
import { enclosingPackages, jsPackages, type JsPackage } from './support.js';
import type { FrameworkContext } from '../types.js';
import { isFolder } from '../../util/file-index.js';
import { exportsSubpathMap } from '../../manifests/package-exports.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';

/** The conditions `require.resolve` matches in Node. */
const REQUIRE_CONDITIONS = new Set(['require', 'node', 'node-addons', 'default']);

/**
 * An export target's path for `require`: a string, or, as Node reads a conditions object, the
 * first key in document order that is one of its conditions and gives a target
 * (`{"node": "./dist/node/x.js", "require": "./dist/cjs/x.js"}` is the node one).
 */
export const requireTarget = (value: unknown, depth = 0): string | null => {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 3) return null;
  for (const [key, target] of Object.entries(value as Record<string, unknown>)) {
    if (!REQUIRE_CONDITIONS.has(key)) continue;
    const found = requireTarget(target, depth + 1);
    if (found !== null) return found;
  }
  return null;
};

/** The folder of the file `require.resolve(name)` gives: the package's `exports` "." (or a bare target), else `main`, else index.js. */
const entryDir = (ctx: FrameworkContext, pkg: JsPackage): string => {
  const exports = pkg.json.exports;
  const dot = exports === undefined ? undefined : exportsSubpathMap(exports)['.'];
  const target = requireTarget(dot) ?? (typeof pkg.json.main === 'string' ? pkg.json.main : 'index.js');
  const path = joinRepo(pkg.dir, target.replace(/^\.\//, ''));
  if (path === null) return pkg.dir;
  // `main: "lib"`: a folder (its index file); else the file's folder.
  return !ctx.files.has(path) && !ctx.files.has(`${path}.js`) && isFolder(ctx.files, path) ? path : dirname(path);
};

export const folderScopeOf = perScan((ctx): FolderScope => {
  const byName = new Map<string, JsPackage>();
  for (const p of jsPackages(ctx)) if (typeof p.json.name === 'string' && !byName.has(p.json.name)) byName.set(p.json.name, p);
  const scope: FolderScope = {
    packageDir: (name) => byName.get(name)?.dir ?? null,
    packageEntryDir: (name) => {
      const pkg = byName.get(name);
      return pkg === undefined ? null : entryDir(ctx, pkg);
    },
    // `process.env.NAME` is an environment variable, set by `process.env.NAME = …` (env-folders.ts), not a property of an object.
    setting: (expr, file, text) =>
      expr.includes('.get(') ? nconfFolder(ctx, file, text, expr) : isEnvRead(expr) ? envFolder(ctx, expr, scope, file) : propertyFolder(ctx, expr, scope),
    ownPackageDir: (file) => enclosingPackages(ctx, dirname(file))[0]?.dir ?? null,
    holds: (path) => ctx.files.has(path) || isFolder(ctx.files, path),
  };
  return scope;
});
