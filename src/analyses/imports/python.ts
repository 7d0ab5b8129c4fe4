/**
 * One unresolved Python import → what is wrong with it, checked against the environment model
 * (src/languages/python/env): a module missing from the repo, a package declared but not
 * installed, a package declared nowhere, a standard-library module the target Python dropped.
 * Imports that work (stdlib, installed, declared when only manifests are known) give null.
 */
import type { Edge } from '../../model/edge.js';
import type { FileFacts } from '../../model/facts.js';
import { describeImportName, type PythonEnvironment } from '../../languages/python/env/index.js';
import type { DeclarationSource } from '../../languages/python/env/declared.js';
import { byString } from '../../util/compare.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { Failure } from './types.js';

export interface PythonTriageContext {
  env: PythonEnvironment;
  /** Every repo file (repo-relative). */
  files: ReadonlySet<string>;
  facts: ReadonlyMap<string, FileFacts>;
}

/** What replaces a removed standard-library module. */
const REPLACEMENTS: Record<string, string> = {
  distutils: 'setuptools, sysconfig or shutil',
  imp: 'importlib',
  asynchat: 'asyncio',
  asyncore: 'asyncio',
  smtpd: 'aiosmtpd',
  telnetlib: 'telnetlib3',
  crypt: 'hashlib or passlib',
  pipes: 'shlex',
  imghdr: 'filetype or Pillow',
  cgi: 'email.message and urllib.parse',
  uu: 'base64',
  lib2to3: 'a maintained parser (libcst, parso)',
};

const where = (s: DeclarationSource): string => `${s.file}:${s.line}${s.group ? ` [${s.group}]` : ''}`;

const environmentName = (env: PythonEnvironment): string =>
  env.mode === 'venv' && env.detected ? env.detected.display
  : env.mode === 'interpreter' && env.interpreter ? `the environment of ${env.interpreter.requested}`
  : 'the environment';

const distributionName = (env: PythonEnvironment, key: string): string =>
  env.declared.byName.get(key)?.name ?? env.installed?.distributions.get(key)?.name ?? key;

/** `..pkg.mod` imported by `a/b/c.py` → `a/pkg/mod` (a repo path), or the specifier when it leaves the repo. */
const relativeModulePath = (from: string, specifier: string): string => {
  const level = /^\.*/.exec(specifier)![0].length;
  let base = dirname(from);
  for (let i = 1; i < level; i++) base = dirname(base);
  return joinRepo(base, specifier.slice(level).split('.').join('/')) ?? specifier;
};

/** The folder a search root `via` names: `root` → '', `src-root:src` → 'src'. */
const rootDirOf = (via: string | undefined): string | null => {
  if (via === 'root') return '';
  const i = via?.indexOf(':') ?? -1;
  if (via === undefined || i < 0) return null;
  const dir = via.slice(i + 1);
  return dir === '.' ? '' : dir;
};

/** A regular module or package (not a bare namespace folder) named `top` directly in `dir`. */
const hasRegularModule = (files: ReadonlySet<string>, dir: string, top: string): boolean => {
  const base = dir === '' ? top : `${dir}/${top}`;
  return ['.py', '.pyi', '/__init__.py', '/__init__.pyi'].some((suffix) => files.has(`${base}${suffix}`));
};

const stdlibRemoved = (module: string, removedIn: string | undefined, version: string | undefined): Failure => {
  const top = module.split('.')[0];
  const replacement = REPLACEMENTS[top];
  return {
    base: 'stdlib-removed',
    rootCause: top,
    reality: `removed from the standard library in Python ${removedIn ?? '3'}`,
    action: replacement ? `replace it with ${replacement}` : 'replace it, or pin an older Python',
    detail: `${module} is not in the standard library of Python ${version ?? removedIn ?? '3'} (removed in ${removedIn ?? 'a later version'})`,
    fails: true,
  };
};

const external = (edge: Edge, ctx: PythonTriageContext): Failure | null => {
  const env = ctx.env;
  const d = describeImportName(env, edge.specifier);
  const top = edge.package ?? edge.specifier.split('.')[0];
  switch (d.status) {
    case 'stdlib':
    case 'declared':
      return null;
    case 'stdlib-removed':
      return stdlibRemoved(edge.specifier, d.removedIn, env.pythonVersion ?? env.minPythonVersion);
    case 'installed': {
      if (d.declaredIn.length > 0 || env.declared.manifests.length === 0) return null;
      const name = d.distributions.length > 0 ? distributionName(env, [...d.distributions].sort(byString)[0]) : top;
      return {
        base: 'undeclared', rootCause: name, fails: false,
        reality: `installed in ${environmentName(env)}, declared in no manifest`,
        action: `declare ${name} in the project's dependencies (${env.declared.manifests[0]})`,
        detail: `${name} is installed here (perhaps as another package's dependency) but no manifest declares it`,
      };
    }
    case 'declared-not-installed': {
      const names = [...new Set(d.distributions.map((k) => distributionName(env, k)))].sort(byString);
      const declaredAt = d.declaredIn.map(where).sort(byString);
      return {
        base: 'missing-from-environment', rootCause: names[0] ?? top, fails: true,
        reality: 'declared, not installed',
        action: `install it in ${environmentName(env)}: pip install ${names[0] ?? top}${declaredAt.length ? ` (declared in ${declaredAt[0]})` : ''}`,
        detail: `declared in ${declaredAt.join(', ') || 'a manifest'}; not installed in ${environmentName(env)}`,
      };
    }
    case 'undeclared': {
      const manifestsOnly = env.installed === undefined;
      return {
        base: 'undeclared', rootCause: top, fails: true,
        reality: manifestsOnly ? 'declared in no manifest' : 'not declared, not installed',
        action: `declare ${top} in the project's dependencies (its distribution name may differ) and install it, or remove the import`,
        detail: manifestsOnly ? `no manifest declares ${top}` : `no manifest declares ${top} and ${environmentName(env)} does not have it`,
      };
    }
  }
};

