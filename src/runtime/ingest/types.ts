/** What every evidence reader sees and returns. One reader per format, detected by content. */
import type { RepoPathMapper } from '../repo-paths.js';

/** The evidence file or folder, read once: readers only look, never touch the disk themselves (except SQLite). */
export interface EvidenceInput {
  /** As the user named it (used in messages). */
  name: string;
  absPath: string;
  kind: 'file' | 'dir';
  /** File content; null for folders. */
  bytes: Buffer | null;
  /** UTF-8 text when the file is not binary. */
  text: string | null;
  /** The parsed value when the text is JSON. */
  json?: unknown;
  /** For folders: `*.json` files inside, parsed (unparseable ones are skipped). */
  jsonFiles?: { name: string; json: unknown }[];
}

export interface IngestContext {
  rootAbs: string;
  toRepo: RepoPathMapper;
}

export interface EvidenceReading {
  /** Paths or file URLs as the evidence gives them (absolute or relative to the root). */
  paths?: string[];
  /** Dotted module names without a file. */
  modules?: string[];
  /** The run's own label, when the evidence carries one. */
  label?: string;
  /**
   * Coverage data omits files with no executable line (an empty `__init__.py`), yet Python ran
   * every package `__init__` above a module it ran: add them.
   */
  addPackageInits?: boolean;
  /** How the evidence was read, when the user should know (becomes an info diagnostic). */
  notes?: string[];
}

export interface EvidenceFormat {
  id: string;
  /** Shown in the "unknown format" error as the list of what census reads. */
  description: string;
  matches(input: EvidenceInput): boolean;
  read(input: EvidenceInput, ctx: IngestContext): EvidenceReading;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
