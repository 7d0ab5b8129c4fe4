/**
 * FileFacts: what one file says about itself, extracted from its text alone.
 * Pure function of (path, text): cacheable by content hash and extractor version.
 */
import type { Diagnostic } from './diagnostic.js';

/**
 * Why an import might not run when its file is loaded. Precedence when several apply:
 * `type-checking` (never runs) > `try` (failure is handled) > `function` (runs later, if ever).
 */
export type Guard = 'type-checking' | 'try' | 'function';

export type ImportSyntax =
  | 'import' // Python `import a.b` / JS `import x from`
  | 'from' // Python `from a import b`
  | 'export-from' // JS `export ... from`
  | 'require' // CommonJS require()
  | 'dynamic' // JS import(), Python importlib.import_module / __import__
  | 'import-equals' // TS `import x = require()`
  | 'reference-path' // TS `/// <reference path="./globals.d.ts" />`: a file, relative to the one that holds it
  | 'reference-types'; // TS `/// <reference types="node" />`: a package's types

export interface ImportedName {
  name: string;
  alias?: string;
}

export interface ImportFact {
  /**
   * Python: the module as written, with leading dots for relative imports (`..pkg.mod`, `.`).
   * JS/TS: the specifier string literal.
   */
  specifier: string;
  syntax: ImportSyntax;
  line: number;
  /** Names imported from the module (`from m import a as b` → [{name:'a', alias:'b'}]); `*` for star. */
  names: ImportedName[];
  /** `import a.b as c` → 'c'; JS namespace/default local names go in names. */
  alias?: string;
  guard: Guard | null;
  /** True for TS `import type` / all-type imports. */
  typeOnly?: boolean;
  /** Which exceptions the enclosing try handles, when guard is `try` (e.g. ImportError). */
  handles?: string[];
  /** Python, an import in a def's body (guard `function`, or `try` inside the def): the innermost def's name (its evidence says it runs when that def is called). */
  within?: string;
}

/** A command line found inside code: subprocess.run([...]), os.system('...'), spawn('node', [...]), a shell line. */
export interface CommandFact {
  command: string;
  line: number;
  /** Where it was found, for evidence: `subprocess.run`, `os.system`, `child_process.spawn`, `shell`. */
  via: string;
  /** Working directory hint when the code states one (`cd dir && ...` is kept in command). */
  cwd?: string;
  /** The call sets a working folder census cannot compute (`cwd: join(root, name)`): relative targets cannot be placed. */
  cwdComputed?: boolean;
}

/** A string naming a module or file that some framework will load: "pkg.mod:app", Celery include=[...]. */
export interface ReferenceFact {
  /**
   * A dotted module (`pkg.mod`, `pkg.mod:attr`); for form 'path', a path relative to the file's
   * own folder; for form 'glob', a glob relative to it (`import.meta.glob('./pages/*.vue')`), to the
   * project root (`/pages/*.vue`) or behind an alias (`@/pages/*.vue`).
   */
  target: string;
  form: 'module-attr' | 'module' | 'path' | 'glob';
  /** For form 'glob': a regular expression (source) the matched paths must also pass, relative to the glob's folder (`require.context`). */
  filter?: string;
  /** For form 'glob': patterns, read like `target`, whose matches are left out (Vite's `'!./pages/draft.ts'` in the pattern list). */
  exclude?: string[];
  /** For form 'glob': every `*` stands for the same text (``import(`../modes/${m}/${m}-builder.js`)``). */
  sameHoles?: true;
  /** For form 'glob': 'cwd' when the glob is relative to the folder the process runs in (Node's fs.glob), not to the file's folder. */
  base?: 'cwd';
  line: number;
  via: string;
}

/**
 * Stop 66: 'wsgi-application', a module named for WSGI (`wsgi.py`, `*_wsgi.py`, `wsgi_*.py`) that binds
 * `application` at its top level: the callable mod_wsgi and uWSGI's wsgi-file look up by default, in a
 * file an operator points the server at by path (mistral's api/wsgi.py: `application = app.init_wsgi()`).
 */
export type RunnableMarker = 'main-guard' | 'shebang' | 'cli-framework' | 'top-level-code' | 'wsgi-application';

