/**
 * The one owner of the audited repo's manifests during a scan. Every stage that needs a config
 * file (entry detectors, the census config, Python search roots and environment, JS resolution and
 * environment, command targets) asks this store, so each file is read from disk at most once,
 * parsed at most once per format, and its parse problems become diagnostics exactly once.
 *
 * A format is a value (`ManifestFormat`), not a method, so a later reader (Django settings, a
 * webpack config) adds its own format in its own file and still shares the read and the cache.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { pathsNamedLike, sortedPaths, type NameKeys } from '../util/file-index.js';
import { dirname, joinRepo } from '../util/path.js';

/** What parsing one file gave: the value (null when unusable) and the problems to report. */
export interface Parsed<T> {
  value: T | null;
  /** Problems naming file and line; the store reports each once per scan (see `diagnostics`). */
  diagnostics: Diagnostic[];
}

/** How to turn a manifest's text into a value. Two formats with one id must parse alike. */
export interface ManifestFormat<T> {
  id: string;
  parse(text: string, path: string): Parsed<T>;
}

export interface ManifestsInput {
  /** Reads a repo-relative path from disk (null when missing or unreadable); called once per path. */
  readText(path: string): string | null;
  /** The discovered repo paths, when already known (else `setFiles` after discovery). */
  files?: ReadonlySet<string>;
}

export class Manifests {
  private readonly texts = new Map<string, string | null>();
  private readonly parsed = new Map<string, Parsed<unknown>>();
  private readonly derived = new Map<string, unknown>();
  private readonly nearestMemo = new Map<string, Map<string, string | null>>();
  private known: ReadonlySet<string>;
  private readonly readFromDisk: (path: string) => string | null;

  constructor(input: ManifestsInput) {
    this.readFromDisk = input.readText;
    this.known = input.files ?? new Set();
  }

  /**
   * The discovered paths. The census config is read before discovery (it can exclude files), so the
   * pipeline creates the store first and hands it the file list once discovery is done.
   */
  setFiles(files: ReadonlySet<string>): void {
    this.known = files;
    this.nearestMemo.clear();
  }

  /** Every discovered repo path. */
  get files(): ReadonlySet<string> {
    return this.known;
  }

  /** A repo file's text, read from disk the first time it is asked for; null when missing. */
  readonly text = (path: string): string | null => {
    if (this.texts.has(path)) return this.texts.get(path)!;
    const text = this.readFromDisk(path);
    this.texts.set(path, text);
    return text;
  };

  /**
   * A source file's text for a one-off scan of its content (is this a test module, which strings
   * does it hold): the stored text when some stage already read it, else read from disk and not
   * kept. Keeping every such text made the store hold a large share of the repo's bytes to the
   * end of the scan (about 800 MB at 100k files).
   */
  readonly transientText = (path: string): string | null => (this.texts.has(path) ? this.texts.get(path)! : this.readFromDisk(path));

  /** The file parsed with `format` (once per scan), or null when the file cannot be read. */
  parse<T>(path: string, format: ManifestFormat<T>): Parsed<T> | null {
    const key = `${format.id}\0${path}`;
    const cached = this.parsed.get(key);
    if (cached) return cached as Parsed<T>;
    const text = this.text(path);
    if (text === null) return null;
    let result: Parsed<unknown>;
    try {
      result = format.parse(text, path);
    } catch (e) {
      // A reader that throws is a bug in census; the file still must not cost the user the scan.
      result = { value: null, diagnostics: [warning('manifest/reader-crash', `the ${format.id} reader failed: ${(e as Error).message}`, path)] };
    }
    this.parsed.set(key, result);
    return result as Parsed<T>;
  }

  /** The parsed value, or null when the file is missing or does not parse. */
  get<T>(path: string, format: ManifestFormat<T>): T | null {
    return this.parse(path, format)?.value ?? null;
  }

  /**
   * The nearest discovered file at or above folder `dir` ('' = the root) whose name is one of
   * `names`; in one folder the earlier name wins. Null when no folder up to the root has one.
   */
  nearest(dir: string, names: string | readonly string[]): string | null {
    // Asked for every import and every file by several stages: one map per list of names, keyed by
    // folder, so a repeated question builds no key string and costs one lookup.
    const namesKey = typeof names === 'string' ? names : names.join('\0');
    let byDir = this.nearestMemo.get(namesKey);
    if (byDir === undefined) this.nearestMemo.set(namesKey, (byDir = new Map()));
    return this.nearestIn(dir, typeof names === 'string' ? [names] : names, byDir);
  }

  private nearestIn(dir: string, list: readonly string[], byDir: Map<string, string | null>): string | null {
    const known = byDir.get(dir);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (const name of list) {
      const path = joinRepo(dir, name);
      if (path !== null && this.known.has(path)) {
        found = path;
        break;
      }
    }
    if (found === null && dir !== '') found = this.nearestIn(dirname(dir), list, byDir);
    byDir.set(dir, found);
    return found;
  }

  /**
   * Every discovered path that `match` accepts, sorted. With `named`, only the paths of those stems
   * or extensions are tried (util/file-index.ts pathsNamedLike): a caller passes the keys every path
   * `match` accepts has (`package.json` → the stem `package`), so the answer is the same. Issue 19:
   * each call had copied, filtered and sorted every path (payload: 14 calls over 8,854 paths).
   */
  all(match: (path: string) => boolean, named?: NameKeys): string[] {
    // Filtering a sorted list keeps it sorted: the same list as sorting what the filter kept.
    return (named === undefined ? sortedPaths(this.known) : pathsNamedLike(this.known, named, 'sorted')).filter(match);
  }

  /**
   * A value built from several manifests (pytest's config per folder, the workspace packages),
   * computed once per scan under `key` and shared by every stage that asks.
   */
  derive<T>(key: string, build: (manifests: Manifests) => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = build(this);
    this.derived.set(key, value);
    return value;
  }

  /**
   * Every parse problem found so far, once each. Files outside the census (excluded, or read only
   * because the census config is looked for at the root) are not reported on.
   */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const result of this.parsed.values()) {
      for (const d of result.diagnostics) if (!d.location || this.known.has(d.location.file)) out.push(d);
    }
    return out;
  }

  /** The paths read from disk so far, in the order first read (for tests and measurements). */
  readPaths(): string[] {
    return [...this.texts.keys()];
  }
}
