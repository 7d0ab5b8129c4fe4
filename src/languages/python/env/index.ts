/**
 * The Python environment an audit checks imports against: which interpreter or environment
 * (asked with --python, found on disk, or none), what is installed in it, what the repo declares,
 * and, per import name, which of those it falls under. Import triage builds on `describeImportName`.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import { compareDiagnostics, warning } from '../../../util/diagnostics.js';
import { isStdlibModule, removedStdlibModule } from '../stdlib.js';
import { readDeclaredDependencies, type DeclarationSource, type DeclaredDependencies } from './declared.js';
import { detectEnvironment, type DetectedEnvironment } from './detect.js';
import { indexImportNames, lookupImportName, type ImportNameIndex } from './import-names.js';
import { describeInterpreter, type InterpreterInfo } from './interpreter.js';
import { importNamesForDistribution } from './known-names.js';
import { readSitePackages, type InstalledEnvironment } from './site-packages.js';
import type { Manifests } from '../../../manifests/store.js';
import { TOML, tomlGet } from '../../../manifests/toml.js';
import { plural } from '../../../util/words.js';

export type EnvironmentMode = 'interpreter' | 'venv' | 'manifests-only';

export interface PythonEnvironment {
  mode: EnvironmentMode;
  /** One sentence for the report: which environment, or why there is none. */
  note: string;
  interpreter?: InterpreterInfo;
  detected?: DetectedEnvironment;
  installed?: InstalledEnvironment;
  declared: DeclaredDependencies;
  /** The analysed environment's Python (`3.11.7`), when known. */
  pythonVersion?: string;
  /** The lowest Python the project supports (requires-python), when it says. */
  minPythonVersion?: string;
  /** Import names the declared distributions provide (installed metadata first, else the table and guesses). */
  declaredImports: ImportNameIndex;
  diagnostics: Diagnostic[];
}

export interface LoadPythonEnvironmentOptions {
  rootAbs: string;
  /** --python PATH */
  python?: string;
  /** --no-env: manifests only. */
  noEnv?: boolean;
  /** Repo-relative paths of the repo's files (manifests are found among them). */
  files: Iterable<string>;
  manifests: Manifests;
  env?: NodeJS.ProcessEnv;
  interpreterTimeoutMs?: number;
}

/** `>=3.9`, `^3.10`, `~=3.8`, `>=3.9,<4` → the lowest 3.X it names. */
export const minPythonOf = (spec: string): string | undefined => {
  const m = /(?:>=|~=|\^|==|~)\s*(3\.\d+)/.exec(spec);
  return m ? m[1] : undefined;
};

const requiresPython = (manifests: Manifests): string | undefined => {
  const doc = manifests.get('pyproject.toml', TOML);
  if (doc === null) return undefined;
  const spec = tomlGet(doc.value, 'project', 'requires-python') ?? tomlGet(doc.value, 'tool', 'poetry', 'dependencies', 'python');
  return typeof spec === 'string' ? minPythonOf(spec) : undefined;
};

const buildDeclaredImports = (declared: DeclaredDependencies, installed: InstalledEnvironment | undefined): ImportNameIndex =>
  indexImportNames(
    [...declared.byName].map(([key, dep]): [string, string[]] => {
      const inst = installed?.distributions.get(key);
      // The installed metadata is the truth; the table and guesses only stand in for it.
      return [key, inst && inst.topLevel.length > 0 ? [...inst.topLevel, ...importNamesForDistribution(dep.name)] : importNamesForDistribution(dep.name)];
    }),
  );

const manifestsNote = (declared: DeclaredDependencies): string =>
  `imports are checked against the declared dependencies only (${plural(declared.manifests.length, 'manifest')}, ${plural(declared.byName.size, 'distribution')}); whether a package is installed is unknown`;