export interface FileFacts {
  imports: ImportFact[];
  commands: CommandFact[];
  references: ReferenceFact[];
  runnable: RunnableMarker[];
  /** First line of the module docstring or leading comment. */
  summary?: string;
  /** Top-level names defined, assigned or imported (for missing-name checks). */
  definitions: string[];
  /** Python `__all__` when a literal list/tuple; JS: exported names. */
  exportedNames?: string[];
  /** True if the module has `from x import *` (or `export * from`), so name checks must be conservative. */
  hasStarImport?: boolean;
  /** Cyclomatic-style complexity: 1 + branch points. */
  complexity: number;
  /**
   * Python: repo folders the module puts on sys.path itself (`sys.path.insert(0, …/"lib")`), with the line;
   * an absolute folder outside the repo keeps its leading `/` (`/usr/share/app`), for the scan to place (sys-path-scopes.ts).
   */
  importRoots?: { dir: string; line: number; mainOnly?: true }[];
  /**
   * Python, in files that import graphene or strawberry: string literals naming a GraphQL type by its import path (`"app.types.User"`), and the
   * first argument of each `lazy(`/`lazy_import(` call (`lazy: true`, the call's line), from the
   * tokens (languages/python/type-paths.ts).
   */
  typePaths?: { value: string; line: number; lazy?: true }[];
  /**
   * Python, in files that import django.test: each string literal in a keyword argument of an `override_settings(…)`/`modify_settings(…)`
   * call, with the call and the setting (languages/python/setting-swaps.ts).
   */
  settingSwaps?: { call: string; setting: string; value: string; line: number }[];
  /** Python: the lines of `__import__(…)`/`import_module(…)` calls whose module name is computed, not a literal (frameworks/python/prefixed-imports.ts reads them). */
  computedImportLines?: number[];
  /**
   * Python: the lines of triple-quoted string literals holding an import line at their column 0 (`from a.b import c`),
   * Python source a module may write out (frameworks/python/code-templates.ts reads them).
   */
  codeTemplateLines?: number[];
  /** Python: string literals that are a script's bare file name (`'autoadd.js'`), with their lines (frameworks/python/package-scripts.ts reads them). */
  scriptNames?: { name: string; line: number }[];
  /**
   * Python: the dotted module of each `"-m", "pkg.mod"` pair of adjacent elements in a list, tuple or call whose head may be Python, with the
   * `-m`'s line (languages/python/module-args.ts; frameworks/python/module-args.ts resolves them).
   */
  moduleArgs?: { name: string; line: number }[];
  /**
   * JS/TS over --max-file-size (whose text readers do not get): the string literals that are a declaration file's bare name
   * (`"lib.es5.d.ts"`), quotes included, each at its first line, when the text spells its own location
   * (languages/javascript/declaration-names.ts; frameworks/js/named-declarations.ts reads them).
   */
  declarationNames?: { literal: string; line: number }[];
  /** Python: the text names `__file__` (frameworks/python/package-data.ts reads only such files for paths built from it); absent: it does not. */
  mentionsFile?: true;
  /**
   * JS/TS: which of the words some readers pre-test every code file for the text holds (languages/javascript/text-marks.ts); absent: unknown, read the text.
   * Python (a file whose decoded text is its UTF-8 as read): the same for the Python readers' words (languages/python/text-marks.ts).
   */
  textMarks?: string[];
  /**
   * JS/TS: the bare `.json` file names the text quotes (`'ungit-plugin.json'`; languages/javascript/json-names.ts;
   * frameworks/js/manifest-files.ts reads them). Set with textMarks: absent where textMarks is present, none.
   */
  jsonNames?: string[];
  /**
   * Python, a test-like file name (`test*.py`, `*test.py`) whose decoded text is the file's UTF-8 as read: whether it may hold
   * something pytest collects (languages/python/test-marks.ts); absent: unknown, read the text.
   */
  holdsTests?: boolean;
  /**
   * Python, a test-like path (languages/python/dotted-strings.ts) whose decoded text is the file's UTF-8 as read: its dotted-name
   * strings that something may load, with what takes them (frameworks/python/test-dotted-strings.ts resolves them); absent: unknown, read the text.
   */
  dottedStrings?: DottedStringFact[];
  diagnostics: Diagnostic[];
}

/** What takes a test's dotted string: an import-by-name call, a mock.patch target, an option value, a class path, a Django test class's urls. */
export type DottedStringHow = 'load' | 'patch' | 'option' | 'class' | 'urls';

export interface DottedStringFact {
  value: string;
  line: number;
  how: DottedStringHow;
  /** The call as written (`mock.patch`, `CONF.import_opt`); '' for a class path. */
  via: string;
}

export const emptyFacts = (): FileFacts => ({
  imports: [],
  commands: [],
  references: [],
  runnable: [],
  definitions: [],
  complexity: 0,
  diagnostics: [],
});
