/**
 * Which repo modules fail to load when some imports fail. A module fails at import time when an
 * import that runs while it loads fails, or when it loads a repo module that fails; loading a
 * module inside a regular package also runs the package's `__init__.py` files. So failure spreads
 * backwards along load-time edges: one breadth-first walk of the reverse graph per root cause.
 */
import type { Edge } from '../../model/edge.js';
import type { FileRecord, Language } from '../../model/file.js';
import { languageRecord } from '../../languages/registry.js';
import { byString } from '../../util/compare.js';
import { dirname } from '../../util/path.js';
import { isPackageInit } from '../../util/python-package.js';

/** Languages with imports: the only ones whose loading can fail on one. */
const hasImports = (language: Language | undefined): boolean => language !== undefined && languageRecord(language)?.ecosystem !== undefined;
const isPython = (language: Language | undefined): boolean => language !== undefined && languageRecord(language)?.ecosystem === 'python';

/** Stubs and declaration files never run. */
export const neverRuns = (path: string): boolean => path.endsWith('.pyi') || /\.d\.[cm]?ts$/.test(path);

/** runsAtLoad when whether the importer is Python is already known (the load graph asks it per edge). */
const runsAtLoadIn = (edge: Pick<Edge, 'kind' | 'guard'>, python: boolean): boolean =>
  edge.guard === null && (edge.kind === 'import' || (edge.kind === 'dynamic-import' && python));

/**
 * An import that runs while its file loads: unguarded, not type-only, not inside a function. A
 * Python `importlib.import_module("x")` at top level runs too; a JS `import()` only starts a promise.
 */
export const runsAtLoad = (edge: Pick<Edge, 'kind' | 'guard'>, language: Language | undefined): boolean => runsAtLoadIn(edge, isPython(language));

/** Module → the modules that load it while they load (a Map, or a graph answered when asked). */
export interface ReverseGraph {
  get(file: string): readonly string[] | undefined;
}

const addTo = (reverse: Map<string, string[]>, to: string, from: string): void => {
  const list = reverse.get(to);
  if (list) list.push(from);
  else reverse.set(to, [from]);
};

/**
 * Per file, once: whether it can load (a language with imports, not a stub or declaration), and
 * whether it is Python (its top-level dynamic imports run). Asked of both ends of every edge:
 * saleor's 50,000 edges each tested two paths with a regex and looked up four language records.
 */
const loadableFiles = (files: readonly FileRecord[]): Map<string, boolean> => {
  const loads = new Map<string, boolean>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (hasImports(f.language) && !neverRuns(f.path)) loads.set(f.path, isPython(f.language));
  }
  return loads;
};

/** The load-time edges between loadable files, reversed. */
const addLoadEdges = (reverse: Map<string, string[]>, loads: ReadonlyMap<string, boolean>, edges: readonly Edge[]): void => {
  // Consecutive edges of one file (the pipeline lists each file's together) take one lookup of it.
  let lastFrom: string | undefined;
  let fromPython: boolean | undefined;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.to === null || e.to === e.from || e.via === 'stub') continue;
    if (e.from !== lastFrom) {
      lastFrom = e.from;
      fromPython = loads.get(e.from);
    }
    if (fromPython === undefined || !loads.has(e.to)) continue;
    if (!runsAtLoadIn(e, fromPython)) continue;
    addTo(reverse, e.to, e.from);
  }
};

/**
 * The Python modules (`.py` files of Python) and every `__init__.py`, in one pass over the files;
 * a repo without Python (payload: 8,855 files) walks its files once here, and no further.
 */
const packageFiles = (files: readonly FileRecord[]): { modules: string[]; inits: Set<string> } => {
  const modules: string[] = [];
  const inits = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (isPackageInit(f.path)) inits.add(f.path);
    if (isPython(f.language) && f.path.endsWith('.py')) modules.push(f.path);
  }
  return { modules, inits };
};

/** The `__init__.py` that loading `path` (a Python module) runs first, or null: importing pkg.mod runs pkg/__init__.py; importing pkg runs its parent's __init__.py. */
const packageParent = (path: string, inits: ReadonlySet<string>): string | null => {
  const initOf = (dir: string): string | null => {
    const init = dir === '' ? '__init__.py' : `${dir}/__init__.py`;
    return inits.has(init) ? init : null;
  };
  const dir = dirname(path);
  const parent = isPackageInit(path) ? (dir === '' ? null : initOf(dirname(dir))) : initOf(dir);
  return parent !== null && parent !== path ? parent : null;
};

const addPackageInits = (reverse: Map<string, string[]>, files: readonly FileRecord[]): void => {
  const { modules, inits } = packageFiles(files);
  for (let i = 0; i < modules.length; i++) {
    const parent = packageParent(modules[i], inits);
    if (parent !== null) addTo(reverse, parent, modules[i]);
  }
};

