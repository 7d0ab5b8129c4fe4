/**
 * What a language is to census: one record (`LanguageRecord`) that every stage derives its
 * per-language behaviour from, and the extractor interface the records carry.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { FileFacts } from '../model/facts.js';
import type { Language } from '../model/file.js';

/**
 * A language extractor: turns one file's text into FileFacts. Pure and worker-safe:
 * it must never throw (problems go into facts.diagnostics) and never touch the disk.
 */
export interface LanguageExtractor {
  language: Language;
  /** Bump when the output for the same text changes, so stored facts can tell they are stale. */
  version: number;
  /**
   * `asRead`: the text is exactly what reading the file as UTF-8 gives (valid UTF-8, no BOM
   * dropped), so a fact that stands for a later look at that text (FileFacts `holdsTests`) may be
   * recorded; otherwise such facts are left out and whoever needs them reads the file.
   */
  extract(path: string, text: string, asRead?: boolean): FileFacts;
  /**
   * Lines and code lines of the text `extract` last read, when its own walk counted them by
   * extract/metrics.ts's rules: scan-file.ts then takes them instead of walking the text again.
   * null when it did not count them.
   */
  lineCountsOfLast?(): { lines: number; codeLines: number } | null;
}

/** Every language but `other`, which is what a file is when no record claims it. */
export type KnownLanguage = Exclude<Language, 'other'>;

/**
 * Languages of one family read the same way: they share a resolver and import triage, count as one
 * language for cross-language overlap (a .js and a .ts copy are duplicates, not overlap), and a
 * `doc` file's mentions are documentation edges.
 */
export type LanguageFamily = 'python' | 'javascript' | 'shell' | 'doc' | 'config' | 'web';

/** The families whose imports census resolves and triages: one resolver and one environment each. */
export type Ecosystem = 'python' | 'javascript';

/** How the duplicate tokenizer reads a file (strings, comments, keywords). */
export type TokenMode = 'python' | 'js' | 'shell';

/** `#` line comments, `//` and `/* … *\/` comments, or none: what a comment-only line is. */
export type CommentStyle = 'hash' | 'slash' | 'none';

/**
 * The code inside a file that mixes code with markup (a `.vue` file's `<script>` blocks): the text
 * with everything that is not code blanked to spaces, line breaks kept, so offsets and line
 * numbers are the real file's.
 */
export interface CodeView {
  text: string;
  diagnostics: Diagnostic[];
}

export interface LanguageRecord {
  id: KnownLanguage;
  family: LanguageFamily;
  /** Lower-case extensions with their dot (`.py`); each extension belongs to one language. */
  extensions: readonly string[];
  /** Exact file names (`Dockerfile`), tried before extensions. */
  fileNames?: readonly string[];
  /** File-name prefixes (`Dockerfile.`), tried after exact names. */
  fileNamePrefixes?: readonly string[];
  /** Folders whose files are this language whatever their extension (`/cron.d/`). */
  folders?: readonly string[];
  /** Interpreter names a shebang may run (`python3`, `node`), for extension-less files. */
  shebang?: RegExp;
  comments: CommentStyle;
  /** Source files get a verdict and count as source in the summary. */
  source: boolean;
  /** Reads the file's facts; a language without one is listed and counted only. */
  extractor?: LanguageExtractor;
  /** Whose resolver and environment its imports go through. */
  ecosystem?: Ecosystem;
  /** Its imports resolve as a TypeScript file's do: `.ts` before `.js`, and `./x.js` may name `x.ts` or `x.d.ts`. */
  typeScriptImports?: boolean;
  /** Fingerprinted for duplicates with this tokenizer mode; absent: not compared. */
  tokens?: TokenMode;
  /** The encoding the file declares for itself when it is not UTF-8 (Python's PEP 263 line). */
  declaredEncoding?: (bytes: Uint8Array) => string | null;
  /** Whether the language itself accepts a declared encoding name (Python refuses a file naming an unknown codec). */
  knownEncoding?: (name: string) => boolean;
  /** The code parts of a file that mixes code and markup; line counts and fingerprints use it. */
  codeView?: (path: string, text: string) => CodeView;
  /** Code at the top level makes a file runnable on its own (a Python script). */
  topLevelCodeRuns?: boolean;
  /** How a 'main-guard' marker reads in evidence for this language; absent: Python's `if __name__ == "__main__"` guard. */
  mainGuardEvidence?: string;
  /** The evidence for an executable file of this language with no other runnable marker. */
  executableEvidence?: string;
  /**
   * Extensions whose files something outside the code runs by path, and the evidence for one
   * that no entry names (a `.wsgi` script a WSGI server loads): runnable with no other marker.
   */
  runByPath?: Readonly<Record<string, string>>;
  /**
   * A file of this language is no source (no verdict) but hands on the kind of whatever loads it to
   * what it loads: an HTML page's `<script src>` (frameworks/js/html-pages.ts).
   */
  passesReach?: boolean;
}
