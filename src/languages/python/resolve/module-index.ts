/**
 * The repo's files seen as Python would see them: which folders exist, which are regular
 * packages, and which paths are modules (source, stub or compiled extension).
 */
import { dirname } from '../../../util/path.js';

/** A regular package's `__init__` file names, source before stub (written out: a name made per ask was a string per folder tried). */
const INIT_FILES = ['__init__.py', '__init__.pyi'] as const;
const EXTENSION_MODULE = /^(.*?)(?:\.[\w-]+)?\.(?:so|pyd)$/;

export interface ModuleIndex {
  /** Every folder that holds at least one file (repo-relative, '' = root). */
  dirs: ReadonlySet<string>;
  files: ReadonlySet<string>;
  /** `pkg/fast` → `pkg/fast.cpython-311-x86_64-linux-gnu.so` */
  extensionModules: ReadonlyMap<string, string>;
  /** Whether any file is a `.pyi` stub: without one, stubBeside answers without making the stub's name per resolution. */
  hasStubs: boolean;
}

export const buildModuleIndex = (files: ReadonlySet<string>): ModuleIndex => {
  const dirs = new Set<string>(['']);
  const extensionModules = new Map<string, string>();
  let hasStubs = false;
  for (const f of files) {
    if (!hasStubs && f.endsWith('.pyi')) hasStubs = true;
    let d = dirname(f);
    while (!dirs.has(d)) {
      dirs.add(d);
      d = dirname(d);
    }
    if (f.endsWith('.so') || f.endsWith('.pyd')) {
      const m = EXTENSION_MODULE.exec(f);
      if (m && !extensionModules.has(m[1])) extensionModules.set(m[1], f);
    }
  }
  return { dirs, files, extensionModules, hasStubs };
};

const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);

/** The `__init__` file of a regular package folder, or null for a plain/namespace folder. */
export const packageInit = (index: ModuleIndex, dir: string): string | null => {
  for (let i = 0; i < INIT_FILES.length; i++) {
    const init = join(dir, INIT_FILES[i]);
    if (index.files.has(init)) return init;
  }
  return null;
};

/** The file that module path `a/b/c` (no suffix) names, as Python's finders would pick it. */
export const moduleFile = (index: ModuleIndex, modulePath: string): string | null => {
  if (index.dirs.has(modulePath)) {
    const init = packageInit(index, modulePath);
    if (init) return init;
  }
  // What runs wins over its stub: source, then compiled extension, then a lone .pyi.
  const source = `${modulePath}.py`;
  if (index.files.has(source)) return source;
  const extension = index.extensionModules.get(modulePath);
  if (extension) return extension;
  return index.files.has(`${modulePath}.pyi`) ? `${modulePath}.pyi` : null;
};

/** The `.pyi` stub beside a runtime module file, if any (type checkers read it instead). */
export const stubBeside = (index: ModuleIndex, file: string): string | null => {
  if (!index.hasStubs || file.endsWith('.pyi')) return null;
  const stub = file.replace(/(?:\.[\w-]+)?\.(?:py|so|pyd)$/, '.pyi');
  return stub !== file && index.files.has(stub) ? stub : null;
};

export { join as joinModulePath };