/**
 * Module → the modules that load it while they load. Each loop over files or edges is a function
 * of its own: V8 optimizes a long loop while it runs, and the loops after it in one function, not
 * yet run, threw that code away as soon as it ended (payload: two or three compiles of the whole).
 */
export const buildLoadGraph = (files: readonly FileRecord[], edges: readonly Edge[]): ReverseGraph => {
  const reverse = new Map<string, string[]>();
  addLoadEdges(reverse, loadableFiles(files), edges);
  addPackageInits(reverse, files);
  return reverse;
};

/**
 * buildLoadGraph from the import edges grouped by importer (the triage's grouping, each file's in
 * the pipeline's order): a load-time edge is an import, so the code, reference and doc edges
 * (saleor: 10,000 of 50,000) are not walked again, and each importer is looked up once. The lists
 * come out as buildLoadGraph's when each file's edges were together in its input.
 */
export const buildImportLoadGraph = (files: readonly FileRecord[], importEdgesOf: ReadonlyMap<string, readonly Edge[]>): ReverseGraph => {
  const reverse = new Map<string, string[]>();
  const loads = loadableFiles(files);
  for (const edges of importEdgesOf.values()) addLoadEdges(reverse, loads, edges);
  addPackageInits(reverse, files);
  return reverse;
};

/**
 * Distinct modules a lazy load graph answers by a walk each; the next builds the whole graph. A walk
 * of payload's 30,000 import edges costs about 2.5 ms, the whole graph 25-30: payload's cascade asks
 * about 17 modules (16 walks first cost it 40 ms more), saleor's about one: one walk, then the whole.
 */
export const LAZY_LOAD_ASKS = 1;

/**
 * buildImportLoadGraph's answers, each found when asked by one walk of the import edges (and of the
 * modules, for a package's `__init__.py`), in the order the whole graph lists them. A cascade asks
 * about a few modules (saleor: one module with no importer, three times), and the whole graph was
 * 20-30 ms of its triage (a Map of 4,600 paths and a list per imported module). After `asks`
 * questions about distinct modules the whole graph is built and answers the rest: a failure that spreads far pays one
 * build and at most `asks` walks more.
 */
export const lazyImportLoadGraph = (files: readonly FileRecord[], importEdgesOf: ReadonlyMap<string, readonly Edge[]>, asks = LAZY_LOAD_ASKS): ReverseGraph => {
  let whole: ReverseGraph | undefined;
  let loads: Map<string, boolean> | undefined;
  let packages: { modules: string[]; inits: Set<string> } | undefined;
  let asked = 0;
  const importersOf = (file: string): string[] | undefined => {
    let out: string[] | undefined;
    // addLoadEdges' tests, for the edges into `file` only.
    for (const edges of importEdgesOf.values()) {
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i];
        if (e.to !== file || e.to === e.from || e.via === 'stub') continue;
        loads ??= loadableFiles(files);
        const fromPython = loads.get(e.from);
        if (fromPython === undefined || !loads.has(file) || !runsAtLoadIn(e, fromPython)) continue;
        (out ??= []).push(e.from);
      }
    }
    // addPackageInits' lists, for a package's `__init__.py` only (packageParent names nothing else).
    if (isPackageInit(file)) {
      packages ??= packageFiles(files);
      const { modules, inits } = packages;
      if (inits.has(file)) for (let i = 0; i < modules.length; i++) if (packageParent(modules[i], inits) === file) (out ??= []).push(modules[i]);
    }
    return out;
  };
  // A module asked again (saleor's three root causes break the one file) is answered from here.
  const answered = new Map<string, string[] | undefined>();
  return {
    get: (file) => {
      if (whole !== undefined) return whole.get(file);
      if (answered.has(file)) return answered.get(file);
      if (asked++ >= asks) return (whole = buildImportLoadGraph(files, importEdgesOf)).get(file);
      const importers = importersOf(file);
      answered.set(file, importers);
      return importers;
    },
  };
};

/** Every module that fails when `starts` fail, with its distance from them (0 for the starts). */
export const spreadFailure = (reverse: ReverseGraph, starts: Iterable<string>): Map<string, number> => {
  const depth = new Map<string, number>();
  let frontier = [...new Set(starts)].sort(byString);
  for (const s of frontier) depth.set(s, 0);
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const file of frontier) {
      for (const importer of reverse.get(file) ?? []) {
        if (depth.has(importer)) continue;
        depth.set(importer, d);
        next.push(importer);
      }
    }
    frontier = next;
  }
  return depth;
};
