/** What the extractor accumulates while it walks one file. */
import type { FileFacts, ImportedName, ImportSyntax } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import type { Frame } from './frames.js';
import { ProblemReport } from './problems.js';
import type { PythonTokens } from './tokenize.js';
import type { TypePath } from './type-paths.js';
import type { SettingSwap } from './setting-swaps.js';

/**
 * An import as read, before its guard is known (a try's handlers come after its body): the
 * ImportFact is built from it at the end of the file, in one object literal, so every fact of
 * the same form has the same hidden class (see extract.ts `importFact`).
 */
export interface PendingImport {
  specifier: string;
  syntax: ImportSyntax;
  line: number;
  names: ImportedName[];
  alias: string | undefined;
  frame: Frame;
}

/** A dotted name `root.….last` worth a second look once all imports are known. */
export interface NameSite {
  root: number;
  last: number;
  frame: Frame;
}

export class ExtractState {
  readonly facts: FileFacts = emptyFacts();
  /** Imports wait for the end of the file: a try's handlers come after its body. */
  readonly imports: PendingImport[] = [];
  readonly definitions = new Set<string>();
  /**
   * The bindings imports made, in order, three entries each: the local name, and the prefix and
   * name whose concatenation is its target. Most files never look a binding up, so the map
   * (`aliases`) and the targets are made on the first look (a Map.set and a string per imported
   * name were most of the cost of reading an import).
   */
  private readonly bindings: string[] = [];
  private aliasMap: Map<string, string> | null = null;
  /**
   * The locals of `aliases` bound under another name than their target's last part (`import
   * subprocess as sp`, `from os import system as sh`): the only ones calls.ts must look up, so
   * the targets of plain `from m import f` (a rope of m and f) are never read.
   */
  readonly renamedLocals = new Set<string>();
  /** Names bound to the importlib module (`import importlib as il`). */
  readonly importlibNames = new Set<string>(['importlib']);
  /** Names bound to importlib.import_module (`from importlib import import_module`). */
  readonly importModuleNames = new Set<string>();
  readonly nameSites: NameSite[] = [];
  /** `__all__`: undefined when absent, null once it stops being a literal. */
  exported: string[] | null | undefined = undefined;
  /** `from m import *` was seen (FileFacts.hasStarImport, set with the other optional facts at the end). */
  hasStarImport = false;
  /** Type paths noted by the token pass (FileFacts.typePaths). */
  readonly typePaths: TypePath[] = [];
  /** String literals that are a script's file name (FileFacts.scriptNames). */
  readonly scriptNames: { name: string; line: number }[] = [];
  /** Modules a list runs with `"-m", "pkg.mod"` (FileFacts.moduleArgs). */
  readonly moduleArgs: { name: string; line: number }[] = [];
  /** Lines of triple-quoted strings with an import line at their column 0 (FileFacts.codeTemplateLines). */
  readonly codeTemplateLines: number[] = [];
  /** Lines of `__import__`/`import_module` calls whose name is computed (FileFacts.computedImportLines). */
  readonly computedImportLines: number[] = [];
  /** Lines of `exec("from .%s import …" % x)` calls in code (exec-imports.ts), added to computedImportLines at the end. */
  readonly execImportLines: number[] = [];
  /** Settings a test swaps in, noted by the token pass (FileFacts.settingSwaps). */
  readonly settingSwaps: SettingSwap[] = [];
  mainGuard = false;
  topLevelCode = false;
  caseClauses = 0;
  readonly problems = new ProblemReport();

  constructor(
    readonly t: PythonTokens,
    readonly path: string,
  ) {}

  /** Binds `local` to `prefix + name` (the later binding of a name wins, as in Python). */
  bindAlias(local: string, prefix: string, name: string): void {
    this.bindings.push(local, prefix, name);
    if (this.aliasMap !== null) this.aliasMap.set(local, prefix + name);
  }

  /** Local name → what it names: `import a.b` binds a → a; `from m import f as g` binds g → m.f. */
  get aliases(): ReadonlyMap<string, string> {
    if (this.aliasMap === null) {
      const map = new Map<string, string>();
      const b = this.bindings;
      for (let i = 0; i < b.length; i += 3) map.set(b[i], b[i + 1] + b[i + 2]);
      this.aliasMap = map;
    }
    return this.aliasMap;
  }
}
