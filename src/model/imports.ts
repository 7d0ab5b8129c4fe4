/**
 * Broken-import triage: every import that would fail, in exactly one bucket, grouped under the
 * root cause that explains it. Field names of ImportsSection are a public contract (the Audit's
 * `imports`; docs/audit.schema.json): `findings` with `file`, `line`, `specifier`, `name`,
 * `bucket`, `rootCause`; `rootCauses` with `name`, `bucket`, `directImports`, `affectedFiles`.
 */
import type { Language } from './file.js';

/**
 * Where a failing import belongs, checked in this order (the first that applies wins):
 * - type-only: under `if TYPE_CHECKING:` or a TS `import type`; never runs;
 * - optional: inside try/except ImportError (Python) or try/catch (JS); the code handles the failure;
 * - broken-internal: the module looks internal (relative, alias, or its top-level package is in the
 *   repo) but does not exist, or exists in the repo but not on the importer's import path;
 * - missing-name: `from mod import x` / `import { x } from './mod'` where mod is a repo file that
 *   does not define, assign, import or export x (skipped when mod has star imports or `__getattr__`);
 * - stdlib-removed: a standard-library module the target Python no longer has (`distutils`, `imp`);
 * - missing-from-environment: a third-party package declared in a manifest but not installed;
 * - undeclared: a third-party package no manifest declares. It is also used for a package that is
 *   installed here but undeclared, and for a JS devDependency that production code imports
 *   (`detail` says which); those do not fail in the analysed environment (`breaksModule` false).
 */
export type ImportBucket =
  | 'broken-internal'
  | 'missing-name'
  | 'missing-from-environment'
  | 'undeclared'
  | 'optional'
  | 'type-only'
  | 'stdlib-removed';

export const IMPORT_BUCKETS: readonly ImportBucket[] = [
  'broken-internal',
  'missing-name',
  'stdlib-removed',
  'missing-from-environment',
  'undeclared',
  'optional',
  'type-only',
];

/** Buckets that are bugs in the repo whatever the environment: the "real breakages". */
export const REAL_BREAKAGE_BUCKETS: readonly ImportBucket[] = ['broken-internal', 'missing-name', 'stdlib-removed'];

export const isImportBucket = (name: string): name is ImportBucket => (IMPORT_BUCKETS as readonly string[]).includes(name);

export interface ImportFinding {
  /** Repo-relative file that holds the import. */
  file: string;
  line: number;
  /** The module as written (`torch.nn`, `..utils`, `./missing.js`). */
  specifier: string;
  /** The imported name, for missing-name findings. */
  name?: string;
  bucket: ImportBucket;
  /** `name` of the RootCause (with the same bucket) this finding belongs to. */
  rootCause: string;
  /** The importing file's language (one whose record has an ecosystem). */
  language: Language;
  /**
   * True when the importing module fails to load because of this import in the analysed
   * environment (an unguarded, import-time import that fails); false for imports inside functions,
   * guarded or type-only imports, and imports that work here but are undeclared.
   */
  breaksModule: boolean;
  /** One sentence on why, for people: "declared in pyproject.toml:12, not installed in .venv". */
  detail?: string;
}

export interface RootCause {
  /** The missing package (distribution or import name), module, or `file:name`. */
  name: string;
  bucket: ImportBucket;
  /** Failing imports that name it. */
  directImports: number;
  /** Repo modules that fail to import because of it: its importers and, transitively, theirs. */
  affectedFiles: number;
  /** The first affected files (direct importers first, then by distance), at most 20. */
  files?: string[];
  /** "torch — declared, not installed: 21 imports fail directly, 73 repo modules fail through them" */
  message: string;
  /** What to do about it, one line. */
  action: string;
}

export type PythonEnvironmentMode = 'interpreter' | 'venv' | 'manifests-only' | 'none';

export interface ImportsEnvironment {
  /** How Python imports were checked: an interpreter (--python), a venv found on disk, manifests only, or none (no Python). */
  mode: PythonEnvironmentMode;
  /** One sentence on the Python environment: which one, or why there is none and what that means. */
  note: string;
  pythonVersion?: string;
  /** How JS/TS packages were checked: against node_modules, or package.json only when there is none. */
  javascript?: { mode: 'node-modules' | 'manifests-only'; note: string };
}

/** --verify: what importing each module in a real interpreter said, against the static answer. */
export interface VerifyDisagreement {
  file: string;
  /** `ok`, or `fails: torch, ocr.core.legacy` (the static root causes). */
  static: string;
  /** `ok`, `ModuleNotFoundError: No module named 'torch'`, `timeout after 10 s`, ... */
  actual: string;
}

export interface VerifySection {
  /** The interpreter used, as shown to the user. */
  interpreter: string;
  checked: number;
  /** Python modules left out because importing them would do their work (top-level code, `__main__.py`) or their name is not importable. */
  skipped: number;
  agree: number;
  /** Modules whose import did not finish in time. */
  timeouts: number;
  disagreements: VerifyDisagreement[];
}

export interface ImportsSection {
  environment: ImportsEnvironment;
  /** Sorted by file, line, specifier, name. */
  findings: ImportFinding[];
  /** Ranked: most affected files first, then most direct imports, then by name. */
  rootCauses: RootCause[];
  /** Findings per bucket (every bucket present). */
  counts: Record<ImportBucket, number>;
  /** Only with `census imports --verify`. */
  verify?: VerifySection;
}
