/**
 * One unresolved JS/TS import → what is wrong with it: a relative or alias path that names no
 * repo file, a package declared in the nearest package.json but absent from node_modules, a
 * package that package.json does not declare, or a devDependency that production code imports.
 */
import type { Edge } from '../../model/edge.js';
import type { Verdict } from '../../model/verdict.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { DependencyField, JavaScriptEnvironment, PackageManifest } from './javascript-env.js';
import type { Failure } from './types.js';

export interface JavaScriptTriageContext {
  env: JavaScriptEnvironment;
  /** The verdict of the importing file (every edge classified under one context comes from that file). */
  importerVerdict: Verdict | undefined;
  /** The file the import names but for case, when there is one (graph/import-edges.ts). */
  caseTwin?: string;
}

const isPath = (s: string): boolean => s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
const isUrlLike = (s: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(s);
/** What npm accepts as a package name; `@/components` and `~/utils` are bundler aliases census does not know. */
const isPackageName = (s: string): boolean => /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i.test(s) && !s.startsWith('~');

/** `@scope/pkg/sub` → `@scope/pkg`; `lodash/fp` → `lodash`. */
const packageNameOf = (specifier: string): string => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
};

/** The DefinitelyTyped package for a name: `@types/node`, `@types/babel__core`. */
const typesPackageOf = (pkg: string): string => `@types/${pkg.startsWith('@') ? pkg.slice(1).replace('/', '__') : pkg}`;

/** The field of `m` that declares `pkg`, else `types` (its @types package when the import is type-only). */
const declarationIn = (m: PackageManifest, pkg: string, types: string | null): { field: DependencyField; manifest: PackageManifest } | undefined => {
  const field = m.declared.get(pkg) ?? (types === null ? undefined : m.declared.get(types));
  return field === undefined ? undefined : { field, manifest: m };
};

const notFound = (edge: Edge, caseTwin?: string): Failure => {
  const path = isPath(edge.specifier) ? (joinRepo(dirname(edge.from), edge.specifier) ?? edge.specifier) : edge.specifier;
  const inWorkspace = edge.package !== undefined && !isPath(edge.specifier);
  if (caseTwin !== undefined) {
    return {
      base: 'broken-internal', rootCause: path, fails: true,
      reality: `${caseTwin} differs only in case: found on macOS and Windows, not on Linux`,
      action: `write the import as the file is named (${caseTwin})`,
      detail: `${edge.specifier} from ${edge.from} names ${path}, which does not exist; ${caseTwin} differs from it only in case, so the import works on case-insensitive file systems (macOS, Windows) and fails on Linux`,
    };
  }
  return {
    base: 'broken-internal', rootCause: path, fails: true,
    reality: inWorkspace ? `the repo's package ${edge.package} has no such module` : 'not in the repo',
    action: 'fix the import or restore the module',
    detail: isPath(edge.specifier) ? `${edge.specifier} from ${edge.from} names ${path}, which does not exist` : `${edge.specifier} matches no file in the repo`,
  };
};

const BUILD_FOLDERS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs', '.next', '.output', '.nuxt', '.svelte-kit']);

/**
 * `./dist/cli.js` when the repo has nothing under dist/: output of a build that has not run here
 * (build folders are gitignored), so missing from this environment, not a broken import.
 */
const unbuiltOutput = (edge: Edge, ctx: JavaScriptTriageContext): Failure | null => {
  if (!isPath(edge.specifier)) return null;
  const path = joinRepo(dirname(edge.from), edge.specifier);
  if (path === null) return null;
  const parts = path.split('/');
  const at = parts.findIndex((p, i) => i < parts.length - 1 && BUILD_FOLDERS.has(p));
  if (at < 0) return null;
  const folder = parts.slice(0, at + 1).join('/');
  if (ctx.env.hasFilesUnder(folder)) return null;
  return {
    base: 'missing-from-environment', rootCause: folder, fails: true,
    reality: 'build output, not built here',
    action: `run the build that writes ${folder}/`,
    detail: `${edge.specifier} from ${edge.from} names ${path}, in the build output folder ${folder}/, which this checkout does not have`,
  };
};

export const classifyJavaScriptImport = (edge: Edge, ctx: JavaScriptTriageContext): Failure | null => {
  if (edge.to !== null || edge.unresolved === undefined || edge.unresolved === 'builtin' || edge.unresolved === 'dynamic' || edge.unresolved === 'stdlib') return null;
  if (edge.unresolved === 'not-found') return unbuiltOutput(edge, ctx) ?? notFound(edge, ctx.caseTwin);
  if (isUrlLike(edge.specifier)) return null;
  const pkg = edge.package ?? packageNameOf(edge.specifier);
  if (!isPackageName(pkg) || ctx.env.repoPackageNames.has(pkg)) return null;
  const typeOnly = edge.kind === 'type-import';
  const manifest = ctx.env.manifestFor(edge.from);
  if (manifest && !manifest.readable) return null;
  // A type-only import is also satisfied by its DefinitelyTyped package. The first manifest that
  // declares either name, nearest first (a workspace root's dependencies are installed for every
  // package below it, hoisted, so they count as declared): asked of about 5,400 package imports on
  // payload, so loops, not a list of candidates and manifests per import.
  const types = typeOnly ? typesPackageOf(pkg) : null;
  let declaredAs: { field: DependencyField; manifest: PackageManifest } | undefined;
  if (manifest) {
    declaredAs = declarationIn(manifest, pkg, types);
    if (!declaredAs) {
      for (const root of ctx.env.workspaceRootsFor(edge.from)) if ((declaredAs = declarationIn(root, pkg, types))) break;
    }
  }
  const own = ctx.env.isInstalled(edge.from, pkg);
  const typesInstalled = types === null ? null : ctx.env.isInstalled(edge.from, types);
  const installed = own === true || typesInstalled === true ? true : own === false || typesInstalled === false ? false : null;
  const manifestName = declaredAs?.manifest.file ?? manifest?.file ?? 'package.json';

  if (declaredAs) {
    if (installed === false) {
      return {
        base: 'missing-from-environment', rootCause: pkg, fails: true,
        reality: 'declared, not installed',
        action: `install it: npm install (${pkg} is in ${manifestName} ${declaredAs.field})`,
        detail: `declared in ${manifestName} (${declaredAs.field}); not in node_modules`,
      };
    }
    if (declaredAs.field === 'devDependencies' && !typeOnly && ctx.importerVerdict === 'production') {
      return {
        base: 'undeclared', rootCause: pkg, fails: false,
        reality: 'devDependency used by production code',
        action: `move ${pkg} from devDependencies to dependencies in ${manifestName}`,
        detail: `devDependency used by production code: ${manifestName} lists ${pkg} under devDependencies, which production installs leave out`,
      };
    }
    return null;
  }
  return {
    base: 'undeclared', rootCause: pkg, fails: installed !== true,
    reality: !manifest ? 'no package.json declares it'
      : installed === true ? `installed, not declared in ${manifestName}`
      : installed === false ? 'not declared, not installed'
      : `not declared in ${manifestName}`,
    action: `add ${pkg} to ${manifest ? `${manifestName} dependencies` : 'a package.json'} (npm install ${pkg}), or remove the import`,
    detail: manifest ? `${manifestName} does not declare ${pkg}${installed === true ? ' (it is in node_modules, perhaps as another package\'s dependency)' : ''}` : `no package.json above ${edge.from} declares ${pkg}`,
  };
};
