/**
 * The ordered folders that absolute imports are looked up in, built once from the repo layout
 * (ty's search paths): the repo root, `src/` layouts, folders that packaging config names as
 * package roots, pytest's `pythonpath` from whichever file pytest reads (pytest.ini, pyproject,
 * tox.ini, setup.cfg), and nested Python projects. Each root records why it is one.
 */
import { CONFIGPARSER, iniValue, type IniDocument } from '../../../manifests/ini.js';
import { pytestConfigs } from '../../../manifests/pytest.js';
import type { Manifests } from '../../../manifests/store.js';
import { TOML, tomlStrings as strings, tomlTable as table } from '../../../manifests/toml.js';
import { pathsNamedLike, type NameKeys } from '../../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../../util/path.js';
import type { ModuleIndex } from './module-index.js';
import { packageInit } from './module-index.js';

export interface SearchRoot {
  dir: string;
  /** Shown in edge `via`: `root`, `src-root:src`, `package-dir:lib`, `project:services/api`, `pythonpath:src`. */
  kind: string;
  /** Seen only by imports from this line on (a folder a module imported there put on sys.path; resolver.ts importerRoots). */
  after?: number;
}

const PROJECT_FILES = new Set(['pyproject.toml', 'setup.py', 'setup.cfg']);
/** PROJECT_FILES' stems: only those paths are tried (issue 19: a JS repo's every path was). */
export const PROJECT_NAMES: NameKeys = { stems: ['pyproject', 'setup'] };
const INSTALLED_SITE = /(^|\/)usr\/(local\/)?lib\/python3(\.\d+)?\/(dist|site)-packages$/;

type Toml = Record<string, unknown>;

/** Package roots a pyproject.toml declares (setuptools, poetry, hatch). */
const pyprojectRoots = (doc: Toml): { dir: string; kind: string }[] => {
  const tool = table(doc.tool);
  const out: { dir: string; kind: string }[] = [];
  const setuptools = table(tool.setuptools);
  const packageDir = table(setuptools['package-dir']);
  if (typeof packageDir[''] === 'string') out.push({ dir: packageDir[''] as string, kind: 'package-dir' });
  for (const where of strings(table(table(setuptools.packages).find).where)) out.push({ dir: where, kind: 'package-dir' });
  for (const p of Array.isArray(table(tool.poetry).packages) ? (table(tool.poetry).packages as unknown[]) : []) {
    const from = table(p).from;
    if (typeof from === 'string') out.push({ dir: from, kind: 'package-dir' });
  }
  const wheel = table(table(table(table(tool.hatch).build).targets).wheel);
  for (const pkg of strings(wheel.packages)) if (pkg.includes('/')) out.push({ dir: dirname(pkg), kind: 'package-dir' });
  return out;
};

/** `[options] package_dir = =src` in a setup.cfg: the root mapping (per-package ones are not roots), or null. */
export const setupCfgPackageRoot = (doc: IniDocument): string | null =>
  (iniValue(doc, 'options', 'package_dir')?.parts ?? []).map((p) => /^=\s*([\w./-]+)/.exec(p.text)).find((m) => m !== null)?.[1] ?? null;

const setupCfgRoots = (manifests: Manifests, path: string): { dir: string; kind: string }[] => {
  const doc = manifests.get(path, CONFIGPARSER);
  const root = doc ? setupCfgPackageRoot(doc) : null;
  return root !== null ? [{ dir: root, kind: 'package-dir' }] : [];
};

export const buildSearchRoots = (index: ModuleIndex, manifests: Manifests): SearchRoot[] => {
  const roots: SearchRoot[] = [];
  const seen = new Set<string>();
  const add = (dir: string | null, kind: string) => {
    if (dir === null || seen.has(dir) || !index.dirs.has(dir)) return;
    seen.add(dir);
    roots.push({ dir, kind });
  };
  const addUnder = (dir: string, d: { dir: string; kind: string }) => {
    const joined = joinRepo(dir, d.dir);
    add(joined, `${d.kind}:${joined === '' ? '.' : joined}`);
  };
  add('', 'root');
  const projectDirs = pathsNamedLike(index.files, PROJECT_NAMES)
    .filter((f) => PROJECT_FILES.has(basename(f)))
    .map((f) => dirname(f))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  const projects = new Set(['', ...projectDirs]);
  const pytest = pytestConfigs(manifests);
  const byDepth = (a: string, b: string) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
  for (const dir of [...new Set([...projects, ...pytest.keys()])].sort(byDepth)) {
    const doc = manifests.get(joinRepo(dir, 'pyproject.toml') ?? '', TOML);
    for (const d of doc ? pyprojectRoots(doc.value) : []) addUnder(dir, d);
    // pytest puts `pythonpath` (relative to its config file) on sys.path for the tests it runs.
    for (const p of pytest.get(dir)?.pythonpath ?? []) add(p, `pythonpath:${p === '' ? '.' : p}`);
    for (const d of setupCfgRoots(manifests, joinRepo(dir, 'setup.cfg') ?? '')) addUnder(dir, d);
    if (!projects.has(dir)) continue;
    const src = joinRepo(dir, 'src');
    if (src !== null && index.dirs.has(src) && !packageInit(index, src)) add(src, `src-root:${src}`);
    if (dir !== '' && !packageInit(index, dir)) add(dir, `project:${dir}`);
  }
  // An installed tree (a Debian package unpacked, a container's filesystem): Python puts its
  // dist-packages/site-packages on sys.path.
  for (const dir of [...index.dirs].filter((d) => INSTALLED_SITE.test(d)).sort()) add(dir, `site-packages:${dir}`);
  return roots;
};
