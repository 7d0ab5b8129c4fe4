/**
 * The ordered folders that absolute imports are looked up in, built once from the repo layout
 * (ty's search paths): the repo root, `src/` layouts, folders that packaging config names as
 * package roots, and nested Python projects. Each root records why it is one.
 */
import { parse as parseToml } from 'smol-toml';
import { basename, dirname, joinRepo } from '../../../util/path.js';
import type { ModuleIndex } from './module-index.js';
import { packageInit } from './module-index.js';

export interface SearchRoot {
  dir: string;
  /** Shown in edge `via`: `root`, `src-root:src`, `package-dir:lib`, `project:services/api`, `pythonpath:src`. */
  kind: string;
}

const PROJECT_FILES = new Set(['pyproject.toml', 'setup.py', 'setup.cfg']);

type Toml = Record<string, unknown>;
const table = (v: unknown): Toml => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Toml) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** Package roots a pyproject.toml declares (setuptools, poetry, hatch, pytest pythonpath). */
const pyprojectRoots = (text: string): { dir: string; kind: string }[] => {
  let doc: Toml;
  try {
    doc = parseToml(text) as Toml;
  } catch {
    return []; // the manifest detector reports malformed TOML with its line
  }
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
  const pytest = table(table(tool.pytest)['ini_options']);
  for (const p of strings(pytest.pythonpath)) out.push({ dir: p, kind: 'pythonpath' });
  return out;
};

/** `[options] package_dir = =src` in setup.cfg. */
const setupCfgRoots = (text: string): { dir: string; kind: string }[] => {
  const m = /^\s*package_dir\s*=\s*(?:\n\s+)?=\s*([\w./-]+)/m.exec(text);
  return m ? [{ dir: m[1], kind: 'package-dir' }] : [];
};

export const buildSearchRoots = (index: ModuleIndex, readText: (path: string) => string | null): SearchRoot[] => {
  const roots: SearchRoot[] = [];
  const seen = new Set<string>();
  const add = (dir: string | null, kind: string) => {
    if (dir === null || seen.has(dir) || !index.dirs.has(dir)) return;
    seen.add(dir);
    roots.push({ dir, kind });
  };
  add('', 'root');
  const projectDirs = [...index.files]
    .filter((f) => PROJECT_FILES.has(basename(f)))
    .map((f) => dirname(f))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const dir of new Set(['', ...projectDirs])) {
    const pyproject = readText(joinRepo(dir, 'pyproject.toml') ?? '');
    const setupCfg = readText(joinRepo(dir, 'setup.cfg') ?? '');
    const declared = [...(pyproject ? pyprojectRoots(pyproject) : []), ...(setupCfg ? setupCfgRoots(setupCfg) : [])];
    for (const d of declared) {
      const joined = joinRepo(dir, d.dir);
      add(joined, `${d.kind}:${joined === '' ? '.' : joined}`);
    }
    const src = joinRepo(dir, 'src');
    if (src !== null && index.dirs.has(src) && !packageInit(index, src)) add(src, `src-root:${src}`);
    if (dir !== '' && !packageInit(index, dir)) add(dir, `project:${dir}`);
  }
  return roots;
};
