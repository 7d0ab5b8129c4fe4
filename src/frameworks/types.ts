/**
 * The framework-reader layer's contract. A reader knows one framework's or tool's own loading
 * rules (Django's INSTALLED_APPS, Alembic's script_location, pytest's conftest.py) and turns them
 * into roots and edges with evidence, reading config statically and never running it.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { FileFacts } from '../model/facts.js';
import type { EntryKind } from '../model/verdict.js';
import type { CommandInput, EntryInput } from '../entries/types.js';
import type { Manifests } from '../manifests/store.js';

/** A command line an entry detector found in deploy/CI/dev config, with the kind of its runner. */
export interface KnownCommand {
  command: string;
  cwd: string;
  kind: EntryKind;
  /** The file that declares it (Dockerfile, compose file, workflow...). */
  source: string;
  line?: number;
  /** "Dockerfile CMD" — the start of an evidence chain. */
  evidence: string;
}

/** A root an entry detector found (a test file pytest collects, a module a unit starts). */
export interface KnownEntry {
  target: string;
  targetKind: 'file' | 'module';
  kind: EntryKind;
  detector: string;
  source: string;
  evidence: string;
}

export interface FrameworkContext {
  /** Every discovered repo path (POSIX, repo-relative). */
  files: ReadonlySet<string>;
  /** Read a repo file (null if missing/unreadable); the same as `manifests.text`. */
  readText(path: string): string | null;
  /** The scan's manifest store: package.json, pyproject.toml, ... parsed once, shared with every stage. */
  manifests: Manifests;
  /** What extraction found in a source file (imports, commands, string references). */
  facts(path: string): FileFacts | undefined;
  /** The command lines the entry detectors found, with the kind of what runs them. */
  commands: readonly KnownCommand[];
  /** The roots the entry detectors found, before resolution. */
  entries: readonly KnownEntry[];
  /**
   * Repo files a dotted module name loads, as Python would import it with `cwd` on sys.path (the
   * module file first, then its packages' __init__.py); empty when it is not a repo module.
   * `importer`, a repo file: as that file's own `import name` finds it instead (a script's folder, the
   * one its module sits in, is sys.path[0]: hplip's align.py loads `ui5.aligndialog` beside it).
   */
  module(name: string, cwd?: string, importer?: string): string[];
  /**
   * The files census read as `language` and extracted (facts(path) answers them), in byString order
   * (files-of-language.ts). Absent (a reader test's context): a reader walks every path instead.
   */
  filesOfLanguage?(language: string): readonly string[];
  /** Symlinks to folders inside the root, link path → target folder (discovery's folderLinks; util/folder-links.ts). */
  folderLinks?: ReadonlyMap<string, string>;
  /** Symlinks to files inside the root, link path → the file it finally leads to (discovery's linkTarget). */
  fileLinks?: ReadonlyMap<string, string>;
}

/** An edge: config, settings or convention → code. */
export interface ReferenceInput {
  /** Repo path of the file that names it (settings.py, webpack.config.js). */
  from: string;
  /** Repo path, dotted module, or "module:attr" / "module.Attr". */
  target: string;
  targetKind: 'file' | 'module' | 'module-attr';
  line?: number;
  /** "named in INSTALLED_APPS in shop/settings.py:41" — becomes the edge's evidence. */
  label: string;
}

/** An entry with the file that declares it, so the census config can re-kind or ignore it. */
export type FrameworkEntry = EntryInput & { source: string };
export type FrameworkCommand = CommandInput & { source: string };

export interface FrameworkOutput {
  entries: FrameworkEntry[];
  commands: FrameworkCommand[];
  references: ReferenceInput[];
  /** What cannot be read statically: a warning naming file and line, never a guess. */
  diagnostics: Diagnostic[];
}

export interface FrameworkReader {
  id: string;
  title: string;
  ecosystem: 'python' | 'javascript';
  /** Why the reader applies (a declared dependency, manage.py exists...); null = off. */
  enabledBy(ctx: FrameworkContext): string | null;
  collect(ctx: FrameworkContext): FrameworkOutput;
  /**
   * Stop 50: a general rule that stands in for the readers of particular tools (script-file-args:
   * a source file handed to a program census has no record of). It runs after every other reader,
   * and its entries and references are kept only for files no entry detector and no other reader
   * named: a tool's own reader (or its config detector) says better what the tool does with the file.
   */
  fallback?: true;
}

export const emptyFrameworkOutput = (): FrameworkOutput => ({ entries: [], commands: [], references: [], diagnostics: [] });
