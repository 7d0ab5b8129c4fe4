/**
 * Find the repo's Python environment without running anything: in-repo virtual environments
 * (`.venv`, `venv`, `env`, a hatch/uv configured path, PEP 582 `__pypackages__`), then the
 * activated one (`$VIRTUAL_ENV`, `$CONDA_PREFIX`), then poetry's cache environment for the project.
 * The first candidate that has site-packages wins.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import { warning } from '../../../util/diagnostics.js';
import { isDirectory, readDirNames } from '../../../util/fs.js';
import { isAbsolute, joinAbsolute, resolveAbsolute } from '../../../util/path.js';
import { displayEnvPath } from './display.js';
import { findPoetryEnvironments } from './poetry-env.js';
import { isEnvironmentFolder, readVenvLayout } from './venv-layout.js';
import type { Manifests } from '../../../manifests/store.js';
import { TOML } from '../../../manifests/toml.js';

export type EnvironmentKind = 'venv' | 'conda' | 'poetry' | 'hatch' | 'uv' | 'pep582';

export interface DetectedEnvironment {
  kind: EnvironmentKind;
  /** Absolute folder of the environment (never shown; use `display`). */
  prefix: string;
  /** `.venv`, `~/.cache/pypoetry/virtualenvs/x-py3.11`. */
  display: string;
  /** Why this one: `.venv in the repo root`, `$VIRTUAL_ENV`. */
  source: string;
  sitePackages: string[];
  pythonVersion?: string;
  includesSystemSitePackages: boolean;
}

export interface DetectOptions {
  rootAbs: string;
  env?: NodeJS.ProcessEnv;
  /** The repo's manifests (pyproject.toml, hatch.toml at the root). */
  manifests: Manifests;
}

export interface DetectResult {
  detected: DetectedEnvironment | null;
  /** What was looked at, for the "no environment found" note. */
  looked: string[];
  diagnostics: Diagnostic[];
}

interface Candidate {
  kind: EnvironmentKind;
  prefix: string;
  source: string;
}

const IN_REPO_NAMES = ['.venv', 'venv', 'env', '.env'];

/** A root TOML manifest's value; a malformed one is the store's to report, detection skips it. */
const tomlOrNull = (manifests: Manifests, path: string): Record<string, unknown> | null => manifests.get(path, TOML)?.value ?? null;

const get = (obj: unknown, ...keys: string[]): unknown => {
  let cur = obj;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
};

const configuredCandidates = (o: DetectOptions, env: NodeJS.ProcessEnv): Candidate[] => {
  const out: Candidate[] = [];
  const pyproject = tomlOrNull(o.manifests, 'pyproject.toml');
  const hatchToml = tomlOrNull(o.manifests, 'hatch.toml');
  const hatchPath = get(hatchToml, 'envs', 'default', 'path') ?? get(pyproject, 'tool', 'hatch', 'envs', 'default', 'path');
  if (typeof hatchPath === 'string' && hatchPath !== '') {
    out.push({ kind: 'hatch', prefix: resolveAbsolute(o.rootAbs, hatchPath), source: 'hatch default environment path' });
  }
  if (env.UV_PROJECT_ENVIRONMENT) {
    out.push({ kind: 'uv', prefix: resolveAbsolute(o.rootAbs, env.UV_PROJECT_ENVIRONMENT), source: '$UV_PROJECT_ENVIRONMENT' });
  }
  return out;
};

const poetryCandidates = (o: DetectOptions, env: NodeJS.ProcessEnv): Candidate[] => {
  const pyproject = tomlOrNull(o.manifests, 'pyproject.toml');
  if (get(pyproject, 'tool', 'poetry') === undefined) return [];
  const name = get(pyproject, 'tool', 'poetry', 'name') ?? get(pyproject, 'project', 'name');
  if (typeof name !== 'string' || name === '') return [];
  return findPoetryEnvironments(name, o.rootAbs, env).map((prefix) => ({ kind: 'poetry' as const, prefix, source: "poetry's environment for this project" }));
};

/** PEP 582 (pdm): `__pypackages__/3.11/lib` is itself the package folder. */
const pep582 = (rootAbs: string): DetectedEnvironment | null => {
  const base = joinAbsolute(rootAbs, '__pypackages__');
  const versions = readDirNames(base).filter((n) => /^\d+\.\d+$/.test(n) && isDirectory(joinAbsolute(base, n, 'lib')));
  if (versions.length === 0) return null;
  const v = versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))[versions.length - 1];
  const prefix = joinAbsolute(base, v);
  return {
    kind: 'pep582', prefix, display: displayEnvPath(rootAbs, prefix), source: '__pypackages__ in the repo root (PEP 582)',
    sitePackages: [joinAbsolute(prefix, 'lib')], pythonVersion: v, includesSystemSitePackages: false,
  };
};

export const detectEnvironment = (o: DetectOptions): DetectResult => {
  const env = o.env ?? process.env;
  const diagnostics: Diagnostic[] = [];
  const looked = [...IN_REPO_NAMES, 'hatch/uv configured paths', '__pypackages__', '$VIRTUAL_ENV', '$CONDA_PREFIX', 'poetry environments'];
  const seen = new Set<string>();
  const tryCandidate = (c: Candidate): DetectedEnvironment | null => {
    if (seen.has(c.prefix) || !isEnvironmentFolder(c.prefix)) return null;
    seen.add(c.prefix);
    const layout = readVenvLayout(c.prefix);
    const display = displayEnvPath(o.rootAbs, c.prefix);
    if (layout.sitePackages.length === 0) {
      diagnostics.push(warning('python-env/no-site-packages', `the environment ${display} (${c.source}) has no site-packages folder; skipped`));
      return null;
    }
    const kind = c.kind === 'venv' && isDirectory(joinAbsolute(c.prefix, 'conda-meta')) ? 'conda' : c.kind;
    return { kind, prefix: c.prefix, display, source: c.source, ...layout };
  };
  const firstOf = (candidates: Candidate[]): DetectedEnvironment | null => {
    for (const c of candidates) {
      const found = tryCandidate(c);
      if (found) return found;
    }
    return null;
  };
  const activated: Candidate[] = [];
  if (env.VIRTUAL_ENV) activated.push({ kind: 'venv', prefix: resolveAbsolute(env.VIRTUAL_ENV), source: '$VIRTUAL_ENV' });
  if (env.CONDA_PREFIX && isAbsolute(env.CONDA_PREFIX)) activated.push({ kind: 'conda', prefix: env.CONDA_PREFIX, source: '$CONDA_PREFIX' });

  // The repo's own environment first: it is what the project runs with; an activated one may belong elsewhere.
  const detected =
    firstOf(IN_REPO_NAMES.map((n) => ({ kind: 'venv' as const, prefix: joinAbsolute(o.rootAbs, n), source: `${n} in the repo root` }))) ??
    firstOf(configuredCandidates(o, env)) ??
    pep582(o.rootAbs) ??
    firstOf(activated) ??
    firstOf(poetryCandidates(o, env));
  return { detected, looked, diagnostics };
};
