/**
 * Every Python dependency the repo declares, from every manifest in it: pyproject.toml, Pipfile,
 * setup.cfg, setup.py, requirements files (following -r/-c) and lock files. A malformed manifest gives a
 * diagnostic with file and line; the others are still read.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import { byString } from '../../../util/compare.js';
import { compareDiagnostics, warning } from '../../../util/diagnostics.js';
import { basename } from '../../../util/path.js';
import { CONFIGPARSER } from '../../../manifests/ini.js';
import type { Manifests } from '../../../manifests/store.js';
import { TOML } from '../../../manifests/toml.js';
import { DeclaredSink, type DeclarationSource, type DeclaredDependency } from './declared-sink.js';
import { readSetupCfg, readSetupPy } from './declared-setup.js';
import { readPipfile, readPyproject } from './declared-toml.js';
import { isRequirementsFile, readRequirementsFile } from './requirements-txt.js';
import { isLockFile, readLockFile } from './declared-lock.js';

export type { DeclarationSource, DeclaredDependency };

export interface DeclaredDependencies {
  /** Normalised distribution name → the name as written and where it is declared. */
  byName: Map<string, DeclaredDependency>;
  /** Pins from constraint files (`-c`): they limit versions but declare nothing. */
  constraints: Map<string, DeclaredDependency>;
  /** Repo-relative manifests that were read. */
  manifests: string[];
  diagnostics: Diagnostic[];
}

export interface DeclaredInput {
  files: Iterable<string>;
  manifests: Manifests;
}

type ManifestKind = 'pyproject' | 'pipfile' | 'setup-cfg' | 'setup-py' | 'requirements' | 'lock';

export const manifestKind = (path: string): ManifestKind | null => {
  const name = basename(path);
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'Pipfile') return 'pipfile';
  if (name === 'setup.cfg') return 'setup-cfg';
  if (name === 'setup.py') return 'setup-py';
  if (isLockFile(path)) return 'lock';
  return isRequirementsFile(path) ? 'requirements' : null;
};

const compareSources = (a: DeclarationSource, b: DeclarationSource): number =>
  byString(a.file, b.file) || a.line - b.line || byString(a.group ?? '', b.group ?? '');

const sortedDeps = (m: Map<string, DeclaredDependency>): Map<string, DeclaredDependency> =>
  new Map(
    [...m.entries()]
      .sort((a, b) => byString(a[0], b[0]))
      .map(([k, d]) => [k, { name: d.name, sources: [...d.sources].sort(compareSources) }]),
  );

export const readDeclaredDependencies = (input: DeclaredInput): DeclaredDependencies => {
  const sink = new DeclaredSink();
  const visited = new Set<string>();
  const manifests: string[] = [];
  // The manifests, then sorted: the order of a subset is its order in the sorted whole (saleor sorted 4,670 paths for 3 manifests).
  const listed: [string, ManifestKind][] = [];
  for (const file of input.files) {
    const kind = manifestKind(file);
    if (kind !== null) listed.push([file, kind]);
  }
  for (const [file, kind] of listed.sort((a, b) => byString(a[0], b[0]))) {
    const text = input.manifests.text(file);
    if (text === null) {
      sink.diagnostics.push(warning('python-env/unreadable-manifest', 'cannot read manifest', file));
      continue;
    }
    manifests.push(file);
    if (kind === 'pyproject' || kind === 'pipfile') {
      const doc = input.manifests.get(file, TOML);
      if (doc) (kind === 'pyproject' ? readPyproject : readPipfile)(file, doc, sink);
    } else if (kind === 'setup-cfg') {
      const doc = input.manifests.get(file, CONFIGPARSER);
      if (doc) readSetupCfg(file, doc, sink, input.manifests.text, visited);
    } else if (kind === 'setup-py') readSetupPy(file, text, sink);
    else if (kind === 'lock') readLockFile(file, text, sink);
    else readRequirementsFile(file, input.manifests.text, sink, visited);
  }
  return {
    byName: sortedDeps(sink.byName),
    constraints: sortedDeps(sink.constraints),
    manifests,
    diagnostics: [...sink.diagnostics].sort(compareDiagnostics),
  };
};