export const loadPythonEnvironment = async (o: LoadPythonEnvironmentOptions): Promise<PythonEnvironment> => {
  const declared = readDeclaredDependencies({ files: o.files, manifests: o.manifests });
  const minPythonVersion = requiresPython(o.manifests);
  const diagnostics: Diagnostic[] = [...declared.diagnostics];
  const base = { declared, ...(minPythonVersion ? { minPythonVersion } : {}) };
  const finish = (env: Omit<PythonEnvironment, 'declaredImports' | 'diagnostics' | 'declared'>): PythonEnvironment => {
    if (env.installed) diagnostics.push(...env.installed.diagnostics);
    return { ...env, declared, declaredImports: buildDeclaredImports(declared, env.installed), diagnostics: diagnostics.sort(compareDiagnostics) };
  };

  if (o.noEnv) return finish({ ...base, mode: 'manifests-only', note: `--no-env: ${manifestsNote(declared)}` });

  if (o.python !== undefined) {
    const probe = await describeInterpreter(o.python, { timeoutMs: o.interpreterTimeoutMs });
    diagnostics.push(...probe.diagnostics);
    if (!probe.info) {
      return finish({ ...base, mode: 'manifests-only', note: `--python ${o.python} could not be used (see the warning): ${manifestsNote(declared)}` });
    }
    const info = probe.info;
    const installed = readSitePackages(info.sitePackages, { rootAbs: o.rootAbs, pythonVersion: info.version });
    return finish({
      ...base, mode: 'interpreter', interpreter: info, installed, pythonVersion: info.version,
      note: `Python ${info.version} from --python ${o.python} (asked for its paths; no repo code run): ${plural(installed.distributions.size, 'distribution')} installed in ${installed.sitePackages.join(', ') || 'no site-packages'}`,
    });
  }

  const found = detectEnvironment({ rootAbs: o.rootAbs, env: o.env, manifests: o.manifests });
  diagnostics.push(...found.diagnostics);
  const detected = found.detected;
  if (!detected) {
    return finish({ ...base, mode: 'manifests-only', note: `no Python environment found (looked for ${found.looked.join(', ')}): ${manifestsNote(declared)}` });
  }
  const installed = readSitePackages(detected.sitePackages, { rootAbs: o.rootAbs, pythonVersion: detected.pythonVersion });
  if (detected.includesSystemSitePackages) {
    diagnostics.push(warning('python-env/system-site-packages', `${detected.display} also sees the system site-packages, which census did not read; pass --python ${detected.display}/bin/python to include them`));
  }
  return finish({
    ...base, mode: 'venv', detected, installed, ...(detected.pythonVersion ? { pythonVersion: detected.pythonVersion } : {}),
    note: `${detected.kind === 'conda' ? 'conda environment' : 'virtual environment'} ${detected.display} (${detected.source}${detected.pythonVersion ? `, Python ${detected.pythonVersion}` : ''}; read from its files, not run): ${plural(installed.distributions.size, 'distribution')} installed`,
  });
};

export type ImportNameStatus = 'stdlib' | 'stdlib-removed' | 'installed' | 'declared-not-installed' | 'declared' | 'undeclared';

export interface ImportNameDescription {
  /**
   * stdlib: standard library in the analysed Python; stdlib-removed: gone from it (removedIn says
   * when); installed: present in the environment; declared-not-installed: declared but absent from
   * the environment; declared: declared, and no environment to check (manifests only); undeclared:
   * neither installed nor declared anywhere.
   */
  status: ImportNameStatus;
  /** Normalised distributions behind the answer: the installed owners, else the declared candidates. */
  distributions: string[];
  /** Where the distributions are declared (empty when undeclared). */
  declaredIn: DeclarationSource[];
  removedIn?: string;
}

const installedIndex = (i: InstalledEnvironment): ImportNameIndex => ({ names: i.importNameToDistributions, namespaces: i.namespacePackages });

/**
 * The answers per environment and module name: the triage asks about every unresolved import
 * (saleor: 9,699 asks of 330 names), and each answer parses the version, splits the name and
 * looks it up in the declared and installed indexes. An environment is not changed once loaded.
 */
const described = new WeakMap<PythonEnvironment, Map<string, ImportNameDescription>>();

/** What an import of `moduleName` (`torch`, `yaml.constructor`, `google.cloud.storage`) meets in this environment. */
export const describeImportName = (env: PythonEnvironment, moduleName: string): ImportNameDescription => {
  let byName = described.get(env);
  if (byName === undefined) described.set(env, (byName = new Map()));
  let known = byName.get(moduleName);
  if (known === undefined) byName.set(moduleName, (known = describeOnce(env, moduleName)));
  // a copy: callers may keep or sort what they are given
  return { ...known, distributions: [...known.distributions], declaredIn: [...known.declaredIn] };
};

const describeOnce = (env: PythonEnvironment, moduleName: string): ImportNameDescription => {
  const top = moduleName.split('.')[0];
  const version = env.pythonVersion;
  const removed = removedStdlibModule(moduleName, version ?? env.minPythonVersion);
  const declaredOwners = [...(lookupImportName(env.declaredImports, moduleName) ?? [])];
  const declaredIn = declaredOwners.flatMap((d) => env.declared.byName.get(d)?.sources ?? []);
  if (!removed && isStdlibModule(top, version)) return { status: 'stdlib', distributions: [], declaredIn: [] };
  if (env.installed) {
    const owners = lookupImportName(installedIndex(env.installed), moduleName);
    if (owners) return { status: 'installed', distributions: [...owners], declaredIn };
    // setuptools puts a `distutils` back on Pythons that dropped it.
    if (top === 'distutils' && env.installed.distributions.has('setuptools')) return { status: 'installed', distributions: ['setuptools'], declaredIn };
  }
  if (removed) return { status: 'stdlib-removed', distributions: [], declaredIn, removedIn: removed.removedIn };
  if (declaredOwners.length > 0) return { status: env.installed ? 'declared-not-installed' : 'declared', distributions: declaredOwners, declaredIn };
  return { status: 'undeclared', distributions: [], declaredIn: [] };
};

export const importNameStatus = (env: PythonEnvironment, moduleName: string): ImportNameStatus => describeImportName(env, moduleName).status;
