/**
 * What a folder expression (folder-expr.ts) may refer to in a scan: the workspace packages by
 * their package.json name, and the settings an nconf config module's JSON files settle
 * (nconf-config.ts), and a folder held on an object and read elsewhere (`obj.parent.webPublicPath`:
 * property-folder.ts), the package holding a module (a package-root helper given the module's own
 * URL: folder-expr.ts packageRootCall). Built once per scan and shared by the readers that follow folders.
 */
import type { FolderScope } from '../../languages/javascript/folder-expr.js';
import { nconfFolder } from './nconf-config.js';
import { propertyFolder } from './property-folder.js';
import { enclosingPackages, jsPackages, type JsPackage } from './support.js';
import type { FrameworkContext } from '../types.js';
import { isFolder } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';

/** An export target's path for `require`: a string, or a conditions object's `require`/`node`/`default` one. */
const requireTarget = (value: unknown, depth = 0): string | null => {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 3) return null;
  const conditions = value as Record<string, unknown>;
  for (const key of ['require', 'node', 'default']) {
    const found = requireTarget(conditions[key], depth + 1);
    if (found !== null) return found;
  }
  return null;
};

/** The folder of the file `require.resolve(name)` gives: the package's `exports` "." (or a bare target), else `main`, else index.js. */
const entryDir = (ctx: FrameworkContext, pkg: JsPackage): string => {
  const exports = pkg.json.exports;
  const dot = exports !== null && typeof exports === 'object' && !Array.isArray(exports) && '.' in exports ? (exports as Record<string, unknown>)['.'] : exports;
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
    setting: (expr, file, text) => (expr.includes('.get(') ? nconfFolder(ctx, file, text, expr) : propertyFolder(ctx, expr, scope)),
    ownPackageDir: (file) => enclosingPackages(ctx, dirname(file))[0]?.dir ?? null,
    holds: (path) => ctx.files.has(path) || isFolder(ctx.files, path),
  };
  return scope;
});
