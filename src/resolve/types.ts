/** The contract between the graph and the per-ecosystem import resolvers: what they see and what they return. */
import type { Unresolved } from '../model/edge.js';
import type { ImportFact } from '../model/facts.js';
import type { Ecosystem } from '../languages/types.js';
import type { Manifests } from '../manifests/store.js';
import type { PathProbe } from '../util/fs.js';
import type { ImportAlias } from '../languages/python/resolve/import-aliases.js';

/** Where one import leads: a repo file (with how it was found), or a classified dead end. */
export interface Resolution {
  /** Repo-relative path, or null when unresolved. */
  to: string | null;
  /** How it was found: `relative`, `root`, `src-root:src`, `script-dir`, `tsconfig-paths`, `package-exports`, `workspace`, ... */
  via?: string;
  unresolved?: Unresolved;
  /** What mapped the specifier before it was looked up (`the Vite resolve.alias "@" (vite.config.ts:5)`): evidence for the edge's label. */
  mapping?: string;
  /** Top-level package / distribution-ish name for external imports (`lodash`, `@scope/pkg`, `numpy`). */
  package?: string;
  /** The imported names this target serves (`from pkg import sub` → a second target pkg/sub.py with ['sub']). */
  names?: string[];
  /**
   * The file whose run makes the mapping, and its line, when only a test's run does (a test
   * package's `sys.modules["storops"] = fake_storops`): the target is loaded by that file's run,
   * while production's import finds the package outside the repo.
   */
  swappedInBy?: { file: string; line: number };
}

/** What every resolver may look at: the repo's file list and root. Built once per scan. */
export interface ResolveContext {
  /** Absolute path of the scanned root (never shown to users). */
  rootAbs: string;
  /** Every discovered repo path (POSIX, relative to root). */
  files: ReadonlySet<string>;
  /** The scan's manifests (package.json, tsconfig, pyproject.toml, ...), each read and parsed once. */
  manifests: Manifests;
  /**
   * Python: folders put on the import path for some files — by a module's own `sys.path.insert`
   * (for its folder's files and the folder it adds) or a deploy's PYTHONPATH — keyed by the folder
   * whose files see them ('' = every file), each with why.
   */
  pythonPathFor?: ReadonlyMap<string, readonly { dir: string; why: string }[]>;
  /**
   * Python: the same folders by the module that adds them: sys.path is the process's, so a file
   * importing that module sees them too (resolver.ts `importerRoots`).
   */
  pythonPathAdders?: ReadonlyMap<string, readonly { dir: string; why: string; mainOnly?: true }[]>;
  /**
   * Python: files run as scripts (a command links to them, or executable with `#!` and a `__main__`
   * guard), each with why (script-folders.ts); their folder is sys.path[0] even inside a package.
   */
  pythonScripts?: ReadonlyMap<string, string>;
  /** Python: a file's imports, to follow what a script reaches through its folder. */
  pythonImportsOf?: (path: string) => readonly ImportFact[] | undefined;
  /** Python: dotted names a module makes importable as another module (a sys.meta_path hook, `sys.modules["x"] = y`), by name. */
  pythonImportAliases?: ReadonlyMap<string, ImportAlias>;
  /** Symlinks to folders inside the root, link path → target folder (discovery's folderLinks): Python looks a linked package up where it leads. */
  folderLinks?: ReadonlyMap<string, string>;
  /** The scan's answers about paths on disk, shared with the import triage (one of its own when absent). */
  disk?: PathProbe;
  /**
   * The listed files that are symlinks (discovery's lstat): when given, a relative import that names
   * a listed file that is no link is answered from the listing (javascript/resolution/listed-relative.ts).
   */
  linkedFiles?: ReadonlySet<string>;
}

/**
 * One resolver per ecosystem (src/languages/resolvers.ts). `resolve` never throws: failures are Resolutions with `unresolved`.
 * It may return several targets (Python `import a.b` also runs `a/__init__.py`), primary target first.
 * The answers may be shared between calls (the JS resolver keeps one per folder and specifier): read them, never change them.
 */
export interface ImportResolver {
  ecosystem: Ecosystem;
  resolve(fact: ImportFact, fromFile: string): readonly Readonly<Resolution>[];
  /**
   * The repo paths (globs kept as written) that a bundler reads a non-relative pattern as: through
   * the importer's aliases or tsconfig `paths` (webpack's `require.context('~/forms')`, Vite's
   * `import.meta.glob('@/pages/*.ts')`), or from the project root (`/pages/*.ts`); with what mapped
   * it; null when nothing maps it. Only resolvers whose ecosystem has such lookups implement it.
   */
  patternPaths?(pattern: string, fromFile: string): { paths: string[]; mapping: string } | null;
}