/** A module the resolver found in the repo, but away from the importer's search path. */
const notOnPath = (edge: Edge, location: string, ctx: PythonTriageContext): Failure | null => {
  const top = edge.package ?? edge.specifier.split('.')[0];
  const env = ctx.env;
  // An editable install or .pth line may put that folder on sys.path after all.
  if (env.installed?.editablePaths.some((p) => hasRegularModule(ctx.files, p, top))) return null;
  const d = describeImportName(env, edge.specifier);
  if (d.status === 'installed' || d.status === 'declared') return null;
  // A third-party package that merely shares its name with some repo folder.
  if (d.status === 'declared-not-installed') return external(edge, ctx);
  const module = location.replace(/\/__init__\.pyi?$/, '');
  const folder = dirname(module) || '.';
  return {
    base: 'broken-internal', rootCause: top, fails: true,
    reality: `in the repo (${module}), but not on the import path of its importers`,
    action: `install that package or put ${folder} on the import path (PYTHONPATH), or fix the import`,
    detail: `${top} exists in the repo (${location}) but not on this file's import path`,
  };
};

/** Modules every interpreter has, whatever the repo holds: `import __main__` is never a repo file. */
const ALWAYS_PRESENT = new Set(['__main__', '__future__', 'builtins', 'sys']);

/**
 * Per environment, the specifiers of standard-library and third-party imports that work (null):
 * whether such an import works depends on its specifier alone (the environment does not change
 * once loaded), and saleor classifies about 9,300 such edges of a few hundred names. A failure is
 * made afresh for each edge (it names the edge's own package).
 */
const workingImports = new WeakMap<PythonEnvironment, { stdlib: Set<string>; external: Set<string> }>();

export const classifyPythonImport = (edge: Edge, ctx: PythonTriageContext): Failure | null => {
  if (edge.to !== null) return null;
  const unresolved = edge.unresolved;
  if (unresolved !== 'stdlib' && unresolved !== 'external') return classifyOnce(edge, ctx);
  let works = workingImports.get(ctx.env);
  if (works === undefined) workingImports.set(ctx.env, (works = { stdlib: new Set(), external: new Set() }));
  const known = unresolved === 'stdlib' ? works.stdlib : works.external;
  if (known.has(edge.specifier)) return null;
  const failure = classifyOnce(edge, ctx);
  if (failure === null) known.add(edge.specifier);
  return failure;
};

const classifyOnce = (edge: Edge, ctx: PythonTriageContext): Failure | null => {
  if (edge.to !== null || edge.unresolved === undefined || edge.unresolved === 'dynamic' || edge.unresolved === 'builtin') return null;
  if (ALWAYS_PRESENT.has(edge.specifier.split('.')[0])) return null;
  if (edge.unresolved === 'stdlib') {
    if (edge.specifier === '__future__' || edge.specifier === '') return null;
    const d = describeImportName(ctx.env, edge.specifier);
    if (d.status === 'stdlib-removed') return stdlibRemoved(edge.specifier, d.removedIn, ctx.env.pythonVersion ?? ctx.env.minPythonVersion);
    if (d.status === 'undeclared' && ctx.env.pythonVersion) {
      // In some Python's standard library, not in this one's (tomllib before 3.11).
      return {
        base: 'undeclared', rootCause: edge.specifier.split('.')[0], fails: true,
        reality: `not in the standard library of Python ${ctx.env.pythonVersion}`,
        action: 'use a backport from PyPI or a newer Python',
        detail: `${edge.specifier} is not in the standard library of Python ${ctx.env.pythonVersion}`,
      };
    }
    return null;
  }
  if (edge.unresolved === 'external') return external(edge, ctx);
  // not-found
  if (edge.specifier.startsWith('.')) {
    const path = relativeModulePath(edge.from, edge.specifier);
    return {
      base: 'broken-internal', rootCause: path, fails: true,
      reality: 'not in the repo',
      action: 'fix the import or restore the module',
      detail: `${edge.specifier} from ${edge.from} names ${path}, which does not exist`,
    };
  }
  if (edge.via?.startsWith('not-on-path:')) return notOnPath(edge, edge.via.slice('not-on-path:'.length), ctx);
  const parts = edge.specifier.split('.');
  const top = edge.package ?? parts[0];
  const rootDir = rootDirOf(edge.via);
  // A plain module that binds the next name may register it as a submodule (os.path, six.moves).
  const plain = rootDir === null ? null : rootDir === '' ? `${top}.py` : `${rootDir}/${top}.py`;
  if (plain !== null && parts.length > 1 && ctx.facts.get(plain)?.definitions.includes(parts[1])) return null;
  if (rootDir !== null && !hasRegularModule(ctx.files, rootDir, top)) {
    // Only a namespace folder of that name is in the repo: an installed package or stdlib module still wins.
    const d = describeImportName(ctx.env, edge.specifier);
    if (d.status === 'installed' || d.status === 'stdlib' || d.status === 'declared') return null;
  }
  return {
    base: 'broken-internal', rootCause: edge.specifier, fails: true,
    reality: 'not in the repo',
    action: 'fix the import or restore the module',
    detail: `${top} is in the repo but ${edge.specifier} is not`,
  };
};
