/**
 * The Audit: the one versioned JSON document every reporter renders from.
 * Field names here are a public contract: docs/audit.schema.json documents them (README, "The Audit JSON").
 */
import type { Diagnostic } from './diagnostic.js';
import type { DuplicatesReport } from './duplicates.js';
import type { Edge } from './edge.js';
import type { Entry } from './entry.js';
import type { FileRecord, Language } from './file.js';
import type { ImportsSection } from './imports.js';
import type { RuntimeSection } from './runtime.js';
import type { Verdict } from './verdict.js';

export const SCHEMA_VERSION = 1;

export interface JunkFile {
  path: string;
  /** "macOS AppleDouble metadata", "folder metadata", "editor backup", "binary content in a python file". */
  reason: string;
}

export interface GitInfo {
  commit: string | null;
  branch: string | null;
  dirty: boolean;
}

export interface LanguageCount {
  language: Language;
  files: number;
  lines: number;
  codeLines: number;
}

export interface Summary {
  files: number;
  sourceFiles: number;
  edges: number;
  unresolvedImports: number;
  languages: LanguageCount[];
  /** Source files per verdict (absent until verdicts are computed). */
  verdicts?: Partial<Record<Verdict, number>>;
  warnings: number;
}

export interface Audit {
  schemaVersion: number;
  tool: { name: 'census'; version: string };
  /** The only field that changes between two runs on the same repo. */
  generatedAt: string;
  /** The scanned directory as the user named it (never absolute unless they gave it so). */
  root: string;
  /**
   * The folder of the root this Audit reports (a repo path), when the user asked about a folder
   * below its project's root: the whole root was analysed, and only this folder's files, the edges
   * touching them and their findings are listed. Absent when the whole root is reported.
   */
  focus?: string;
  git: GitInfo | null;
  /** Options that shaped the result, so a reader can reproduce it. */
  options: { include: string[]; exclude: string[]; maxFileSize: number };
  summary: Summary;
  files: FileRecord[];
  edges: Edge[];
  entries: Entry[];
  warnings: Diagnostic[];
  /**
   * Files skipped as junk, not source: AppleDouble `._*` companions, .DS_Store, editor backups,
   * binary bytes under a source or manifest name. Never analysed, never findings. Absent when none.
   */
  junk?: JunkFile[];
  /** Runtime evidence merged with --runtime (absent without it). */
  runtime?: RuntimeSection;
  /** Broken-import triage: failing imports by bucket and their root causes (every scan). */
  imports?: ImportsSection;
  /** Duplicate and overlap clusters with keepers (when the run asked for them: census dupes). */
  duplicates?: DuplicatesReport;
}
